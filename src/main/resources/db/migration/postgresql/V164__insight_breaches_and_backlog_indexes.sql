-- The dashboard's service-level breaches (how many tickets of the period have a breached target,
-- and the latest of them) and its open backlog, read from small partial indexes alone instead of
-- every ticket of the period (bench/insight, one game, a year of 250,000 tickets: 590 ms a page
-- before, 114 ms after, at one reader). H2 has neither partial indexes nor INCLUDE and keeps the
-- plain indexes of V151.
create index insight_ticket_breached_day on insight_ticket (game_id, created_day)
    where sla_first_response = 'breached' or sla_next_response = 'breached' or sla_resolution = 'breached';
create index insight_ticket_breached_latest on insight_ticket (game_id, created_at)
    include (created_day, ticket_id, ticket_number, sla_first_response, sla_next_response, sla_resolution)
    where sla_first_response = 'breached' or sla_next_response = 'breached' or sla_resolution = 'breached';
create index insight_ticket_open_now on insight_ticket (game_id, created_at) include (status, assignee_id)
    where is_open = true;
drop index insight_ticket_open;
