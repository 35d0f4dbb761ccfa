-- Social and forum channels (social module, docs/social.md). A source is one platform account of
-- a game that posts to PlayerDesk: a forum or anything else through the generic signed webhook, a
-- WeChat Official Account's message push, a Discord application's interactions endpoint. Its
-- credentials are written by administrators and never shown again.
create table social_source (
    id              uuid          primary key,
    game_id         uuid          not null,
    name            varchar(100)  not null,
    platform        varchar(20)   not null,
    -- generic: the HMAC secret of SignedRequests; wechat: the push token; discord: unused
    secret          varchar(200),
    -- wechat: the AppID; discord: the application id
    app_id          varchar(100),
    -- wechat: the AppSecret; discord: the bot token
    app_secret      varchar(200),
    -- discord: the application's Ed25519 public key, hex
    public_key      varchar(64),
    -- generic: where a post's removal is asked for (signed), none: removal is only recorded
    moderation_url  varchar(500),
    enabled         boolean       not null,
    created_at      timestamp with time zone not null
);
create index social_source_game on social_source (game_id);

-- Who posted, by the platform's user id, and the game account they are linked to once known.
create table social_author (
    id                uuid         primary key,
    source_id         uuid         not null references social_source (id),
    platform_user_id  varchar(100) not null,
    name              varchar(100) not null,
    player_account    varchar(64)  not null,
    linked_account    varchar(64),
    unique (source_id, platform_user_id)
);

-- A conversation on the platform (a forum thread, a follower's chat, a Discord channel) and the
-- ticket it became; reply_to is where an agent's answer goes (a callback URL, a Discord
-- interaction token), none when the platform has no reply API for it.
create table social_thread (
    id              uuid          primary key,
    source_id       uuid          not null references social_source (id),
    thread_key      varchar(200)  not null,
    ticket_id       uuid          not null,
    author_id       uuid          not null references social_author (id),
    reply_to        varchar(1000),
    reply_token     varchar(1000),
    reply_token_at  timestamp with time zone,
    channel_id      varchar(100),
    url             varchar(1000),
    created_at      timestamp with time zone not null,
    unique (source_id, thread_key)
);
create index social_thread_ticket on social_thread (ticket_id);

-- Each post or direct message received, once by its platform id (WeChat's MsgId, a forum's post
-- id, a Discord interaction id); the forum desk's flag on it.
create table social_post (
    id            uuid          primary key,
    source_id     uuid          not null references social_source (id),
    game_id       uuid          not null,
    thread_id     uuid          not null references social_thread (id),
    post_key      varchar(200)  not null,
    author_id     uuid          not null references social_author (id),
    kind          varchar(20)   not null,
    body          varchar(10000) not null,
    url           varchar(1000),
    flag          varchar(20),
    removed       boolean       not null,
    received_at   timestamp with time zone not null,
    unique (source_id, post_key)
);
create index social_post_game on social_post (game_id, received_at);

-- The forum desk's record of each post: flagged, removed, warned, banned, by whom and when.
create table social_post_action (
    id          uuid          primary key,
    post_id     uuid          not null references social_post (id),
    action      varchar(30)   not null,
    detail      varchar(1000),
    staff_id    uuid,
    staff_name  varchar(100)  not null,
    at          timestamp with time zone not null
);
create index social_post_action_post on social_post_action (post_id, at);

-- An agent's public reply sent back to the platform (or not): one row per reply, so a
-- redelivered event sends nothing twice.
create table social_delivery (
    message_id  uuid          primary key,
    ticket_id   uuid          not null,
    state       varchar(20)   not null,
    error       varchar(1000),
    at          timestamp with time zone not null
);
create index social_delivery_ticket on social_delivery (ticket_id, at);
