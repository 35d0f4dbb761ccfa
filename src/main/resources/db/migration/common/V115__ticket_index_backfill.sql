-- Where the backfill of ticket search documents stands: tickets created before the ticket index
-- existed get their document in batches, walking the tickets in id order from after_ticket_id.
create table kb_ticket_backfill (
    id              int primary key,
    after_ticket_id uuid,
    indexed         bigint not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone
);
insert into kb_ticket_backfill (id, after_ticket_id, indexed, started_at, finished_at) values (1, null, 0, null, null);
