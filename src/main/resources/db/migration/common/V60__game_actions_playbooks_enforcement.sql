-- Actions on game accounts, asked for by staff (from a ticket, a procedure or the GM view), with
-- the approval a supervisor gives when the action is above the asker's limit. request_key is the
-- idempotency key made once per request: a double submit finds the first row, and the backend
-- applies the action once per key.
create table account_action (
    id                uuid primary key,
    game_id           uuid          not null references game (id),
    ticket_id         uuid          references ticket (id) on delete set null,
    account_id        varchar(64)   not null,
    kind              varchar(20)   not null,
    amount            bigint,
    days              integer,
    reason            varchar(500)  not null,
    request_key       varchar(64)   not null unique,
    state             varchar(20)   not null,
    requested_by      uuid          not null,
    requested_by_name varchar(100)  not null,
    requested_at      timestamp with time zone not null,
    decided_by        uuid,
    decided_by_name   varchar(100),
    decision_comment  varchar(500),
    decided_at        timestamp with time zone,
    result_reference  varchar(100),
    result_message    varchar(500),
    done_at           timestamp with time zone,
    version           integer       not null
);
create index account_action_by_ticket on account_action (ticket_id, requested_at);
create index account_action_by_state on account_action (game_id, state, requested_at);
create index account_action_by_requester on account_action (requested_by, requested_at);

-- Standard procedures (playbooks) per game, editable by administrators.
create table playbook (
    id             uuid primary key,
    game_id        uuid          not null references game (id),
    code           varchar(40)   not null,
    ticket_type    varchar(20),
    title          varchar(200)  not null,
    notice         varchar(2000) not null,
    updated_at     timestamp with time zone not null,
    constraint playbook_code_per_game unique (game_id, code)
);

create table playbook_step (
    id            uuid primary key,
    playbook_id   uuid          not null references playbook (id) on delete cascade,
    position      integer       not null,
    title         varchar(200)  not null,
    instructions  varchar(2000),
    data_kind     varchar(20)   not null,
    action_kind   varchar(20),
    window_hours  integer
);
create index playbook_step_by_playbook on playbook_step (playbook_id, position);

-- A procedure run on one ticket: its checklist of step outcomes, ending in the notice to the player.
create table playbook_run (
    id            uuid primary key,
    ticket_id     uuid          not null unique references ticket (id) on delete cascade,
    playbook_id   uuid          not null references playbook (id) on delete cascade,
    started_by    varchar(100)  not null,
    started_at    timestamp with time zone not null,
    reported_at   timestamp with time zone,
    finished_at   timestamp with time zone
);

create table playbook_step_outcome (
    id          uuid primary key,
    run_id      uuid          not null references playbook_run (id) on delete cascade,
    step_id     uuid          not null references playbook_step (id) on delete cascade,
    outcome     varchar(1000) not null,
    done_by     varchar(100)  not null,
    done_at     timestamp with time zone not null,
    constraint step_outcome_once unique (run_id, step_id)
);

-- Violation types and their penalty ladders per game; audience 'all' or 'partner' (players of a
-- partner channel, who get the harsher ladder where one is defined).
create table violation_type (
    id          uuid primary key,
    game_id     uuid          not null references game (id),
    code        varchar(40)   not null,
    name        varchar(100)  not null,
    constraint violation_type_code_per_game unique (game_id, code)
);

create table penalty_step (
    id                uuid primary key,
    violation_type_id uuid          not null references violation_type (id) on delete cascade,
    audience          varchar(10)   not null,
    position          integer       not null,
    penalty           varchar(20)   not null,
    days              integer
);
create index penalty_step_by_type on penalty_step (violation_type_id, audience, position);

create table violation (
    id                uuid primary key,
    game_id           uuid          not null references game (id),
    account_id        varchar(64)   not null,
    violation_type_id uuid          not null references violation_type (id),
    ticket_id         uuid          references ticket (id) on delete set null,
    note              varchar(1000),
    step_position     integer       not null,
    penalty           varchar(20)   not null,
    days              integer,
    action_id         uuid          references account_action (id),
    recorded_by       varchar(100)  not null,
    recorded_at       timestamp with time zone not null
);
create index violation_by_account on violation (game_id, account_id, recorded_at);
create index violation_by_time on violation (game_id, recorded_at);
