-- Files of a course of its own (a handbook, slides, a recording), beside its articles
-- (docs/training.md). The content is in the file store's training-files area, under storage_key.
create table training_course_file (
    id           uuid          primary key,
    course_id    uuid          not null references training_course (id) on delete cascade,
    name         varchar(255)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null,
    sha256       varchar(64)   not null,
    storage_key  varchar(200)  not null,
    added_by     uuid          not null,
    added_at     timestamp with time zone not null
);

create index training_course_file_course on training_course_file (course_id, added_at);
