-- Live chat: an agent whose console falls silent counts as offline; a game's chat closes on its
-- listed days (holidays) as well as outside its daily hours.

alter table chat_agent add column last_seen_at timestamp with time zone;
update chat_agent set last_seen_at = updated_at;
alter table chat_settings add column closed_days varchar(2000);
