-- Exports of raw tickets (insight): one row per request of a member of staff, with the filter it
-- was asked with, worked in the background by any node that claims it (a lease that runs out
-- when the node dies, so another node starts it again), its progress, and the file it wrote in
-- the file store (area "exports") until the retention sweep removes both.
create table insight_ticket_export (
    id            uuid primary key,
    owner_id      uuid          not null,
    owner_name    varchar(100)  not null,
    locale        varchar(20)   not null,
    games         varchar(4000) not null,
    created_from  date          not null,
    created_to    date          not null,
    statuses      varchar(200),
    ticket_type   varchar(40),
    channel       varchar(40),
    personal_data boolean       not null,
    state         varchar(10)   not null,
    rows_done     bigint        not null,
    total_rows    bigint,
    file_key      varchar(200),
    file_size     bigint,
    claimed_by    varchar(100),
    claimed_until timestamp with time zone,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    error_key     varchar(120)
);
create index insight_ticket_export_by_owner on insight_ticket_export (owner_id, created_at);
create index insight_ticket_export_open on insight_ticket_export (state, claimed_until);
