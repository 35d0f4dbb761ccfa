-- Agents' answers on SMS tickets (docs/campaigns.md#replies): each public reply of an agent on a
-- ticket an SMS opened is sent to the number the campaign messaged (the recipient row that links
-- the ticket) once, kept by the ticket message's id, with what became of it and the gateway's id
-- (not the number, not the text: the ticket keeps the text, the recipient the number).
create index outreach_recipient_ticket on outreach_recipient (ticket_id);

create table outreach_sms_answer (
    message_id uuid primary key,
    ticket_id  uuid         not null,
    outcome    varchar(16)  not null,
    reference  varchar(200),
    at         timestamp with time zone not null
);
create index outreach_sms_answer_ticket on outreach_sms_answer (ticket_id);

-- one node at a time purges the ids of inbound texts older than the reply window
create table outreach_lease (
    name          varchar(40) primary key,
    claimed_by    varchar(200),
    claimed_until timestamp with time zone
);
insert into outreach_lease (name) values ('sms-inbound-purge');
