-- What outreach knows of a player beyond the player record: phone for SMS, language and time zone
-- when known, and the per-channel opt-outs (checked at send time).
create table outreach_contact (
    player_id       uuid primary key,
    game_id         uuid        not null references game (id),
    phone           varchar(32),
    locale          varchar(8),
    time_zone       varchar(64),
    email_opt_out   boolean     not null default false,
    in_game_opt_out boolean     not null default false,
    sms_opt_out     boolean     not null default false,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(100)
);

-- Each game's outreach settings: messages per minute per channel (0: no limit) and quiet hours in
-- the player's local time (from = until: none).
create table outreach_settings (
    game_id             uuid primary key references game (id),
    email_per_minute    integer not null,
    in_game_per_minute  integer not null,
    sms_per_minute      integer not null,
    quiet_from          smallint not null,
    quiet_until         smallint not null,
    updated_at          timestamp with time zone not null
);
