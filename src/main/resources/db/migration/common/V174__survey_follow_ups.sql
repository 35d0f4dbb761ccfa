-- A low survey score opens one follow-up (回访) for the game's leads: who called the player back,
-- when, and what came of it (done_at, done_by, outcome).
create table survey_follow_up (
    id          uuid          not null primary key,
    survey_id   uuid          not null,
    ticket_id   uuid          not null,
    game_id     uuid          not null,
    score       integer       not null,
    opened_at   timestamp with time zone not null,
    done_at     timestamp with time zone,
    done_by     uuid,
    outcome     varchar(1000),
    constraint survey_follow_up_one_per_survey unique (survey_id)
);

create index survey_follow_up_open on survey_follow_up (game_id, done_at);
