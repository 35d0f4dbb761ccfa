-- The inbox sorted by latest update ("updated") walks this index instead of reading and
-- sorting every ticket of the games in view.
create index ticket_by_updated on ticket (updated_at);
