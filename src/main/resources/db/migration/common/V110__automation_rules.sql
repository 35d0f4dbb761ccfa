-- Automation rules: per-game event rules (trigger, conditions and actions stored as JSON text),
-- the time rules (close resolved tickets, remind a player who has not answered), a record of each
-- rule run (one per rule and triggering event or idle ticket, so a retried event or a second node
-- never runs a rule twice), and the events automation itself caused (for loop protection).
create table automation_rule (
    id          uuid primary key,
    game_id     uuid          not null references game (id),
    name        varchar(80)   not null,
    trigger_on  varchar(20)   not null,
    position    integer       not null,
    enabled     boolean       not null,
    conditions  varchar(8000) not null,
    actions     varchar(30000) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null
);
create index automation_rule_by_game on automation_rule (game_id, trigger_on, position);

create table automation_time_rule (
    id           uuid primary key,
    game_id      uuid          not null references game (id),
    kind         varchar(20)   not null,
    hours        integer       not null,
    enabled      boolean       not null,
    message      varchar(4000),
    swept_until  timestamp with time zone,
    updated_at   timestamp with time zone not null,
    constraint automation_time_rule_per_game unique (game_id, kind)
);

create table automation_execution (
    id           uuid primary key,
    rule_id      uuid          not null,
    game_id      uuid          not null,
    ticket_id    uuid          not null,
    event_key    varchar(120)  not null,
    depth        integer       not null,
    outcome      varchar(20)   not null,
    summary      varchar(500),
    executed_at  timestamp with time zone not null,
    constraint automation_execution_once unique (rule_id, event_key)
);
create index automation_execution_by_rule on automation_execution (rule_id, executed_at);
create index automation_execution_by_game on automation_execution (game_id, executed_at);
-- runs older than playerdesk.automation.keep are deleted by the sweep
create index automation_execution_by_age on automation_execution (executed_at);

create table automation_caused_event (
    event_key   varchar(120) primary key,
    depth       integer      not null,
    caused_by   uuid         not null,
    created_at  timestamp with time zone not null
);
create index automation_caused_event_by_age on automation_caused_event (created_at);

-- the time rules' sweep: a game's tickets in one status, by when they last changed (in index order:
-- a range scan that stops at the batch size)
create index ticket_by_status_updated on ticket (game_id, status, updated_at, id);
