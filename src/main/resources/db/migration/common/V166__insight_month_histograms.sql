-- A month's histogram of a measure for one value of a dimension, in one row: its buckets' counts
-- as text ("3:12 4:7 131:1", Histogram.counts), where insight_month_hist held a row per bucket.
-- The agents' first response and resolution times over a month read 400 rows for 200 agents
-- instead of 110,000 (bench/insight, the agent KPI table). A period's days are still read a row
-- per bucket (insight_day_hist) and added to the months' counts by the reader.
create table insight_month_histogram (
    game_id    uuid           not null,
    stat_month date           not null,
    dimension  varchar(20)    not null,
    dim_value  varchar(100)   not null,
    measure    varchar(30)    not null,
    counts     varchar(20000) not null,
    primary key (game_id, dimension, stat_month, dim_value, measure)
);

drop table insight_month_hist;

-- every month is added up again from its days by the next roll-up; meanwhile it is read from them
insert into insight_month_dirty (game_id, dirty_month)
select distinct m.game_id, m.stat_month from insight_month m
where not exists (select 1 from insight_month_dirty d where d.game_id = m.game_id and d.dirty_month = m.stat_month);
