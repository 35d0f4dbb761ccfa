-- Agent wellbeing (docs/wellbeing.md): sensitive data, read only by the agent and their
-- supervisors, every view audited.

-- Each agent's contacts (a ticket or a live chat, one row per agent and ticket; a live chat is
-- the ticket of channel chat), kept from the ticket and chat events. A contact becomes hostile
-- (never back) when the ticket is tagged hostile or the player writes an abusive chat line; its
-- time is then when that happened. A contact that is not hostile ends a run of hostile ones.
create table wellbeing_contact (
    staff_id   uuid        not null,
    ticket_id  uuid        not null,
    game_id    uuid        not null,
    channel    varchar(10) not null,
    hostile    boolean     not null,
    cause      varchar(20),
    contact_at timestamp with time zone not null,
    primary key (staff_id, ticket_id)
);
create index wellbeing_contact_by_time on wellbeing_contact (staff_id, contact_at);

-- Breaks agents took (suggested after hostile contacts in a row, or of their own accord); while
-- one runs (started_at <= now < ends_at) live chat offers the agent no new chat. Ending a break
-- early moves ends_at to that moment.
create table wellbeing_break (
    id          uuid        primary key,
    staff_id    uuid        not null,
    started_at  timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    suggested   boolean     not null,
    ended_early boolean     not null
);
create index wellbeing_break_by_time on wellbeing_break (staff_id, started_at);

-- What the stress signals count from events, each once by its key (kind, ticket, moment):
-- tickets the agent resolved, those of them reopened, escalations by (or of) the agent.
create table wellbeing_mark (
    mark_key  varchar(100) primary key,
    staff_id  uuid        not null,
    kind      varchar(20) not null,
    ticket_id uuid        not null,
    marked_at timestamp with time zone not null
);
create index wellbeing_mark_by_time on wellbeing_mark (staff_id, kind, marked_at);

-- One-to-one talks a supervisor noted with an agent (the seed's 上级领导与员工的谈话).
create table wellbeing_talk (
    id          uuid         primary key,
    staff_id    uuid         not null,
    held_on     date         not null,
    note        varchar(2000) not null,
    noted_by    uuid         not null,
    noted_by_name varchar(100) not null,
    noted_at    timestamp with time zone not null
);
create index wellbeing_talk_by_staff on wellbeing_talk (staff_id, held_on);
