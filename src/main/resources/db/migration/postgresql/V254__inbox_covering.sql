-- The inbox's filters beside game and status (type, priority, channel, assignee) held in the
-- inbox index itself, so that counting a view such as "waiting for the player, high priority"
-- filters index entries (an index-only scan) instead of fetching every waiting ticket's row.
drop index ticket_inbox;
create index ticket_inbox on ticket (game_id, status, created_at) include (type, priority, channel, assignee_id);
