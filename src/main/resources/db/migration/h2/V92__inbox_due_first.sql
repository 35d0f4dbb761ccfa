-- The inbox in "due first" order (PostgreSQL has a partial index of active tickets; H2 has no
-- partial indexes, so here the deadline leads a plain one).
create index ticket_active_by_due on ticket (sla_due_at, priority_rank desc, created_at);
