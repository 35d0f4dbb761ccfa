-- The routing queue a ticket was last routed into, one more dimension of the figures ('' when it
-- went to none of its game's queues, or was never routed). The tickets routed into a queue before
-- are marked for rewriting, so that the roll-up gives them their queue in the background.
alter table insight_ticket add column queue_key varchar(40) not null default '';

insert into insight_stale (ticket_id, marked_at)
select r.ticket_id, current_timestamp from routing_ticket r
where r.queue_id is not null and exists (select 1 from insight_ticket t where t.ticket_id = r.ticket_id)
  and not exists (select 1 from insight_stale s where s.ticket_id = r.ticket_id);
