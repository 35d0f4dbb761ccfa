-- An individual grant to see players' personal data, on top of what the member's role permits.
alter table staff_account add column personal_data_granted boolean default false not null;
