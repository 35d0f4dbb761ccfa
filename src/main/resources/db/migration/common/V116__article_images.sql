-- Images of articles, uploaded from the editor. The file lives under <data-dir>/kb-images; the row
-- says whose it is (the article decides who may see it) and what it is (sniffed, not claimed).
create table kb_image (
    id           uuid primary key,
    game_id      uuid         not null,
    article_id   uuid         not null references kb_article (id),
    content_type varchar(40)  not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    storage_key  varchar(100) not null,
    created_by   varchar(100) not null,
    created_at   timestamp with time zone not null
);
create index kb_image_by_article on kb_image (article_id);
