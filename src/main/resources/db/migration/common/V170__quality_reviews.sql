-- QA sampling and scorecards (docs/quality.md).

-- How many conversations of each agent who worked are drawn a day, per game (default 3).
create table qa_settings (
    game_id    uuid    primary key,
    per_agent  integer not null,
    updated_at timestamp with time zone not null
);

-- A game's scorecard, one row per version (the text form of quality.Scorecard); a review keeps the
-- version it was scored on. A game without one scores on the default (seed 002).
create table qa_scorecard (
    id         uuid primary key,
    game_id    uuid           not null,
    version    integer        not null,
    definition varchar(20000) not null,
    created_by uuid,
    created_at timestamp with time zone not null,
    unique (game_id, version)
);

-- One draw per game and day: its seed, so that it can be drawn again to the same result.
create table qa_draw (
    id         uuid primary key,
    game_id    uuid    not null,
    draw_day   date    not null,
    seed       bigint  not null,
    per_agent  integer not null,
    drawn_at   timestamp with time zone not null,
    drawn_by   uuid,
    unique (game_id, draw_day)
);

-- A conversation drawn for review, for the agent whose work it was; a ticket is drawn once ever.
create table qa_sample (
    id        uuid primary key,
    draw_id   uuid        not null references qa_draw (id) on delete cascade,
    game_id   uuid        not null,
    draw_day  date        not null,
    agent_id  uuid        not null,
    ticket_id uuid        not null unique,
    reason    varchar(20) not null,
    position  integer     not null
);
create index qa_sample_by_day on qa_sample (game_id, draw_day);

-- A reviewer's score of an agent's conversation on a scorecard version: the items marked (codes,
-- one per line), the points, and what the agent and the lead said of it after.
create table qa_review (
    id            uuid primary key,
    game_id       uuid          not null,
    ticket_id     uuid          not null,
    agent_id      uuid          not null,
    reviewer_id   uuid          not null,
    scorecard_id  uuid          not null references qa_scorecard (id),
    sample_id     uuid,
    marks         varchar(4000) not null,
    score         integer       not null,
    max_score     integer       not null,
    fatal         boolean       not null,
    comment       varchar(2000),
    state         varchar(20)   not null,
    agent_comment varchar(2000),
    resolution    varchar(2000),
    resolved_by   uuid,
    revision      integer       not null,
    created_at    timestamp with time zone not null,
    answered_at   timestamp with time zone,
    resolved_at   timestamp with time zone,
    unique (ticket_id, agent_id, reviewer_id)
);
create index qa_review_by_agent on qa_review (agent_id, created_at);
create index qa_review_by_game on qa_review (game_id, created_at);
