-- Several currencies and items per game, and messages delivered to players inside the game.
-- The simulated game records the currency of a compensation and the title and text of a notice.
alter table simulated_game_action add column currency varchar(64);
alter table simulated_game_action add column title varchar(200);
alter table simulated_game_action add column body varchar(2000);
alter table simulated_game_action add column channel varchar(10);

-- A compensation names its currency or item (null: the game's primary currency); an action held
-- for approval says why when a rule, not the amount, holds it (hold_reason, e.g. partner).
alter table account_action add column currency varchar(64);
alter table account_action add column hold_reason varchar(40);

-- Messages PlayerDesk asked a game to deliver to a player in the game (in-game mail or a system
-- notice): after a sanction, a compensation, a procedure's end, or a GM's warning. Kept whether or
-- not the game delivered it, with the game's answer.
create table in_game_notice (
    id               uuid primary key,
    game_id          uuid          not null references game (id),
    account_id       varchar(64)   not null,
    ticket_id        uuid          references ticket (id) on delete set null,
    violation_id     uuid          references violation (id) on delete set null,
    action_id        uuid          references account_action (id) on delete set null,
    cause            varchar(20)   not null,
    channel          varchar(10)   not null,
    title            varchar(200)  not null,
    body             varchar(2000) not null,
    idempotency_key  varchar(100)  not null unique,
    delivered        boolean       not null,
    reference        varchar(100),
    message          varchar(500),
    sent_by_name     varchar(100)  not null,
    sent_at          timestamp with time zone not null
);
create index in_game_notice_by_ticket on in_game_notice (ticket_id, sent_at);
create index in_game_notice_by_account on in_game_notice (game_id, account_id, sent_at);
