-- Player CRM: tags given by staff, notes by staff, and the last figures the game told us about a
-- player (for the VIP tier when the game's backend cannot be reached).
create table player_tag (
    player_id  uuid        not null references player (id),
    tag        varchar(30) not null,
    added_by   varchar(64) not null,
    added_at   timestamp with time zone not null,
    primary key (player_id, tag)
);

create table player_note (
    id          uuid primary key,
    player_id   uuid          not null references player (id),
    body        varchar(2000) not null,
    author_id   uuid,
    author_name varchar(100)  not null,
    created_at  timestamp with time zone not null
);
create index player_note_by_player on player_note (player_id, created_at);

create table player_standing (
    player_id      uuid primary key references player (id),
    total_recharge bigint      not null,
    vip_level      integer     not null,
    last_login_at  timestamp with time zone,
    tier           varchar(20) not null,
    updated_at     timestamp with time zone not null
);
