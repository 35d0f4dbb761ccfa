-- The daily work log (客服日志, workforce module, docs/workforce.md): one log per agent and local day
-- (the agent's time zone), a draft until its author submits it, with the new or unsolved problems
-- the agent writes down (seed 004: the log records only those).
create table worklog_day (
    id           uuid        primary key,
    staff_id     uuid        not null,
    log_day      date        not null,
    submitted_at timestamp with time zone,
    created_at   timestamp with time zone not null,
    constraint worklog_day_once unique (staff_id, log_day)
);
create index worklog_day_by_day on worklog_day (log_day, staff_id);

-- An entry: its category (new, unsolved, watch), the text, an optional ticket (by id and, for
-- reading, its game and number), whether it was added after the log was submitted, and when its
-- author marked it solved. The search reads entries of a few days (log_day) with LIKE on the text.
create table worklog_entry (
    id            uuid          primary key,
    log_id        uuid          not null references worklog_day (id) on delete cascade,
    staff_id      uuid          not null,
    log_day       date          not null,
    category      varchar(20)   not null,
    body          varchar(1000) not null,
    body_lower    varchar(1000) not null,
    ticket_id     uuid,
    game_id       uuid,
    ticket_number bigint,
    follow_up     boolean       not null,
    solved_at     timestamp with time zone,
    created_at    timestamp with time zone not null
);
create index worklog_entry_by_log on worklog_entry (log_id, created_at);
create index worklog_entry_by_day on worklog_entry (log_day, staff_id);

-- What an agent did on a day is read from the tickets (ticket.TicketQueries.workOf, .tally): by the
-- author of a reply, the actor of a change, the new assignee, the resolution time.
create index ticket_message_by_author on ticket_message (author_id, created_at);
create index ticket_history_by_actor on ticket_history (actor_id, created_at);
create index ticket_history_by_value on ticket_history (action, new_value, created_at);
create index ticket_by_resolved on ticket (resolved_at);
