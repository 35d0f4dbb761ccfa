-- Live chat under players' data requests and retention (docs/privacy.md): when a chat lost the
-- player's account, nickname, server, rating comment and words for an erasure (done once), and
-- the chats of a game by the time they ended, for the retention sweep of chat transcripts.
alter table chat_session add column erased_at timestamp with time zone;
create index chat_session_ended on chat_session (game_id, ended_at);
