-- The tags and the words (of the subject and the player's opening message) of each ticket, for the
-- period's top issues: rewritten with the ticket's facts, rolled up per created day into insight_day
-- under the dimensions tag and word (metric created).
create table insight_ticket_term (
    ticket_id   uuid        not null,
    game_id     uuid        not null,
    created_day date        not null,
    kind        varchar(10) not null,
    term        varchar(60) not null,
    primary key (ticket_id, kind, term)
);
create index insight_ticket_term_day on insight_ticket_term (game_id, created_day);

-- One row per ticket with facts, locked while its facts are rewritten: two events of one ticket
-- handled at once rewrite its facts one after the other, the later from the later state.
create table insight_ticket_lock (
    ticket_id uuid primary key
);

-- Tickets whose facts are to be rewritten: an event marks its ticket, the roll-up rewrites it once.
create table insight_stale (
    ticket_id uuid primary key,
    marked_at timestamp with time zone not null
);
create index insight_stale_order on insight_stale (marked_at);
