-- The insight module's figures. insight_ticket holds one row of reporting facts per ticket, kept
-- from the ticket's events (rewritten whole from the ticket as it stands, so an event delivered
-- twice or late changes nothing); insight_reply one row per public agent reply; insight_event one
-- row per counted event that is not a ticket's state (an escalation, a transfer, a deflection),
-- keyed by the event so that a replay counts it once. A (game, local day) whose facts changed is
-- marked in insight_dirty; the roll-up recomputes that day's rows of insight_day (counts and sums)
-- and insight_day_hist (durations in logarithmic buckets, for medians and p90) from the facts, so
-- that a dashboard over a year reads days, not tickets, and a rebuild gives what live counting gave.
create table insight_ticket (
    ticket_id              uuid primary key,
    game_id                uuid        not null,
    ticket_number          bigint      not null,
    created_at             timestamp with time zone not null,
    created_day            date        not null,
    created_hour           smallint    not null,
    created_weekday        smallint    not null,
    channel                varchar(20) not null,
    ticket_type            varchar(30) not null,
    priority               varchar(20) not null,
    player_language        varchar(20) not null,
    vip_tier               varchar(40) not null,
    support_level          varchar(20) not null,
    server_key             varchar(100) not null,
    assignee_id            uuid,
    status                 varchar(20) not null,
    is_open                boolean     not null,
    first_response_at      timestamp with time zone,
    first_response_day     date,
    first_response_seconds bigint,
    first_responder_id     uuid,
    resolved_at            timestamp with time zone,
    resolved_day           date,
    resolution_seconds     bigint,
    agent_replies          integer     not null,
    reopens                integer     not null,
    deflected              boolean     not null,
    sla_first_response     varchar(10) not null,
    sla_next_response      varchar(10) not null,
    sla_resolution         varchar(10) not null,
    refreshed_at           timestamp with time zone not null
);
create index insight_ticket_created on insight_ticket (game_id, created_day);
create index insight_ticket_resolved on insight_ticket (game_id, resolved_day);
create index insight_ticket_responded on insight_ticket (game_id, first_response_day);
create index insight_ticket_open on insight_ticket (game_id, is_open, created_at);

create table insight_reply (
    message_id uuid primary key,
    ticket_id  uuid not null,
    game_id    uuid not null,
    agent_id   uuid,
    reply_day  date not null,
    replied_at timestamp with time zone not null
);
create index insight_reply_day on insight_reply (game_id, reply_day);
create index insight_reply_ticket on insight_reply (ticket_id);

create table insight_event (
    event_key  varchar(120) primary key,
    game_id    uuid        not null,
    event_day  date        not null,
    metric     varchar(40) not null,
    agent_id   uuid,
    amount     bigint      not null,
    counted_at timestamp with time zone not null
);
create index insight_event_day on insight_event (game_id, event_day);

create table insight_dirty (
    game_id  uuid not null,
    dirty_day date not null,
    primary key (game_id, dirty_day)
);

create table insight_day (
    game_id   uuid         not null,
    stat_day  date         not null,
    dimension varchar(20)  not null,
    dim_value varchar(100) not null,
    metric    varchar(40)  not null,
    total     bigint       not null,
    seconds   bigint       not null,
    primary key (game_id, stat_day, dimension, dim_value, metric)
);
create index insight_day_by_dimension on insight_day (game_id, dimension, stat_day);

create table insight_day_hist (
    game_id   uuid         not null,
    stat_day  date         not null,
    dimension varchar(20)  not null,
    dim_value varchar(100) not null,
    measure   varchar(30)  not null,
    bucket    smallint     not null,
    total     bigint       not null,
    primary key (game_id, stat_day, dimension, dim_value, measure, bucket)
);
create index insight_day_hist_by_dimension on insight_day_hist (game_id, dimension, stat_day);
