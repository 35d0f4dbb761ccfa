-- Rotations and rosters (workforce module, docs/workforce.md "Rotations and rosters"): named shifts
-- as local hours (an end not after the start runs past midnight; 24:00 is written for midnight),
-- patterns as cycles of days each naming a shift or a day off, agents and teams put on a pattern
-- from a date in a time zone, the leads' changes of single days (leave, sick, extra), swap
-- requests, minimum staffing per shift (and tier) and the on-duty lead (值班长) per shift and date.
create table workforce_shift (
    id         uuid        primary key,
    name       varchar(40) not null,
    starts_at  varchar(5)  not null,
    ends_at    varchar(5)  not null,
    created_at timestamp with time zone not null,
    constraint workforce_shift_name unique (name)
);

create table workforce_pattern (
    id         uuid        primary key,
    name       varchar(80) not null,
    weekly     boolean     not null,
    created_at timestamp with time zone not null,
    constraint workforce_pattern_name unique (name)
);

-- one row per day of the cycle; no shift is a day off
create table workforce_pattern_day (
    pattern_id uuid    not null references workforce_pattern (id) on delete cascade,
    position   integer not null,
    shift_id   uuid    references workforce_shift (id),
    primary key (pattern_id, position)
);

create table workforce_roster_assignment (
    id         uuid        primary key,
    staff_id   uuid,
    team_id    uuid        references workforce_team (id) on delete cascade,
    pattern_id uuid        not null references workforce_pattern (id),
    starts_on  date        not null,
    ends_on    date,
    time_zone  varchar(64) not null,
    created_by uuid        not null,
    created_at timestamp with time zone not null,
    constraint workforce_roster_assignment_subject check ((staff_id is null and team_id is not null)
        or (staff_id is not null and team_id is null))
);
create index workforce_roster_assignment_by_staff on workforce_roster_assignment (staff_id);
create index workforce_roster_assignment_by_team on workforce_roster_assignment (team_id);

-- leave, sick (no shift that day) or extra (one more shift that day)
create table workforce_roster_change (
    id         uuid         primary key,
    staff_id   uuid         not null,
    on_date    date         not null,
    kind       varchar(10)  not null,
    shift_id   uuid         references workforce_shift (id) on delete cascade,
    note       varchar(200),
    created_by uuid         not null,
    created_at timestamp with time zone not null
);
create index workforce_roster_change_by_date on workforce_roster_change (on_date, staff_id);

create table workforce_swap (
    id           uuid         primary key,
    requester_id uuid         not null,
    colleague_id uuid         not null,
    on_date      date         not null,
    reason       varchar(200),
    state        varchar(12)  not null,
    requested_at timestamp with time zone not null,
    decided_by   uuid,
    decided_at   timestamp with time zone
);
create index workforce_swap_by_date on workforce_swap (on_date);
create index workforce_swap_by_state on workforce_swap (state);

-- a team's minimum (team null: the whole department's) per shift and, optionally, tier
create table workforce_staffing_minimum (
    id        uuid        primary key,
    team_id   uuid        references workforce_team (id) on delete cascade,
    shift_id  uuid        not null references workforce_shift (id) on delete cascade,
    tier      varchar(10),
    headcount integer     not null
);

create table workforce_duty_lead (
    shift_id uuid not null references workforce_shift (id) on delete cascade,
    on_date  date not null,
    staff_id uuid not null,
    set_by   uuid not null,
    set_at   timestamp with time zone not null,
    primary key (shift_id, on_date)
);
