-- Satisfaction surveys (CSAT, survey module): each game's survey settings, over the defaults
-- (survey.SurveySettings.defaults), where an administrator changed them.
create table survey_setting (
    game_id        uuid          not null primary key,
    help_center    boolean       not null,
    game_api       boolean       not null,
    email          boolean       not null,
    live_chat      boolean       not null,
    delay_minutes  integer       not null,
    valid_days     integer       not null,
    question_zh    varchar(300)  not null,
    question_en    varchar(300)  not null,
    low_score      integer       not null,
    reasons        varchar(300)  not null,
    updated_at     timestamp with time zone not null
);

-- One survey per ticket (the unique key is what makes it one, whichever node or channel comes
-- first). Made when the ticket is first resolved (or, for a live chat, when the player rates it),
-- asked once due_at has passed (asked_at), answered once (answered_at: the update that records
-- the answer requires it still null). resolved_by is the agent the answer counts toward.
-- secret is the key the survey's links are signed with (HMAC-SHA256), one per survey.
create table survey (
    id            uuid          not null primary key,
    ticket_id     uuid          not null,
    game_id       uuid          not null,
    channel       varchar(20)   not null,
    resolved_by   uuid,
    resolved_at   timestamp with time zone not null,
    due_at        timestamp with time zone,
    asked_at      timestamp with time zone,
    expires_at    timestamp with time zone,
    mailed_at     timestamp with time zone,
    secret        varchar(64)   not null,
    score         integer,
    comment       varchar(1000),
    reasons       varchar(300),
    answered_via  varchar(20),
    answered_at   timestamp with time zone,
    chat_id       uuid,
    constraint survey_one_per_ticket unique (ticket_id)
);

create index survey_due on survey (due_at);
create index survey_game_answered on survey (game_id, answered_at);
create index survey_agent_answered on survey (resolved_by, answered_at);
