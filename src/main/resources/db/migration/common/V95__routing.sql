-- Routing: queues per game with matching rules and a strategy, agents' skills and capacity,
-- a minimal shift roster, the queue each ticket was routed to, and each game's escalation path.

create table routing_queue (
    id              uuid primary key,
    game_id         uuid         not null references game (id) on delete cascade,
    name            varchar(80)  not null,
    position        integer      not null,
    strategy        varchar(20)  not null,
    vip_first       boolean      not null,
    channel         varchar(20),
    ticket_type     varchar(30),
    language        varchar(20),
    vip_tier        varchar(40),
    support_level   varchar(20),
    required_tier   varchar(10),
    last_staff_id   uuid,
    created_at      timestamp with time zone not null,
    version         bigint       not null
);
create index routing_queue_by_game on routing_queue (game_id, position);

create table routing_queue_member (
    queue_id uuid not null references routing_queue (id) on delete cascade,
    staff_id uuid not null references staff_account (id) on delete cascade,
    primary key (queue_id, staff_id)
);

create table routing_agent (
    staff_id   uuid primary key references staff_account (id) on delete cascade,
    tier       varchar(10),
    languages  varchar(200) not null,
    capacity   integer      not null,
    time_zone  varchar(60)  not null,
    version    bigint       not null
);

create table routing_shift (
    id          uuid primary key,
    staff_id    uuid        not null references staff_account (id) on delete cascade,
    day_of_week integer     not null,
    starts_at   varchar(5)  not null,
    ends_at     varchar(5)  not null
);
create index routing_shift_by_staff on routing_shift (staff_id);

create table routing_shift_exception (
    id        uuid primary key,
    staff_id  uuid        not null references staff_account (id) on delete cascade,
    on_date   date        not null,
    kind      varchar(10) not null,
    starts_at varchar(5),
    ends_at   varchar(5)
);
create index routing_shift_exception_by_staff on routing_shift_exception (staff_id, on_date);

create table routing_ticket (
    ticket_id  uuid primary key references ticket (id) on delete cascade,
    game_id    uuid not null,
    queue_id   uuid references routing_queue (id) on delete set null,
    routed_at  timestamp with time zone not null
);
create index routing_ticket_by_queue on routing_ticket (queue_id);

create table routing_escalation_path (
    game_id uuid primary key references game (id) on delete cascade,
    levels  varchar(100) not null
);
