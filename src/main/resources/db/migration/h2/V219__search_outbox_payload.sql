-- The search outbox's payloads (V218): what changed in an event, an agent's shard assignment.
alter table hsearch_outbox_event add column payload binary large object not null;
alter table hsearch_agent add column payload binary large object;
