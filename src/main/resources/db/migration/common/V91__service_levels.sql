-- Service levels: business calendars and policies per game, the running timers of each ticket's
-- targets, and every warning and breach fired (for reports; unique, so each fires once).

create table sla_calendar (
    id            uuid primary key,
    game_id       uuid          not null,
    name          varchar(60)   not null,
    time_zone     varchar(60)   not null,
    always_open   boolean       not null,
    week_hours    varchar(500)  not null,
    holidays      varchar(4000) not null,
    working_dates varchar(2000) not null,
    updated_at    timestamp with time zone not null
);
create unique index sla_calendar_by_name on sla_calendar (game_id, name);

create table sla_policy (
    id                      uuid primary key,
    game_id                 uuid         not null,
    position                integer      not null,
    name                    varchar(60)  not null,
    channel                 varchar(20),
    ticket_type             varchar(30),
    priority                varchar(10),
    min_tier                varchar(30),
    first_response_minutes  integer,
    next_response_minutes   integer,
    resolution_minutes      integer,
    warning_percent         integer      not null,
    calendar_id             uuid         not null references sla_calendar (id),
    warning_actions         varchar(100) not null,
    breach_actions          varchar(100) not null,
    updated_at              timestamp with time zone not null
);
create index sla_policy_by_game on sla_policy (game_id, position);

-- a game's shipped defaults are made once; an operator who deletes them keeps them deleted
create table sla_setup (
    game_id    uuid primary key,
    created_at timestamp with time zone not null
);

create table sla_timer (
    id             uuid primary key,
    ticket_id      uuid         not null,
    game_id        uuid         not null,
    ticket_number  bigint       not null,
    target         varchar(20)  not null,
    policy_id      uuid,
    policy_name    varchar(60)  not null,
    calendar_id    uuid         not null,
    target_minutes integer      not null,
    warning_percent integer     not null,
    round          integer      not null,
    state          varchar(10)  not null,
    started_at     timestamp with time zone not null,
    running_since  timestamp with time zone,
    paused_since   timestamp with time zone,
    used_seconds   bigint       not null,
    warn_at        timestamp with time zone,
    due_at         timestamp with time zone,
    next_fire_at   timestamp with time zone,
    warned_at      timestamp with time zone,
    breached_at    timestamp with time zone,
    stopped_at     timestamp with time zone,
    updated_at     timestamp with time zone not null,
    version        bigint       not null
);
create unique index sla_timer_by_ticket on sla_timer (ticket_id, target);
create index sla_timer_to_fire on sla_timer (next_fire_at);

create table sla_firing (
    id              uuid primary key,
    timer_id        uuid         not null references sla_timer (id) on delete cascade,
    ticket_id       uuid         not null,
    game_id         uuid         not null,
    target          varchar(20)  not null,
    kind            varchar(10)  not null,
    round           integer      not null,
    due_at          timestamp with time zone not null,
    fired_at        timestamp with time zone not null,
    actions         varchar(100) not null,
    actions_done_at timestamp with time zone,
    outcome         varchar(300)
);
create unique index sla_firing_once on sla_firing (timer_id, round, kind);
create index sla_firing_by_game on sla_firing (game_id, fired_at);
