-- Which member of staff closed which announcement's banner in the console (it stays closed for them).
create table announcement_dismissal (
    announcement_id uuid not null references announcement (id) on delete cascade,
    staff_id        uuid not null,
    dismissed_at    timestamp with time zone not null,
    primary key (announcement_id, staff_id)
);
