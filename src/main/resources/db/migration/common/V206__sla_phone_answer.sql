-- Service levels for phone calls: each game's answer target and each ended call measured against it
-- (met: answered within it; breached: answered later, or hung up after waiting longer; a caller who
-- hung up sooner counts neither way).

create table sla_phone_target (
    game_id        uuid primary key,
    answer_seconds integer not null
);

create table sla_phone_call (
    call_id      uuid primary key,
    game_id      uuid not null,
    ended_at     timestamp with time zone not null,
    wait_seconds integer not null,
    answered     boolean not null,
    met          boolean not null,
    breached     boolean not null
);
create index ix_sla_phone_call_game_ended on sla_phone_call (game_id, ended_at);
