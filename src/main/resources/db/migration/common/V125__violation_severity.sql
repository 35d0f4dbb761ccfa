-- Severity of a violation (minor, normal, severe: 情节). Each violation type says at which step
-- of its ladders (from 1) each severity starts; the step a violation reaches is the later of that
-- and the one its count gives, never beyond the ladder's end. Every violation records its severity.
alter table violation_type add column minor_start integer default 1 not null;
alter table violation_type add column normal_start integer default 1 not null;
alter table violation_type add column severe_start integer default 1 not null;
alter table violation add column severity varchar(10) default 'normal' not null;

-- Games that already have the shipped types get the shipped severe starts, at the rung they name
-- in the type's own ladder: an organised farming studio (情况恶劣) and scam advertising are banned
-- permanently at once, a grossly offensive profile is banned at once.
update violation_type set severe_start = coalesce((select min(s.position) from penalty_step s
        where s.violation_type_id = violation_type.id and s.audience = 'all' and s.penalty = 'permanent_ban'), 1)
    where code in ('currency_farming', 'advertising');
update violation_type set severe_start = coalesce((select min(s.position) from penalty_step s
        where s.violation_type_id = violation_type.id and s.audience = 'all' and s.penalty = 'ban'), 1)
    where code = 'offensive_profile';
