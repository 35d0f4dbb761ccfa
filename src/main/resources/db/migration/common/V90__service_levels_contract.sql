-- Service levels and escalation: the ticket's next deadline (kept by the service-level module)
-- and the support level holding it; staff notifications (a warning, a breach, a department's answer).

alter table ticket add column sla_due_at timestamp with time zone;
alter table ticket add column sla_state varchar(10);
alter table ticket add column support_level varchar(20) default 'first_line' not null;
create index ticket_by_due on ticket (game_id, status, sla_due_at);

create table staff_notification (
    id          uuid primary key,
    staff_id    uuid          not null references staff_account (id) on delete cascade,
    kind        varchar(40)   not null,
    message_key varchar(100)  not null,
    args        varchar(2000) not null,
    link        varchar(300),
    ticket_id   uuid,
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
create index staff_notification_unread on staff_notification (staff_id, read_at, created_at);
