-- Replies to campaigns (docs/campaigns.md): a player's SMS answer is matched by the number the
-- campaign messaged, so recipients are found by address; each inbound SMS the gateway hands over
-- is kept by the gateway's id, so that a delivery the gateway repeats is taken once.
create index outreach_recipient_address on outreach_recipient (address);

create table outreach_sms_inbound (
    gateway_id   varchar(200) primary key,
    recipient_id uuid,
    ticket_id    uuid,
    outcome      varchar(16) not null,
    received_at  timestamp with time zone not null
);
create index outreach_sms_inbound_received on outreach_sms_inbound (received_at);
