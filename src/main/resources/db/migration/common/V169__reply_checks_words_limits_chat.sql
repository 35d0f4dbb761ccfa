-- The words a game's reply checks look for, where the game changed the defaults (quality.CheckRules):
-- one row per language (zh, en) and kind (vague, greetings, closings), the words one per line.
create table quality_check_words (
    game_id    uuid          not null,
    language   varchar(5)    not null,
    kind       varchar(20)   not null,
    words      varchar(4000) not null,
    updated_at timestamp with time zone not null,
    primary key (game_id, language, kind)
);

-- A game's length limit of an agent's reply on a channel (ticket.TicketChannel code), in characters,
-- where it differs from the default (chat 300, in-game 500, social 500, others none); 0: no limit.
create table quality_length_limit (
    game_id    uuid        not null,
    channel    varchar(20) not null,
    max_chars  integer     not null,
    updated_at timestamp with time zone not null,
    primary key (game_id, channel)
);

-- Live chat: when the player last showed they were typing (cleared by their next line), so that a
-- line the agent sends meanwhile is found to interrupt them; and what the reply checks found in an
-- agent's line, carried to the ticket's message with the transcript (code, blocks, evidence per line).
alter table chat_session add column player_typing_at timestamp with time zone;
alter table chat_message add column findings varchar(2000);
