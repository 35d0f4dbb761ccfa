-- Scheduled reports and the daily report (日报). A subscription asks for one report by email,
-- daily, weekly (Monday) or monthly (the 1st), at a local time; next_run_at is when it is next
-- due, and a sweep claims a due subscription by moving next_run_at on with the old value in the
-- where clause, so that one node only writes its run. A run is one period's email, kept until it
-- is sent (sent_at), so that a mail server out of reach is tried again on the next sweep;
-- claimed_until is a short lease that keeps a second node from sending it meanwhile.
create table insight_subscription (
    id           uuid primary key,
    staff_id     uuid        not null,
    report       varchar(64) not null,
    game_id      uuid,
    frequency    varchar(10) not null,
    send_minute  integer     not null,
    time_zone    varchar(64) not null,
    next_run_at  timestamp with time zone not null,
    created_at   timestamp with time zone not null
);
create index insight_subscription_staff on insight_subscription (staff_id);
create index insight_subscription_due on insight_subscription (next_run_at);

create table insight_subscription_run (
    id              uuid primary key,
    subscription_id uuid not null references insight_subscription (id) on delete cascade,
    period_from     date not null,
    period_to       date not null,
    created_at      timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    sent_at         timestamp with time zone,
    attempts        integer not null,
    last_failure    varchar(300),
    constraint insight_subscription_run_once unique (subscription_id, period_from)
);
create index insight_subscription_run_pending on insight_subscription_run (sent_at);

-- One daily report per game, local day and team (an agent tier's code; '' for the whole game):
-- numbers and codes as JSON, worded in the reader's language when shown or sent. The unique key
-- makes the report once, however many nodes sweep at midnight.
create table insight_daily_report (
    id          uuid primary key,
    game_id     uuid        not null,
    report_day  date        not null,
    team        varchar(20) not null,
    content     varchar(100000) not null,
    created_at  timestamp with time zone not null,
    constraint insight_daily_report_once unique (game_id, report_day, team)
);
create index insight_daily_report_day on insight_daily_report (report_day, game_id);

-- One email of a game's daily report to one recipient, kept until sent, like a subscription's run.
create table insight_daily_delivery (
    id             uuid primary key,
    game_id        uuid not null,
    report_day     date not null,
    staff_id       uuid not null,
    created_at     timestamp with time zone not null,
    claimed_until  timestamp with time zone,
    sent_at        timestamp with time zone,
    attempts       integer not null,
    last_failure   varchar(300),
    constraint insight_daily_delivery_once unique (game_id, report_day, staff_id)
);
create index insight_daily_delivery_pending on insight_daily_delivery (sent_at);
