-- Similar questions (相似问) of an article (docs/knowledge.md, "Similar questions"): the ways players
-- ask what the article answers, written by its editors or learned from a player's "this solved it".
-- Each is compared by meaning beside its article once the embedding model's vector is made.
create table kb_article_question (
    id          uuid primary key,
    article_id  uuid not null references kb_article (id) on delete cascade,
    game_id     uuid not null,
    question    varchar(200) not null,
    source      varchar(16) not null,
    created_at  timestamp with time zone not null,
    model       varchar(64),
    vector      bytea,
    updated_at  timestamp with time zone,
    constraint kb_article_question_once unique (article_id, question)
);
create index kb_article_question_by_game on kb_article_question (game_id, updated_at);
