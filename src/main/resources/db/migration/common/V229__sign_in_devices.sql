-- each account's key for the signed cookie of the browsers it signed in from: such a browser may
-- still sign in to that account while the account's failed sign-ins hold others back
create table sign_in_device_key (
    staff_id   uuid primary key references staff_account (id) on delete cascade,
    secret     varchar(64) not null,
    created_at timestamp with time zone not null
);
