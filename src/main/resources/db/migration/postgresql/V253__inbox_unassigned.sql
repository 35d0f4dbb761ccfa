-- The inbox's "Unassigned" view and its tab count: active tickets nobody holds (a partial index, a
-- fraction of a percent of a year's tickets), in the page's order, so that the count and the first
-- page read only these index entries instead of every unassigned ticket's row. H2 has no partial
-- indexes; there ticket_by_assignee serves the view.
create index ticket_unassigned_active on ticket (game_id, created_at, id)
    where assignee_id is null and status in ('new', 'open', 'pending_player', 'pending_internal');
