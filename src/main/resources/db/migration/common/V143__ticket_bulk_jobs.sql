-- Bulk actions of the inbox: one job per agent's request (assign, status, priority, type, tag,
-- incident, macro) over the tickets chosen or matching a filter when it started. Its tickets are
-- split into batches that any node may claim for a while (a lease that runs out when the node
-- dies, so another node goes on); each ticket is settled once, done or failed with the reason.
create table ticket_bulk_job (
    id            uuid primary key,
    actor_id      uuid          not null,
    actor_name    varchar(100)  not null,
    action        varchar(40)   not null,
    choice        varchar(200),
    choice_label  varchar(300),
    choice_key    varchar(120),
    total         integer       not null,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index ticket_bulk_job_by_actor on ticket_bulk_job (actor_id, created_at);
create index ticket_bulk_job_finished on ticket_bulk_job (finished_at);

create table ticket_bulk_batch (
    job_id        uuid          not null references ticket_bulk_job (id) on delete cascade,
    batch_no      integer       not null,
    claimed_by    varchar(100),
    claimed_until timestamp with time zone,
    finished_at   timestamp with time zone,
    primary key (job_id, batch_no)
);
create index ticket_bulk_batch_open on ticket_bulk_batch (finished_at, claimed_until);

create table ticket_bulk_item (
    job_id        uuid          not null references ticket_bulk_job (id) on delete cascade,
    seq           integer       not null,
    batch_no      integer       not null,
    ticket_id     uuid          not null,
    ticket_number bigint        not null,
    outcome       varchar(10),
    reason_key    varchar(120),
    reason_args   varchar(1000),
    settled_at    timestamp with time zone,
    primary key (job_id, seq)
);
create index ticket_bulk_item_by_batch on ticket_bulk_item (job_id, batch_no, outcome);
