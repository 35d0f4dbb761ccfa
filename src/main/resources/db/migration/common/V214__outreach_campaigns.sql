-- Campaigns and outreach (docs/campaigns.md): one message to a segment of one game's players.
create table outreach_campaign (
    id          uuid primary key,
    game_id     uuid         not null references game (id),
    name        varchar(100) not null,
    channel     varchar(16)  not null,
    state       varchar(16)  not null,
    segment     varchar(4000) not null,
    subject_zh  varchar(200),
    text_zh     varchar(4000),
    subject_en  varchar(200),
    text_en     varchar(4000),
    secret      varchar(64)  not null,
    recipients  integer      not null,
    created_by  varchar(100) not null,
    created_at  timestamp with time zone not null,
    started_at  timestamp with time zone,
    ended_at    timestamp with time zone
);
create index outreach_campaign_by_game on outreach_campaign (game_id, created_at);
create index outreach_campaign_by_state on outreach_campaign (state);

-- One row per player of a started campaign. A worker claims a row (state 'sending', claim token,
-- claimed_at) in a committed transaction before it sends, so two nodes never send to the same row.
create table outreach_recipient (
    id           uuid primary key,
    campaign_id  uuid         not null references outreach_campaign (id),
    player_id    uuid         not null,
    account_id   varchar(64)  not null,
    address      varchar(254),
    locale       varchar(8)   not null,
    time_zone    varchar(64)  not null,
    state        varchar(16)  not null,
    due_at       timestamp with time zone not null,
    claim        uuid,
    claimed_at   timestamp with time zone,
    sent_at      timestamp with time zone,
    delivered_at timestamp with time zone,
    replied_at   timestamp with time zone,
    ticket_id    uuid,
    reference    varchar(200),
    reason       varchar(500),
    constraint outreach_recipient_once unique (campaign_id, player_id)
);
create index outreach_recipient_due on outreach_recipient (campaign_id, state, due_at, id);
create index outreach_recipient_claim on outreach_recipient (claim);
create index outreach_recipient_reference on outreach_recipient (reference);
