-- Live chat: an agent whose console falls silent counts as offline; a game's chat closes on its
-- listed days (holidays) as well as outside its daily hours.

alter table chat_agent add column last_seen_at timestamp with time zone;
update chat_agent set last_seen_at = updated_at;
alter table chat_settings add column closed_days varchar(2000);

-- A chat's lines are stored and delivered at once; its ticket catches up in batches: the last
-- line already written to the ticket, whether lines wait for it, and who (staff) said each line.
alter table chat_session add column transcript_seq bigint default 0 not null;
alter table chat_session add column transcript_pending boolean default false not null;
update chat_session set transcript_seq = last_seq;
create index chat_session_transcript on chat_session (transcript_pending);
alter table chat_message add column author_id uuid;
