-- The knowledge module's own copy of what console ticket search looks in (subject, messages,
-- player nickname), built from ticket events; the full-text index is built from it.
create table kb_ticket_document (
    ticket_id  uuid primary key,
    game_id    uuid           not null,
    number     bigint         not null,
    subject    varchar(200)   not null,
    nickname   varchar(100),
    messages   varchar(60000) not null,
    updated_at timestamp with time zone not null,
    version    bigint         not null
);
