-- How PlayerDesk reaches each game's own backend: nothing, the built-in simulated game, or the
-- HTTP connector (docs/game-connector.md). The HMAC secret is kept in clear because requests are
-- signed with it; it is never logged nor shown back.
create table game_connector (
    id                 uuid primary key,
    game_id            uuid         not null unique references game (id),
    kind               varchar(16)  not null,
    base_url           varchar(500),
    secret             varchar(200),
    connect_timeout_ms integer,
    read_timeout_ms    integer,
    updated_by         varchar(64)  not null,
    updated_at         timestamp with time zone not null
);

-- The simulated game's own records of the actions done to its accounts, one per idempotency
-- key; its other data is generated from the game code. Keyed by game code, as a remote game
-- would know itself.
create table simulated_game_action (
    id               uuid primary key,
    game_code        varchar(32)  not null,
    idempotency_key  varchar(100) not null,
    account_id       varchar(64)  not null,
    kind             varchar(20)  not null,
    operator         varchar(100),
    reason           varchar(500),
    duration_seconds bigint,
    currency_amount  bigint,
    item             varchar(100),
    quantity         integer,
    applied          boolean      not null,
    reference        varchar(40)  not null,
    message          varchar(500) not null,
    performed_at     timestamp with time zone not null,
    constraint simulated_game_action_key unique (game_code, idempotency_key)
);
create index simulated_game_action_by_account on simulated_game_action (game_code, account_id, performed_at);
