-- two-factor sign-in (TOTP, RFC 6238) of local accounts: the member's secret (base32) once
-- confirmed by a first code, the last time step a code was accepted for (each code is taken once),
-- and ten single-use recovery codes, kept as SHA-256 hashes
create table staff_two_factor (
    staff_id       uuid primary key references staff_account (id) on delete cascade,
    secret         varchar(200) not null,
    last_used_step bigint       not null,
    confirmed_at   timestamp with time zone not null
);

create table staff_recovery_code (
    id        uuid primary key,
    staff_id  uuid        not null references staff_account (id) on delete cascade,
    code_hash varchar(64) not null,
    used_at   timestamp with time zone
);

create index staff_recovery_code_staff on staff_recovery_code (staff_id);
