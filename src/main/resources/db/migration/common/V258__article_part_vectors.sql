-- The vectors of each public article's title and sentences, one after the other (two bytes per
-- dimension, as the article's own): examples of the article for its game's answer model
-- (docs/knowledge.md, "Meaning (semantic search)"). Null until the answer model's training makes them; a new
-- publication or model clears them.
alter table kb_article_vector add column parts bytea;
