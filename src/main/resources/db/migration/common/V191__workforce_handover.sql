-- Shift handover (交接班, workforce module, docs/workforce.md): the outgoing agent's handover form
-- with their unresolved items, addressed to the incoming agents, acknowledged item by item or
-- released by a lead; kept as the shift log. draft_of holds the outgoing agent's id while the
-- handover is a draft, so that an agent has one draft at most (null once submitted).
create table workforce_handover (
    id              uuid          primary key,
    outgoing_id     uuid          not null,
    draft_of        uuid,
    state           varchar(16)   not null,
    shift_start     timestamp with time zone,
    shift_end       timestamp with time zone,
    notes           varchar(4000),
    emergencies     varchar(4000),
    created_at      timestamp with time zone not null,
    submitted_at    timestamp with time zone,
    due_at          timestamp with time zone,
    overdue_at      timestamp with time zone,
    acknowledged_at timestamp with time zone,
    acknowledged_by uuid,
    released_at     timestamp with time zone,
    released_by     uuid,
    release_reason  varchar(500),
    constraint workforce_handover_one_draft unique (draft_of)
);
create index workforce_handover_by_outgoing on workforce_handover (outgoing_id, state);
create index workforce_handover_due on workforce_handover (state, due_at);

-- The incoming agents a handover is addressed to.
create table workforce_handover_recipient (
    handover_id uuid not null references workforce_handover (id) on delete cascade,
    staff_id    uuid not null,
    primary key (handover_id, staff_id)
);
create index workforce_handover_recipient_by_staff on workforce_handover_recipient (staff_id);

-- One unresolved item: what it is (kind, ref_id, a label written when it was listed), the
-- outgoing agent's note, where it goes (kept, a named incoming agent, or routing) and who
-- acknowledged it.
create table workforce_handover_item (
    id              uuid          primary key,
    handover_id     uuid          not null references workforce_handover (id) on delete cascade,
    position        integer       not null,
    kind            varchar(16)   not null,
    ref_id          uuid          not null,
    game_id         uuid,
    label           varchar(300)  not null,
    detail          varchar(40),
    due_at          timestamp with time zone,
    link            varchar(200),
    note            varchar(1000),
    disposition     varchar(16)   not null,
    target_id       uuid,
    acknowledged_by uuid,
    acknowledged_at timestamp with time zone,
    constraint workforce_handover_item_once unique (handover_id, kind, ref_id)
);

-- Which addressee was emailed a settled handover's shift log, so that a repeated event sends once.
create table workforce_handover_mail (
    handover_id uuid not null references workforce_handover (id) on delete cascade,
    staff_id    uuid not null,
    sent_at     timestamp with time zone not null,
    primary key (handover_id, staff_id)
);
