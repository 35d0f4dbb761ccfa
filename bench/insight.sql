-- The insight benchmark's data set (bench/insight): :tickets tickets over the past 12 months in four
-- games (the demo's and three more), 200 agents, written straight into the tickets' tables (what the
-- raw export reads) and into the insight module's facts (what the roll-up reads), as the listeners
-- would have written them. The day rows are left to the application's own roll-up: every day that
-- has facts is marked in insight_dirty. Run with psql -v tickets=N on a database PlayerDesk has
-- migrated with the demo workspace.
\set ON_ERROR_STOP on
select setseed(0.42);

-- three more games beside the demo's, in the same time zone
insert into game (id, code, name, default_locale, created_at)
select gen_random_uuid(), code, name, 'zh-CN', now() - interval '400 days'
from (values ('bench2', '星海传说'), ('bench3', 'Dragon Frontier'), ('bench4', '江湖夜雨')) g(code, name);
create temporary table bench_game as
select row_number() over (order by code) - 1 as idx, id, time_zone from game where code in ('demo', 'bench2', 'bench3', 'bench4');

-- 200 agents (password: that of the demo's admin) and a supervisor, serving the four games
insert into staff_account (id, username, display_name, password_hash, role, locale, enabled, created_at)
select gen_random_uuid(), 'insight' || lpad(i::text, 3, '0'),
       case when i % 3 = 0 then 'Agent ' || i else '客服' || i || '号' end,
       (select password_hash from staff_account where username = 'admin'),
       (array['agent_l1', 'agent_l1', 'agent_l1', 'agent_l2', 'agent_l2', 'agent_vip'])[1 + i % 6],
       case when i % 3 = 0 then 'en' else 'zh-CN' end, true, now() - interval '400 days'
from generate_series(1, 200) i;
insert into staff_account (id, username, display_name, password_hash, role, locale, enabled, created_at)
select gen_random_uuid(), 'insightlead', '数据组长', password_hash, 'supervisor', 'zh-CN', true, now()
from staff_account where username = 'admin';
insert into staff_game (staff_id, game_id)
select s.id, g.id from staff_account s cross join bench_game g where s.username like 'insight%';
create temporary table bench_agent as
select row_number() over (order by username) - 1 as idx, id from staff_account
where username like 'insight%' and username <> 'insightlead';

-- one player per four tickets
insert into player (id, game_id, account_id, nickname, server, contact_email, created_at, updated_at)
select gen_random_uuid(), g.id, 'ib' || p, '玩家' || p, 'S' || (1 + p % 9), 'p' || p || '@example.com',
       now() - interval '400 days', now() - interval '400 days'
from generate_series(0, (:tickets / 4) - 1) p join bench_game g on g.idx = p % 4;
create temporary table bench_player as
select row_number() over (partition by game_id order by account_id) - 1 as idx, id, game_id
from player where account_id like 'ib%';
create index on bench_player (game_id, idx);
select count(*) / 4 as players_per_game from bench_player \gset

-- the tickets, with every value the tables below take from them
create unlogged table bench_ticket as
with base as (
  select n, n % 4 as game_idx,
         -- a year of days, a little more in the last months
         floor(365 * power(random(), 1.15))::int as age,
         -- the hour players write in: evenings most, nights least
         (array[0,0,1,7,8,9,9,10,10,11,11,12,12,13,14,14,15,15,16,16,17,18,19,19,20,20,20,21,21,21,22,22,23])
           [1 + floor(random() * 33)::int] as hour,
         random() as r_channel, random() as r_type, random() as r_priority, random() as r_lang,
         random() as r_status, random() as r_first, random() as r_resolve, random() as r_level,
         random() as r_misc
  from generate_series(0, :tickets - 1) n
), shaped as (
  select b.*, g.id as game_id, g.time_zone,
         ((current_date - b.age)::timestamp + make_interval(hours => b.hour, secs => floor(b.r_misc * 3599)))
           at time zone g.time_zone as created_at,
         case when b.r_channel < 0.5 then 'in_game' when b.r_channel < 0.7 then 'web'
              when b.r_channel < 0.9 then 'chat' else 'email' end as channel,
         case when b.r_type < 0.30 then 'consultation' when b.r_type < 0.50 then 'payment'
              when b.r_type < 0.65 then 'bug' when b.r_type < 0.75 then 'complaint'
              when b.r_type < 0.83 then 'account_stolen' when b.r_type < 0.90 then 'ban_appeal' else 'other' end as type,
         case when b.r_priority < 0.15 then 0 when b.r_priority < 0.75 then 1
              when b.r_priority < 0.95 then 2 else 3 end as priority_rank,
         case when b.r_lang < 0.70 then 'zh-CN' when b.r_lang < 0.90 then 'en'
              when b.r_lang < 0.95 then 'ja' else 'ko' end as language,
         case when b.r_level < 0.75 then 'first_line' when b.r_level < 0.95 then 'second_line' else 'vip' end as level,
         -- old tickets are done; of the last two weeks', more the newer
         case when b.age > 14 then (case when b.r_status < 0.65 then 'closed' when b.r_status < 0.98 then 'resolved'
                                          else 'pending_player' end)
              else (case when b.r_status < 0.1 + b.age * 0.05 then 'closed'
                         when b.r_status < 0.2 + b.age * 0.05 then 'resolved'
                         when b.r_status < 0.5 + b.age * 0.03 then 'pending_player'
                         when b.r_status < 0.8 + b.age * 0.01 then 'open' else 'new' end) end as status,
         -- first response: from a minute to several hours, most within the hour
         floor(60 * exp(b.r_first * 5.5))::bigint as first_seconds,
         -- resolution: from ten minutes to a few days after the first response
         floor(600 * exp(b.r_resolve * 6))::bigint as resolve_extra,
         1 + floor(b.r_misc * 200)::int % 200 as agent_no
  from base b join bench_game g on g.idx = b.game_idx
)
select s.*, a.id as agent_id,
       (select p.id from bench_player p where p.game_id = s.game_id and p.idx = (s.n / 4) % :players_per_game) as player_id,
       -- numbered and identified in the order they came in, as the node does (its ids are time-ordered
       -- UUIDs, version 7: the milliseconds first)
       1000000 + row_number() over (partition by s.game_id order by s.created_at, s.n) as number,
       (lpad(to_hex(floor(extract(epoch from s.created_at) * 1000)::bigint), 12, '0') || '7'
        || substr(replace(gen_random_uuid()::text, '-', ''), 14, 19))::uuid as id,
       case when s.status = 'new' then null else s.created_at + make_interval(secs => s.first_seconds) end as first_at,
       case when s.status in ('resolved', 'closed')
            then s.created_at + make_interval(secs => s.first_seconds + s.resolve_extra) end as resolved_at,
       case when s.status = 'new' then 0 else 1 + floor(s.r_resolve * 3.5)::int end as replies,
       case when s.r_misc < 0.05 and s.status in ('resolved', 'closed') then 1 else 0 end as reopens,
       s.r_misc > 0.97 as deflected
from shaped s join bench_agent a on a.idx = (s.agent_no - 1);

insert into ticket (id, game_id, number, player_id, subject, type, channel, priority, priority_rank, status,
                    assignee_id, created_at, updated_at, first_response_at, resolved_at, closed_at, version, support_level)
select id, game_id, number, player_id,
       (array['充值未到账', '账号被盗', '游戏闪退', '登录不上', 'Refund request', 'Lag in ranked match',
              '封号申诉', '活动奖励没有发放', 'Cannot log in', '道具消失'])[1 + n % 10] || ' #' || number,
       type, channel, (array['low', 'normal', 'high', 'urgent'])[1 + priority_rank], priority_rank, status,
       case when status = 'new' then null else agent_id end, created_at,
       coalesce(resolved_at, first_at, created_at), first_at, resolved_at,
       case when status = 'closed' then resolved_at + interval '3 days' end, 0, level
-- written in the order they came in, as a live node writes them (the table's pages follow time)
from bench_ticket order by created_at;
insert into ticket_metadata (ticket_id, entry_key, entry_value)
select id, 'language', language from bench_ticket order by created_at;
insert into ticket_tag (ticket_id, tag)
select id, (array['vip', 'refund', 'lag', 'event', 'hacked'])[1 + n % 5] from bench_ticket where n % 2 = 0
order by created_at;

-- the insight facts, as TicketFacts writes them
insert into insight_ticket (ticket_id, game_id, ticket_number, created_at, created_day, created_hour, created_weekday,
    channel, ticket_type, priority, player_language, vip_tier, support_level, server_key, assignee_id, status, is_open,
    first_response_at, first_response_day, first_response_seconds, first_responder_id, resolved_at, resolved_day,
    resolution_seconds, agent_replies, reopens, deflected, sla_first_response, sla_next_response, sla_resolution,
    refreshed_at)
select id, game_id, number, created_at, current_date - age, hour, extract(isodow from current_date - age),
       channel, type, (array['low', 'normal', 'high', 'urgent'])[1 + priority_rank], language, '', level,
       'S' || (1 + n % 9), case when status = 'new' then null else agent_id end, status,
       status in ('new', 'open', 'pending_player'),
       first_at, (first_at at time zone time_zone)::date, case when first_at is not null then first_seconds end,
       case when first_at is not null then agent_id end,
       resolved_at, (resolved_at at time zone time_zone)::date,
       case when resolved_at is not null then first_seconds + resolve_extra end,
       replies, reopens, deflected,
       case when first_at is null then 'running' when first_seconds <= 3600 then 'met' else 'breached' end,
       case when replies < 2 then 'none' when r_first < 0.85 then 'met' else 'breached' end,
       case when resolved_at is null then 'running' when first_seconds + resolve_extra <= 86400 then 'met'
            else 'breached' end,
       now()
from bench_ticket order by created_at;

insert into insight_reply (message_id, ticket_id, game_id, agent_id, reply_day, replied_at)
select gen_random_uuid(), t.id, t.game_id, t.agent_id, (r.at at time zone t.time_zone)::date, r.at
from bench_ticket t
cross join lateral (select t.first_at + make_interval(secs => (k - 1) * (600 + t.resolve_extra / greatest(t.replies, 1))) as at
                    from generate_series(1, t.replies) k) r
where t.first_at is not null;

insert into insight_ticket_term (ticket_id, game_id, created_day, kind, term)
select id, game_id, current_date - age, 'tag', (array['vip', 'refund', 'lag', 'event', 'hacked'])[1 + n % 5]
from bench_ticket where n % 2 = 0
union all
select id, game_id, current_date - age, 'word',
       (array['充值', '账号', '闪退', '登录', 'refund', 'lag', '封号', '奖励', 'login', '道具'])[1 + n % 10]
from bench_ticket;

-- escalations and transfers, for a few tickets
insert into insight_event (event_key, game_id, event_day, metric, agent_id, amount, counted_at)
select 'escalated:' || id || ':' || created_at, game_id, current_date - age, 'escalated', agent_id, 1, created_at
from bench_ticket where r_level > 0.95
union all
select 'transfer:' || id, game_id, current_date - age, 'transfers', null, 1, created_at
from bench_ticket where r_level between 0.90 and 0.93;

-- every day with facts, for the application's roll-up
insert into insight_dirty (game_id, dirty_day)
select game_id, created_day from insight_ticket
union select game_id, first_response_day from insight_ticket where first_response_day is not null
union select game_id, resolved_day from insight_ticket where resolved_day is not null
union select game_id, reply_day from insight_reply
union select game_id, event_day from insight_event
on conflict do nothing;

-- the daily counters the dashboard's headline figures and trend read (DailyVolume, UTC days), rolled up
insert into ticket_daily_count (game_id, count_day, metric, total)
select game_id, day, metric, count(*) from (
  select game_id, (created_at at time zone 'UTC')::date as day, 'CREATED' as metric from bench_ticket
  union all select game_id, (created_at at time zone 'UTC')::date, 'PLAYER_REPLIES' from bench_ticket
  union all select game_id, (resolved_at at time zone 'UTC')::date, 'RESOLVED' from bench_ticket
    where resolved_at is not null
  union all select r.game_id, (r.replied_at at time zone 'UTC')::date, 'AGENT_REPLIES'
    from insight_reply r join bench_ticket t on t.id = r.ticket_id
) counted group by game_id, day, metric
on conflict (game_id, count_day, metric) do update set total = ticket_daily_count.total + excluded.total;

drop table bench_ticket;
analyze;
select (select count(*) from ticket) as tickets, (select count(*) from insight_ticket) as facts,
       (select count(*) from insight_reply) as replies, (select count(*) from insight_ticket_term) as terms,
       (select count(*) from insight_dirty) as dirty_days;
