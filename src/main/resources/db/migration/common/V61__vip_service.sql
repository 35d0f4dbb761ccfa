-- VIP service: players with a VIP manager, a private entry link (stored as a SHA-256 hash, like a
-- ticket's private link), and their follow-up visits.
create table vip_player (
    id               uuid primary key,
    game_id          uuid         not null references game (id),
    account_id       varchar(64)  not null,
    manager_id       uuid         references staff_account (id) on delete set null,
    entry_token_hash varchar(64)  unique,
    vip_level        integer      not null,
    tier             varchar(20),
    next_follow_up_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint vip_player_account_per_game unique (game_id, account_id)
);
create index vip_player_by_follow_up on vip_player (next_follow_up_at);

create table vip_follow_up (
    id             uuid primary key,
    vip_player_id  uuid          not null references vip_player (id) on delete cascade,
    game_id        uuid          not null references game (id),
    account_id     varchar(64)   not null,
    due_at         timestamp with time zone,
    done_at        timestamp with time zone not null,
    done_by        varchar(100)  not null,
    outcome        varchar(500)  not null,
    satisfaction   integer,
    notes          varchar(2000)
);
create index vip_follow_up_by_player on vip_follow_up (vip_player_id, done_at);
