-- Incidents: a master record per outage (or any shared problem) of a game, with the tickets
-- linked to it, replies sent to all of them in the background, and the grouping of outage storms.

create table incident (
    id            uuid primary key,
    game_id       uuid          not null references game (id),
    title         varchar(200)  not null,
    description   varchar(4000),
    servers       varchar(200),
    status        varchar(10)   not null,
    -- set while an automatic proposal (or the incident it became) still takes new reports of
    -- one game and server: unique, so two nodes can never open two proposals for one outage
    grouping_key  varchar(120)  unique,
    notice_zh     varchar(1000),
    notice_en     varchar(1000),
    created_by    uuid,
    created_by_name varchar(100) not null,
    created_at    timestamp with time zone not null,
    confirmed_at  timestamp with time zone,
    resolved_at   timestamp with time zone,
    version       bigint        not null
);
create index incident_by_game on incident (game_id, status, created_at);

-- a ticket is in at most one incident: the ticket id is the key
create table incident_ticket (
    ticket_id     uuid primary key references ticket (id) on delete cascade,
    incident_id   uuid          not null references incident (id) on delete cascade,
    state         varchar(10)   not null,
    linked_at     timestamp with time zone not null,
    linked_by     varchar(100)  not null
);
create index incident_ticket_by_incident on incident_ticket (incident_id, state, linked_at, ticket_id);

-- outage reports seen by the grouping, per game and server, while they are in its window;
-- settled once they joined a proposal, so a dismissed proposal does not come back at once
create table incident_candidate (
    ticket_id     uuid primary key references ticket (id) on delete cascade,
    game_id       uuid          not null,
    server_key    varchar(80)   not null,
    created_at    timestamp with time zone not null,
    settled       boolean       not null
);
create index incident_candidate_window on incident_candidate (game_id, server_key, settled, created_at);

create table incident_grouping (
    game_id        uuid primary key references game (id),
    enabled        boolean  not null,
    window_minutes integer  not null,
    threshold      integer  not null
);

-- a reply (or a resolution) sent to every linked ticket, in batches, in the background
create table incident_broadcast (
    id            uuid primary key,
    incident_id   uuid          not null references incident (id) on delete cascade,
    kind          varchar(10)   not null,
    body          varchar(10000),
    resolve       boolean       not null,
    actor_id      uuid,
    actor_name    varchar(100)  not null,
    total         integer       not null,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index incident_broadcast_by_incident on incident_broadcast (incident_id, created_at);

-- one row per ticket that got the broadcast, written in the same transaction as the reply:
-- a retried batch skips what was done, and no ticket gets it twice
create table incident_delivery (
    broadcast_id  uuid          not null references incident_broadcast (id) on delete cascade,
    ticket_id     uuid          not null,
    outcome       varchar(40)   not null,
    delivered_at  timestamp with time zone not null,
    primary key (broadcast_id, ticket_id)
);
