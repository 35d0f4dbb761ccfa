-- Macros: one action that sends a reply and sets the ticket's fields. Null: leave as it is.
create table kb_macro (
    id         uuid primary key,
    game_id    uuid          not null,
    name       varchar(80)   not null,
    reply      varchar(4000) not null,
    status     varchar(20),
    type       varchar(20),
    priority   varchar(10),
    tags       varchar(200)  not null,
    updated_at timestamp with time zone not null
);
create index kb_macro_by_game on kb_macro (game_id, name);
