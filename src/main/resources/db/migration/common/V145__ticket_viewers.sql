-- Who has a ticket's page open right now, and whether they are writing a reply: one row per
-- ticket and member of staff, refreshed by the page every few seconds. A row not refreshed for
-- longer than the expiry no longer counts and is deleted by the next pruning; the database keeps
-- it so that agents signed in to different nodes see one another.
create table ticket_viewer (
    id         uuid primary key,
    ticket_id  uuid         not null references ticket (id) on delete cascade,
    staff_id   uuid         not null,
    staff_name varchar(100) not null,
    replying   boolean      not null,
    seen_at    timestamp with time zone not null,
    constraint ticket_viewer_once unique (ticket_id, staff_id)
);
create index ticket_viewer_seen on ticket_viewer (seen_at);
