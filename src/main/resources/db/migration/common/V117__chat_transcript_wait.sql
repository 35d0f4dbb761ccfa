-- A live chat's lines wait up to playerdesk.chat.transcript-wait before they are written to its
-- ticket: the chat remembers since when its oldest line not yet on the ticket waits.
alter table chat_session add column transcript_since timestamp with time zone;
update chat_session set transcript_since = created_at where transcript_pending;
drop index chat_session_transcript;
alter table chat_session drop column transcript_pending;
create index chat_session_transcript on chat_session (transcript_since);
