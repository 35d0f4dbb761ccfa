-- The pay rules (提成奖励制度, pay module, docs/pay.md), one row per version, each in force from
-- the first day of a month until the next version's: a month is computed with the version in
-- force then. Amounts in minor units (fen); percentages in basis points (2000 = 20%). The
-- performance bands are lines "lowest result:amount", highest first.
create table pay_rules (
    id                     uuid          primary key,
    version                integer       not null unique,
    effective_from         date          not null unique,
    base_salary            bigint        not null,
    performance_bands      varchar(2000) not null,
    bonus_max              bigint        not null,
    excellent_employee_bp  integer       not null,
    team_award_bp          integer       not null,
    team_improvement_bp    integer       not null,
    excellent_team_bp      integer       not null,
    created_by             uuid,
    created_at             timestamp with time zone not null
);

-- The seed's percentages (excellent employee 20% of the quarter's performance pay, team
-- improvement 10% of the gain, excellent team 20% of the quarter's team award); the amounts are
-- examples an administrator replaces: base 4,000.00, performance pay by result 90/80/70/60 of
-- 1,500.00/1,000.00/600.00/300.00, bonus up to 800.00, team award 10% of the members' performance pay.
insert into pay_rules (id, version, effective_from, base_salary, performance_bands, bonus_max,
        excellent_employee_bp, team_award_bp, team_improvement_bp, excellent_team_bp, created_by, created_at)
values ('0190a000-0000-7000-8000-000000000199', 1, date '2000-01-01', 400000,
        '90:150000
80:100000
70:60000
60:30000', 80000, 2000, 1000, 1000, 2000, null, timestamp with time zone '2026-12-01 00:00:00+00');

-- The quarter's excellent employees and teams (优秀员工, 优秀团队), a lead's decision.
create table pay_excellence (
    id            uuid        primary key,
    quarter_start date        not null,
    kind          varchar(20) not null,
    subject_id    uuid        not null,
    chosen_by     uuid        not null,
    chosen_at     timestamp with time zone not null,
    constraint pay_excellence_once unique (quarter_start, kind, subject_id)
);
