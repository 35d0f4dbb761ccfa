-- The audit log viewer: where each entry came from (the client address of the request, none for
-- work done in the background), and indexes for its filters, each ending in the page order
-- (recorded_at, id) so that a page is read from the index, newest first.
alter table audit_record add column client_address varchar(64);
create index audit_record_by_actor on audit_record (actor_id, recorded_at, id);
create index audit_record_by_action on audit_record (action, recorded_at, id);
create index audit_record_by_time_id on audit_record (recorded_at, id);
