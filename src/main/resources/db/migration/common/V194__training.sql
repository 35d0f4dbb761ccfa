-- Training (docs/training.md): courses of knowledge-base articles, exams drawn at random from a
-- question bank, the typing test, the onboarding gate and the trainees' evaluations.

-- A course: knowledge-base articles (public or internal) read in order.
create table training_course (
    id         uuid          primary key,
    title      varchar(120)  not null,
    summary    varchar(2000),
    created_by uuid          not null,
    created_at timestamp with time zone not null
);

create table training_course_article (
    course_id  uuid    not null references training_course (id) on delete cascade,
    position   integer not null,
    article_id uuid    not null,
    primary key (course_id, position)
);

-- Who a course or an exam is for: a role (its code), a team (its id) or new hires (no value).
create table training_audience (
    subject_kind varchar(10) not null,
    subject_id   uuid        not null,
    kind         varchar(10) not null,
    target       varchar(64) not null,
    primary key (subject_kind, subject_id, kind, target)
);

-- Which article of a course a member of staff has read, and when.
create table training_progress (
    course_id  uuid not null references training_course (id) on delete cascade,
    article_id uuid not null,
    staff_id   uuid not null,
    read_at    timestamp with time zone not null,
    primary key (course_id, article_id, staff_id)
);

-- An exam: questions drawn from its bank (kind quiz), or a text to type (kind typing). An exam
-- marked gate must be passed by a new hire before they get live work.
create table training_exam (
    id             uuid          primary key,
    title          varchar(120)  not null,
    kind           varchar(10)   not null,
    course_id      uuid references training_course (id) on delete set null,
    draw_count     integer       not null,
    time_limit_min integer       not null,
    pass_percent   integer       not null,
    gate           boolean       not null,
    typing_text    varchar(2000),
    typing_min_cpm integer,
    created_by     uuid          not null,
    created_at     timestamp with time zone not null
);

-- A question of an exam's bank, in both languages. Options are one per line; answer holds the
-- correct options' numbers from 1 (comma-separated), true or false, or nothing for a short answer
-- (scored by a lead).
create table training_question (
    id         uuid           primary key,
    exam_id    uuid           not null references training_exam (id) on delete cascade,
    kind       varchar(10)    not null,
    prompt_en  varchar(1000)  not null,
    prompt_zh  varchar(1000)  not null,
    options_en varchar(2000),
    options_zh varchar(2000),
    answer     varchar(100),
    points     integer        not null,
    created_at timestamp with time zone not null
);
create index training_question_by_exam on training_question (exam_id);

-- One sitting of an exam: the seed and the questions it drew (in order), when it started, its
-- deadline, and once submitted the score. Status: started, submitted (short answers to score),
-- passed, failed.
create table training_attempt (
    id           uuid          primary key,
    exam_id      uuid          not null references training_exam (id) on delete cascade,
    staff_id     uuid          not null,
    seed         bigint        not null,
    question_ids varchar(4000) not null,
    started_at   timestamp with time zone not null,
    deadline     timestamp with time zone not null,
    submitted_at timestamp with time zone,
    late         boolean       default false not null,
    status       varchar(10)   not null,
    score        integer,
    max_score    integer,
    typed_chars  integer,
    correct_chars integer,
    cpm          integer,
    accuracy     integer
);
create index training_attempt_by_staff on training_attempt (staff_id, exam_id);

-- The answers of an attempt; points once scored (at once for closed questions, by a lead for short answers).
create table training_answer (
    attempt_id  uuid          not null references training_attempt (id) on delete cascade,
    question_id uuid          not null,
    answer      varchar(4000),
    points      integer,
    scored_by   uuid,
    scored_at   timestamp with time zone,
    primary key (attempt_id, question_id)
);

-- Members of staff marked as new hires by a lead: kept from live work until they pass every gate
-- exam meant for them. released_at: the lead lifted the mark.
create table training_new_hire (
    staff_id    uuid primary key,
    marked_by   uuid not null,
    marked_at   timestamp with time zone not null,
    released_at timestamp with time zone
);

-- Trainees' evaluation of a course: its content, its arrangement and its trainer (1 to 5) and a comment.
create table training_evaluation (
    course_id   uuid          not null references training_course (id) on delete cascade,
    staff_id    uuid          not null,
    content     integer       not null,
    arrangement integer       not null,
    trainer     integer       not null,
    remark      varchar(2000),
    created_at  timestamp with time zone not null,
    primary key (course_id, staff_id)
);
