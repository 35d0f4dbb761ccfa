-- Whole calendar months of the daily figures, kept beside them: a period is read as its whole
-- months from insight_month(_hist) and its days before and after from insight_day(_hist), so a
-- year reads twelve rows of a value where it read 365 (bench/insight: the agents' month and the
-- year's dashboard). A month is recomputed from its days whenever the roll-up recomputes one of
-- them: insight_month_dirty marks it, in the day's transaction, and is claimed the way a day is.
create table insight_month (
    game_id    uuid         not null,
    stat_month date         not null,
    dimension  varchar(20)  not null,
    dim_value  varchar(100) not null,
    metric     varchar(40)  not null,
    total      bigint       not null,
    seconds    bigint       not null,
    primary key (game_id, dimension, stat_month, dim_value, metric)
);

create table insight_month_hist (
    game_id    uuid         not null,
    stat_month date         not null,
    dimension  varchar(20)  not null,
    dim_value  varchar(100) not null,
    measure    varchar(30)  not null,
    bucket     smallint     not null,
    total      bigint       not null,
    primary key (game_id, dimension, stat_month, dim_value, measure, bucket)
);

create table insight_month_dirty (
    game_id     uuid not null,
    dirty_month date not null,
    primary key (game_id, dirty_month)
);

-- the months of the days already rolled up, computed by the next roll-up
insert into insight_month_dirty (game_id, dirty_month)
select distinct game_id, cast(date_trunc('month', stat_day) as date) from insight_day;
