-- Phone calls (telephony module): calls logged by agents and calls reported by a telephony
-- system (CTI), the numbers players called from, each game's CTI secret and agents' extensions.

create table telephony_call (
    id              uuid primary key,
    game_id         uuid not null,
    cti_call_id     varchar(128),
    direction       varchar(16) not null,
    caller_number   varchar(32),
    called_number   varchar(64),
    player_id       uuid,
    agent_id        uuid,
    state           varchar(16) not null,
    offered_at      timestamp with time zone,
    answered_at     timestamp with time zone,
    ended_at        timestamp with time zone,
    wait_seconds    integer,
    talk_seconds    integer,
    recording_url   varchar(2000),
    hangup_side     varchar(16),
    started_at      timestamp with time zone not null,
    duration_seconds integer,
    outcome         varchar(32),
    notes           varchar(4000),
    ticket_id       uuid,
    logged_by       uuid,
    logged_at       timestamp with time zone,
    constraint uq_telephony_call_cti unique (game_id, cti_call_id)
);
create index ix_telephony_call_game_started on telephony_call (game_id, started_at);
create index ix_telephony_call_agent_state on telephony_call (agent_id, state);

-- one row per call and event received from the telephony system: a repeated event changes nothing
create table telephony_cti_event (
    game_id     uuid not null,
    cti_call_id varchar(128) not null,
    event       varchar(16) not null,
    received_at timestamp with time zone not null,
    primary key (game_id, cti_call_id, event)
);

-- signatures seen within the timestamp tolerance: the same signed request twice is a replay
create table telephony_cti_signature (
    signature varchar(80) primary key,
    seen_at   timestamp with time zone not null
);
create index ix_telephony_cti_signature_seen on telephony_cti_signature (seen_at);

create table telephony_cti_secret (
    game_id    uuid primary key,
    secret     varchar(200) not null,
    changed_at timestamp with time zone not null,
    changed_by uuid
);

create table telephony_extension (
    extension  varchar(32) primary key,
    staff_id   uuid not null
);

-- the numbers a call was linked to a player from, for the next lookup
create table telephony_player_phone (
    game_id   uuid not null,
    phone     varchar(32) not null,
    player_id uuid not null,
    linked_at timestamp with time zone not null,
    primary key (game_id, phone, player_id)
);
