-- The morning meeting (早会, workforce module, docs/workforce.md): one per day and scope (a team,
-- or 'all' for the whole department), with the minutes its lead writes.
create table worklog_meeting (
    id          uuid         primary key,
    meeting_day date         not null,
    scope       varchar(40)  not null,
    team_id     uuid,
    minutes     varchar(8000),
    held_by     uuid         not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    constraint worklog_meeting_once unique (meeting_day, scope)
);
create index worklog_meeting_by_day on worklog_meeting (meeting_day);

-- An item of the agenda as the minutes keep it: what it was (its words when the minutes were
-- saved, so that a past meeting reads as it was held), whether it was discussed and who owns it.
create table worklog_meeting_item (
    meeting_id uuid         not null references worklog_meeting (id) on delete cascade,
    item_key   varchar(60)  not null,
    label      varchar(400) not null,
    discussed  boolean      not null,
    owner_id   uuid,
    primary key (meeting_id, item_key)
);
