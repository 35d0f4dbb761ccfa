-- Agents' availability (workforce module, docs/workforce.md#presence-board): one state per member of
-- staff (available, busy, break, away, offline) since when, and the last sign of life of their
-- console (each open tab sends one every 30 s; none for longer than the grace period ends
-- availability). A member of staff without a row has never chosen a state and counts as available.
create table workforce_presence (
    staff_id     uuid        primary key,
    state        varchar(10) not null,
    state_since  timestamp with time zone not null,
    last_seen_at timestamp with time zone
);
create index workforce_presence_by_seen on workforce_presence (state, last_seen_at);

-- Every state an agent was in, from when to when (ended_at null: the one under way), and why it
-- began: own (the agent chose it), lead (a lead set it), chat (chosen in the chat console),
-- first_seen (the first sign of life of someone who had never chosen), sign_out, absent (no sign of
-- life for the grace period). Breaks and time in state are read from here.
create table workforce_presence_period (
    id         uuid        primary key,
    staff_id   uuid        not null,
    state      varchar(10) not null,
    started_at timestamp with time zone not null,
    ended_at   timestamp with time zone,
    cause      varchar(12) not null,
    set_by     uuid
);
create index workforce_presence_period_by_staff on workforce_presence_period (staff_id, started_at);
