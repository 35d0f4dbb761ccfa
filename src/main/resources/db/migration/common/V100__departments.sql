-- Departments that receive transferred tickets with a question (技术部, 运营部, 安全部, 财务部,
-- 发货/履约), how the question reaches them (their members in the console, an email address, a
-- signed webhook), and each question asked with its own answer deadline.

create table department (
    id             uuid primary key,
    game_id        uuid references game (id) on delete cascade,
    code           varchar(40)   not null,
    name           varchar(100)  not null,
    delivery       varchar(10)   not null,
    email          varchar(254),
    webhook_url    varchar(500),
    webhook_secret varchar(200),
    answer_hours   integer       not null,
    business_hours boolean       not null,
    enabled        boolean       not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);
create index department_by_game on department (game_id, code);

create table department_member (
    department_id uuid not null references department (id) on delete cascade,
    staff_id      uuid not null references staff_account (id) on delete cascade,
    primary key (department_id, staff_id)
);
create index department_member_by_staff on department_member (staff_id);

-- open_key is the department's id while the question is open and null once answered: the unique
-- index allows one open question per ticket and department, and any number of answered ones.
create table department_request (
    id               uuid primary key,
    department_id    uuid          not null references department (id),
    ticket_id        uuid          not null references ticket (id) on delete cascade,
    game_id          uuid          not null,
    open_key         uuid,
    state            varchar(10)   not null,
    asked_by         uuid,
    asked_by_name    varchar(100)  not null,
    question         varchar(4000) not null,
    asked_at         timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    overdue_at       timestamp with time zone,
    reply_token_hash varchar(64)   not null,
    delivered_at     timestamp with time zone,
    answer           varchar(4000),
    answered_by      varchar(300),
    answered_at      timestamp with time zone,
    version          bigint        not null
);
create unique index department_request_one_open on department_request (ticket_id, open_key);
create unique index department_request_by_token on department_request (reply_token_hash);
create index department_request_due on department_request (state, due_at);
create index department_request_by_department on department_request (department_id, state, due_at);
