-- Live chat: the bot's answer to a chat's first message (shown to the player before the chat
-- joins the queue, and to the agent who takes the chat after), and what the player did with it.
create table chat_bot_offer (
    session_id  uuid primary key references chat_session (id) on delete cascade,
    article_id  uuid             not null,
    title       varchar(200)     not null,
    passage     varchar(1000),
    link        varchar(300)     not null,
    confidence  double precision not null,
    outcome     varchar(16)      not null,
    offered_at  timestamp with time zone not null,
    answered_at timestamp with time zone
);

-- Assist: whether the game's bot answers the first message of its live chats (its threshold is
-- the same as for tickets).
alter table assist_setting add column chat_bot boolean default true not null;
