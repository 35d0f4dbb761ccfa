-- Announcements (docs/announcements.md): a game's notices to its players beyond outages —
-- maintenance with its window, events, event results, rule changes — in Chinese, English or both,
-- published at a set time and taken down at their expiry.
create table announcement (
    id              uuid          primary key,
    game_id         uuid          not null,
    kind            varchar(20)   not null,
    title_zh        varchar(200),
    title_en        varchar(200),
    body_zh         varchar(20000),
    body_en         varchar(20000),
    window_start    timestamp with time zone,
    window_end      timestamp with time zone,
    -- false while a draft; once released it shows from publish_at (in the future: scheduled)
    released        boolean       not null,
    publish_at      timestamp with time zone,
    expires_at      timestamp with time zone,
    pinned          boolean       not null,
    to_agents       boolean       not null,
    withdrawn_at    timestamp with time zone,
    created_by      uuid          not null,
    created_by_name varchar(200)  not null,
    created_at      timestamp with time zone not null,
    updated_by_name varchar(200)  not null,
    updated_at      timestamp with time zone not null,
    version         bigint        not null
);
create index announcement_game_publish on announcement (game_id, publish_at);

-- Each game's change stamp: raised in the transaction of every change of one of its announcements,
-- so that the in-game feed's ETag needs no reading of the announcements themselves.
create table announcement_feed (
    game_id uuid   primary key,
    version bigint not null
);
