-- The embedding model's vector of each published article (docs/knowledge.md, "Meaning"): two bytes
-- per dimension, with the model that made it and the publication it was made from, so that a new
-- model or a new publication is embedded again.
create table kb_article_vector (
    article_id   uuid primary key references kb_article (id) on delete cascade,
    game_id      uuid not null,
    model        varchar(64) not null,
    published_at timestamp with time zone not null,
    vector       bytea not null,
    updated_at   timestamp with time zone not null
);
create index kb_article_vector_by_game on kb_article_vector (game_id, updated_at);
