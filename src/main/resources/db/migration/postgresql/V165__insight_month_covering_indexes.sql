-- The months' rows of a game and dimension read from the index alone, as V161 does for the days'
-- (bench/insight, the agents' histograms of a month over four games, 110,000 rows: 503 ms before,
-- 215 ms after; the agent KPI page 291 ms before, 228 ms after, at one reader). H2 has no INCLUDE.
create index insight_month_covering on insight_month (game_id, dimension, stat_month)
    include (dim_value, metric, total, seconds);
create index insight_month_hist_covering on insight_month_hist (game_id, dimension, stat_month)
    include (dim_value, measure, bucket, total);
