-- Intake no longer updates a shared counter row per event: every counted event is its own row
-- (game, day, metric), and a scheduled roll-up adds them to the totals of ticket_daily_count
-- every minute; today's figures are the total plus the events counted since. Rows from before
-- this change were counted in ticket_daily_count already, so they start rolled up.
alter table ticket_daily_counted add column game_id uuid;
alter table ticket_daily_counted add column count_day date;
alter table ticket_daily_counted add column metric varchar(30);
alter table ticket_daily_counted add column rolled_up boolean default true not null;
alter table ticket_daily_counted alter column rolled_up set default false;

create index ticket_daily_counted_by_day on ticket_daily_counted (rolled_up, count_day, game_id, metric);
create index ticket_daily_counted_by_age on ticket_daily_counted (counted_at);

create index api_idempotency_by_age on api_idempotency (created_at);
