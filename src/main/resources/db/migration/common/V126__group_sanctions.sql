-- A sanction of a group of linked accounts (a farming studio and its alts), asked for once from the
-- GM desk: every chosen account gets its own violation (member rows), and the bans they lead to
-- run at once, or wait together as one approval when one of them is above the asker's limit.
-- request_key is made when the review page is shown, so that a double submit finds the first row.
create table group_sanction (
    id                uuid primary key,
    game_id           uuid          not null references game (id),
    account_id        varchar(64)   not null,
    organiser_id      varchar(64),
    violation_type_id uuid          not null references violation_type (id),
    severity          varchar(10)   not null,
    note              varchar(1000),
    request_key       varchar(64)   not null unique,
    state             varchar(20)   not null,
    requested_by      uuid          not null,
    requested_by_name varchar(100)  not null,
    requested_at      timestamp with time zone not null,
    decided_by        uuid,
    decided_by_name   varchar(100),
    decision_comment  varchar(500),
    decided_at        timestamp with time zone,
    version           integer       not null
);
create index group_sanction_by_state on group_sanction (game_id, state, requested_at);
create index group_sanction_by_requester on group_sanction (requested_by, requested_at);

create table group_sanction_member (
    id                uuid primary key,
    group_sanction_id uuid          not null references group_sanction (id) on delete cascade,
    position          integer       not null,
    account_id        varchar(64)   not null,
    violation_id      uuid          not null references violation (id),
    action_id         uuid          references account_action (id),
    constraint group_sanction_member_once unique (group_sanction_id, account_id)
);
create index group_sanction_member_by_action on group_sanction_member (action_id);
