-- Live chat: per-game settings, agents' presence, chat sessions and their messages.

-- A game's chat settings. secret signs players' identities (HMAC-SHA256); it is never shown
-- again after saving. hours_from/hours_to (local time in time_zone) null = around the clock.
create table chat_settings (
    game_id          uuid primary key references game (id) on delete cascade,
    secret           varchar(200),
    guests_allowed   boolean      not null,
    hours_from       varchar(5),
    hours_to         varchar(5),
    time_zone        varchar(64)  not null,
    max_wait_seconds integer      not null,
    updated_at       timestamp with time zone not null
);

create table chat_agent (
    staff_id     uuid primary key references staff_account (id) on delete cascade,
    display_name varchar(100) not null,
    presence     varchar(16)  not null,
    capacity     integer      not null,
    updated_at   timestamp with time zone not null
);

create table chat_session (
    id             uuid primary key,
    game_id        uuid         not null references game (id),
    player_id      uuid         not null,
    account_id     varchar(64)  not null,
    nickname       varchar(100),
    vip_level      integer,
    server         varchar(64),
    guest          boolean      not null,
    token_hash     varchar(64)  not null,
    status         varchar(16)  not null,
    agent_id       uuid,
    agent_name     varchar(100),
    ticket_id      uuid,
    follow_token   varchar(100),
    last_seq       bigint       not null,
    player_read    bigint       not null,
    agent_read     bigint       not null,
    rating         integer,
    rating_comment varchar(1000),
    created_at     timestamp with time zone not null,
    accepted_at    timestamp with time zone,
    ended_at       timestamp with time zone
);
create index chat_session_queue on chat_session (game_id, status, created_at);
create index chat_session_agent on chat_session (agent_id, status);

create table chat_message (
    id          uuid primary key,
    session_id  uuid          not null references chat_session (id) on delete cascade,
    seq         bigint        not null,
    client_id   varchar(64)   not null,
    author_kind varchar(16)   not null,
    author_name varchar(100),
    body        varchar(4000) not null,
    image_id    uuid,
    created_at  timestamp with time zone not null,
    constraint chat_message_seq unique (session_id, seq),
    constraint chat_message_client unique (session_id, client_id)
);
