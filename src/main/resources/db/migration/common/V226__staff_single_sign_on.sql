-- Single sign-on (docs/sign-in.md): each member's identity at the studio's identity provider,
-- the issuer and the subject of its ID tokens, linked at their first sign-in through it; and the
-- e-mail address an existing account is matched by at that first sign-in, when so configured.
create table staff_sso_link (
    issuer     varchar(255) not null,
    subject    varchar(255) not null,
    staff_id   uuid         not null references staff_account (id) on delete cascade,
    linked_at  timestamp with time zone not null,
    primary key (issuer, subject)
);
create index staff_sso_link_staff on staff_sso_link (staff_id);

alter table staff_account add column email varchar(254);
create index staff_account_email on staff_account (email);
