-- Knowledge base: FAQ and internal articles per game and language, their published versions,
-- the search synonyms admins edit, canned replies and forbidden phrases.
create table kb_category (
    id         uuid primary key,
    game_id    uuid         not null,
    locale     varchar(10)  not null,
    name       varchar(80)  not null,
    position   integer      not null,
    created_at timestamp with time zone not null
);
create index kb_category_by_game on kb_category (game_id, locale, position);

-- title/body: the published text (null until first published); draft_*: what the editor saves.
create table kb_article (
    id           uuid primary key,
    game_id      uuid          not null,
    locale       varchar(10)   not null,
    category_id  uuid,
    audience     varchar(10)   not null,
    announcement boolean       not null,
    title        varchar(200),
    body         varchar(50000),
    draft_title  varchar(200)  not null,
    draft_body   varchar(50000) not null,
    version      integer       not null,
    helpful      integer       not null,
    unhelpful    integer       not null,
    deflections  integer       not null,
    updated_by   varchar(64)   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    published_at timestamp with time zone
);
create index kb_article_by_game on kb_article (game_id, locale, category_id);

create table kb_article_related (
    article_id uuid not null references kb_article (id),
    related_id uuid not null,
    primary key (article_id, related_id)
);

-- every published version, for the history
create table kb_article_version (
    id           uuid primary key,
    article_id   uuid           not null references kb_article (id),
    version      integer        not null,
    title        varchar(200)   not null,
    body         varchar(50000) not null,
    published_by varchar(64)    not null,
    published_at timestamp with time zone not null,
    unique (article_id, version)
);

-- one group of words meaning the same per line, e.g. 盗号,被盗,号被偷; applied at query time
create table kb_synonym (
    id      uuid primary key,
    game_id uuid         not null,
    terms   varchar(500) not null
);
create index kb_synonym_by_game on kb_synonym (game_id);

create table kb_canned_reply (
    id         uuid primary key,
    game_id    uuid          not null,
    locale     varchar(10)   not null,
    stage      varchar(10)   not null,
    title      varchar(80)   not null,
    body       varchar(4000) not null,
    updated_at timestamp with time zone not null
);
create index kb_canned_reply_by_game on kb_canned_reply (game_id, locale, stage);

create table kb_forbidden_phrase (
    id      uuid primary key,
    game_id uuid         not null,
    phrase  varchar(100) not null,
    -- true: only the phrase alone (a bare 不知道) is forbidden, not a sentence that contains it
    bare    boolean      not null,
    unique (game_id, phrase)
);
