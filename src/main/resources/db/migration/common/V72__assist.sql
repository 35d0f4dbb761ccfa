-- Assist: what PlayerDesk suggested for each new ticket (type, priority, game area, hostility),
-- what the ticket turned out to be when resolved (the training label), the bot's first answers,
-- and each game's thresholds.
create table assist_example (
    ticket_id           uuid primary key,
    game_id             uuid          not null,
    text                varchar(2000) not null,
    suggested_type      varchar(20)   not null,
    type_confidence     double precision not null,
    suggested_priority  varchar(10)   not null,
    priority_confidence double precision not null,
    area                varchar(20)   not null,
    hostile             boolean       not null,
    source              varchar(10)   not null,
    applied             boolean       not null,
    label_type          varchar(20),
    label_priority      varchar(10),
    created_at          timestamp with time zone not null,
    labeled_at          timestamp with time zone
);
create index assist_example_by_game on assist_example (game_id, labeled_at);

create table assist_bot_answer (
    ticket_id   uuid primary key,
    game_id     uuid         not null,
    article_id  uuid         not null,
    title       varchar(200) not null,
    confidence  double precision not null,
    outcome     varchar(12)  not null,
    created_at  timestamp with time zone not null,
    answered_at timestamp with time zone
);

create table assist_setting (
    game_id         uuid primary key,
    bot_threshold   double precision not null,
    apply_threshold double precision not null
);
