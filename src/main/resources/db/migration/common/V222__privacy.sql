-- Players' data requests (PIPL / GDPR): an export of everything PlayerDesk keeps about a player,
-- or its erasure. Each is tracked to its deadline (due_at, from the game's privacy setting) and
-- records its fulfilment: who, when, and the rows per data kind (counts, "kind=n;kind=n").
-- An export is written in the background by any node that claims it (claimed_until is a lease
-- that runs out when the node dies). idem_key is the game API's Idempotency-Key, unique per game.
create table privacy_request (
    id            uuid primary key,
    game_id       uuid          not null references game (id),
    account_id    varchar(64)   not null,
    kind          varchar(10)   not null,
    source        varchar(10)   not null,
    state         varchar(10)   not null,
    requested_by  varchar(100)  not null,
    received_at   timestamp with time zone not null,
    due_at        timestamp with time zone not null,
    idem_key      varchar(128),
    request_hash  varchar(64),
    claimed_by    varchar(100),
    claimed_until timestamp with time zone,
    done_by       varchar(100),
    done_at       timestamp with time zone,
    counts        varchar(2000),
    file_key      varchar(200),
    file_size     bigint,
    error_key     varchar(120),
    constraint privacy_request_idempotency unique (game_id, idem_key)
);
create index privacy_request_by_game on privacy_request (game_id, received_at);
create index privacy_request_open on privacy_request (state, due_at);

-- Each game's deadline for data requests, in days (15 under PIPL, 30 under GDPR).
create table privacy_setting (
    game_id       uuid primary key references game (id),
    deadline_days integer      not null,
    updated_by    varchar(100) not null,
    updated_at    timestamp with time zone not null
);

-- Each game's retention period per data kind, in days; no row: kept for ever.
create table privacy_retention (
    game_id    uuid         not null references game (id),
    data_kind  varchar(30)  not null,
    keep_days  integer      not null,
    updated_by varchar(100) not null,
    updated_at timestamp with time zone not null,
    primary key (game_id, data_kind)
);

-- The retention sweep's lease: one node at a time runs it.
create table privacy_lease (
    name          varchar(40) primary key,
    claimed_by    varchar(100),
    claimed_until timestamp with time zone
);
insert into privacy_lease (name) values ('retention');

-- A ticket anonymised (erased at a player's request or past its retention period): not again.
alter table ticket add column erased_at timestamp with time zone;
create index ticket_erasable on ticket (game_id, status, closed_at);
