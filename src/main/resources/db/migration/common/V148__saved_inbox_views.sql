-- Saved inbox views: the inbox's filters and order under a name, each in its author's order.
-- Who sees a view is its audience: 'personal' (its author alone) or 'shared' (everyone who serves
-- one of its games, listed in inbox_view_game; no row there: shared by someone who serves every
-- game without naming one, so everyone's). A team becomes a third audience ('team') with a
-- nullable team_id column here; the filters and the rows below stay as they are.
create table inbox_view (
    id           uuid primary key,
    owner_id     uuid         not null references staff_account (id) on delete cascade,
    name         varchar(60)  not null,
    audience     varchar(16)  not null,
    position     integer      not null,
    base_view    varchar(16)  not null,
    game_id      uuid,
    ticket_type  varchar(30),
    status       varchar(30),
    priority     varchar(30),
    channel      varchar(30),
    assignee_id  uuid,
    words        varchar(200),
    sort_order   varchar(16)  not null,
    created_at   timestamp with time zone not null,
    version      bigint       not null
);
create index inbox_view_by_owner on inbox_view (owner_id, position);
create index inbox_view_by_audience on inbox_view (audience);

create table inbox_view_game (
    view_id uuid not null references inbox_view (id) on delete cascade,
    game_id uuid not null references game (id) on delete cascade,
    primary key (view_id, game_id)
);
create index inbox_view_game_by_game on inbox_view_game (game_id);
