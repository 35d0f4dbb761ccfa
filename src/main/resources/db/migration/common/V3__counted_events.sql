-- The ticket events the insight module has counted. The outbox delivers an event at least
-- once (again after a crash between a listener's commit and the removal of its publication);
-- an event found here is not counted a second time.
create table ticket_daily_counted (
    event_key  varchar(100) primary key,
    counted_at timestamp with time zone not null
);
