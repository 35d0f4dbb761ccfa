-- Foundation: games, staff and API keys, players, tickets with their messages,
-- attachments, tags, metadata and history. One history for H2 and PostgreSQL.

create table game (
    id             uuid primary key,
    code           varchar(32)  not null unique,
    name           varchar(100) not null,
    default_locale varchar(10)  not null,
    created_at     timestamp with time zone not null
);

create table staff_account (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    display_name  varchar(100) not null,
    password_hash varchar(100) not null,
    role          varchar(20)  not null,
    locale        varchar(10)  not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null
);

create table staff_game (
    staff_id uuid not null references staff_account (id) on delete cascade,
    game_id  uuid not null references game (id) on delete cascade,
    primary key (staff_id, game_id)
);

create table api_key (
    id           uuid primary key,
    game_id      uuid         not null references game (id),
    name         varchar(100) not null,
    key_prefix   varchar(12)  not null,
    key_hash     varchar(64)  not null unique,
    created_by   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone
);
create index api_key_by_game on api_key (game_id);

create table player (
    id            uuid primary key,
    game_id       uuid         not null references game (id),
    account_id    varchar(64)  not null,
    nickname      varchar(100),
    server        varchar(64),
    role_name     varchar(100),
    contact_email varchar(254),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint player_account_per_game unique (game_id, account_id)
);

create table ticket (
    id                 uuid primary key,
    game_id            uuid         not null references game (id),
    number             bigint       not null,
    player_id          uuid         not null references player (id),
    subject            varchar(200) not null,
    type               varchar(20)  not null,
    channel            varchar(20)  not null,
    priority           varchar(10)  not null,
    priority_rank      smallint     not null,
    status             varchar(20)  not null,
    assignee_id        uuid references staff_account (id),
    contact_email      varchar(254),
    access_token_hash  varchar(64) unique,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    first_response_at  timestamp with time zone,
    resolved_at        timestamp with time zone,
    closed_at          timestamp with time zone,
    version            bigint       not null,
    constraint ticket_number_per_game unique (game_id, number)
);
create index ticket_inbox on ticket (game_id, status, created_at);
create index ticket_by_assignee on ticket (assignee_id, status, created_at);
create index ticket_by_player on ticket (player_id, created_at);
create index ticket_by_created on ticket (created_at);

create table ticket_metadata (
    ticket_id  uuid         not null references ticket (id) on delete cascade,
    entry_key  varchar(64)  not null,
    entry_value varchar(500) not null,
    primary key (ticket_id, entry_key)
);

create table ticket_tag (
    ticket_id uuid        not null references ticket (id) on delete cascade,
    tag       varchar(40) not null,
    primary key (ticket_id, tag)
);
create index ticket_tag_by_tag on ticket_tag (tag);

create table ticket_message (
    id          uuid primary key,
    ticket_id   uuid          not null references ticket (id) on delete cascade,
    visibility  varchar(10)   not null,
    author_kind varchar(10)   not null,
    author_id   uuid,
    author_name varchar(100)  not null,
    body        varchar(20000) not null,
    created_at  timestamp with time zone not null
);
create index ticket_message_by_ticket on ticket_message (ticket_id, created_at);

create table ticket_attachment (
    id           uuid primary key,
    ticket_id    uuid         not null references ticket (id) on delete cascade,
    message_id   uuid references ticket_message (id) on delete set null,
    visibility   varchar(10)  not null,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    storage_key  varchar(200) not null,
    uploaded_by  varchar(100) not null,
    created_at   timestamp with time zone not null
);
create index ticket_attachment_by_ticket on ticket_attachment (ticket_id);

create table ticket_history (
    id          uuid primary key,
    ticket_id   uuid         not null references ticket (id) on delete cascade,
    action      varchar(20)  not null,
    old_value   varchar(200),
    new_value   varchar(200),
    actor_kind  varchar(10)  not null,
    actor_id    uuid,
    actor_name  varchar(100) not null,
    created_at  timestamp with time zone not null
);
create index ticket_history_by_ticket on ticket_history (ticket_id, created_at);

-- Remembers the ticket an Idempotency-Key created, so that a retried request
-- returns the same ticket instead of a second one.
create table api_idempotency (
    game_id      uuid         not null references game (id),
    idem_key     varchar(128) not null,
    request_hash varchar(64)  not null,
    ticket_id    uuid         not null references ticket (id) on delete cascade,
    created_at   timestamp with time zone not null,
    primary key (game_id, idem_key)
);

-- Daily counters kept by the insight module from ticket events.
create table ticket_daily_count (
    game_id   uuid        not null,
    count_day date        not null,
    metric    varchar(30) not null,
    total     bigint      not null,
    primary key (game_id, count_day, metric)
);
