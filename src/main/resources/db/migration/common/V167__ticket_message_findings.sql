-- What the reviews of an agent's public reply found (ticket.ReplyReview: the quality module's
-- automatic reply checks), written with the message, in its transaction, and marked on the
-- ticket page (data-finding). A refused reply is not written, nor are its findings.
create table ticket_message_finding (
    message_id uuid         not null,
    ticket_id  uuid         not null,
    check_code varchar(40)  not null,
    blocks     boolean      not null,
    evidence   varchar(200) not null,
    primary key (message_id, check_code, evidence)
);

create index ticket_message_finding_ticket on ticket_message_finding (ticket_id);
