-- What a member of staff chose to receive by email besides the console's notifications, and
-- where: today, being mentioned in a colleague's internal note.
create table staff_notification_email (
    staff_id   uuid primary key references staff_account (id) on delete cascade,
    address    varchar(254),
    mentions   boolean not null,
    updated_at timestamp with time zone not null
);
