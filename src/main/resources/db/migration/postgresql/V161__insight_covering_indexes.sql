-- The insight pages read a dimension's day rows of a game over a period; on PostgreSQL they are
-- read from the index alone (measured with bench/insight: the agents' rows of a month 3.5 times
-- faster). H2 has no INCLUDE and keeps the plain indexes of V151.
create index insight_day_covering on insight_day (game_id, dimension, stat_day)
    include (dim_value, metric, total, seconds);
drop index insight_day_by_dimension;
create index insight_day_hist_covering on insight_day_hist (game_id, dimension, stat_day)
    include (dim_value, measure, bucket, total);
drop index insight_day_hist_by_dimension;
