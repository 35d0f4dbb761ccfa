-- The staff lifecycle (docs/workforce.md#staff-lifecycle): when the member last signed in; since
-- when sessions signed in earlier are ended on every node (disabling sets it; each node compares
-- its sessions' sign-in time with it on every request); a temporary password to be changed at the
-- next sign-in.
alter table staff_account add column last_sign_in_at timestamp with time zone;
alter table staff_account add column sessions_ended_at timestamp with time zone;
alter table staff_account add column must_change_password boolean default false not null;

-- One-time links to set a new password, sent by email; only the token's SHA-256 is kept.
create table staff_password_reset (
    id          uuid primary key,
    staff_id    uuid        not null references staff_account (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone not null
);
create index staff_password_reset_staff on staff_password_reset (staff_id);
