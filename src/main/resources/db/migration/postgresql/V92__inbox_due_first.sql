-- The inbox in "due first" order: active tickets only (a partial index, a few percent of all
-- tickets), already in the order the page asks for, so the first page is read from the front of
-- the index instead of sorting every active ticket of the reader's games.
create index ticket_active_by_due on ticket (sla_due_at, priority_rank desc, created_at)
    where status in ('new', 'open', 'pending_player', 'pending_internal');
