-- Teams of the support department (workforce module, docs/workforce.md): a name, a lead (any member
-- of staff; the lead sees the team's roster, presence, handovers and logs) and members. A member of
-- staff may belong to several teams.
create table workforce_team (
    id         uuid         primary key,
    name       varchar(80)  not null,
    lead_id    uuid,
    created_at timestamp with time zone not null,
    constraint workforce_team_name unique (name)
);

create table workforce_team_member (
    team_id  uuid not null references workforce_team (id) on delete cascade,
    staff_id uuid not null,
    primary key (team_id, staff_id)
);
create index workforce_team_member_by_staff on workforce_team_member (staff_id);
