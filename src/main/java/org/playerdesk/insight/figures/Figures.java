package org.playerdesk.insight.figures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.playerdesk.system.database.DatabaseKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the insight figures: totals, breakdowns, daily lines, the hour-by-weekday heat map,
 * medians and p90s of response and resolution times, the backlog and the breaches. Every read is
 * of the daily rows ({@code insight_day}, {@code insight_day_hist}), not of tickets, except the
 * backlog and the breach list, which read open and breached tickets' facts. A period's whole
 * calendar months are read from the monthly rows ({@code insight_month}, {@code insight_month_histogram},
 * their days added up), and only its other days from the daily ones. Days are each game's
 * local days; {@code games} must already be limited to what the reader serves.
 */
@Service
@Transactional(readOnly = true)
public class Figures {

    /** Counts and summed seconds per metric. */
    public record Totals(Map<Metric, long[]> sums) {

        public static Totals empty() {
            return new Totals(new EnumMap<>(Metric.class));
        }

        public long total(Metric metric) {
            long[] sum = sums.get(metric);
            return sum == null ? 0 : sum[0];
        }

        public long seconds(Metric metric) {
            long[] sum = sums.get(metric);
            return sum == null ? 0 : sum[1];
        }

        /** {@code part} of {@code whole} as a share between 0 and 1, or null when the whole is zero. */
        public Double share(Metric part, Metric... whole) {
            long all = 0;
            for (Metric metric : whole) {
                all += total(metric);
            }
            return all == 0 ? null : (double) total(part) / all;
        }

        /** Service-level targets met of those met or breached (first response, next response, resolution), or null. */
        public Double slaCompliance() {
            long met = total(Metric.SLA_FIRST_RESPONSE_MET) + total(Metric.SLA_NEXT_RESPONSE_MET)
                    + total(Metric.SLA_RESOLUTION_MET);
            long breached = total(Metric.SLA_FIRST_RESPONSE_BREACHED) + total(Metric.SLA_NEXT_RESPONSE_BREACHED)
                    + total(Metric.SLA_RESOLUTION_BREACHED);
            return met + breached == 0 ? null : (double) met / (met + breached);
        }

        /** The mean of a summed figure (a score, a wait), or null when nothing was counted. */
        public Double mean(Metric metric) {
            long count = total(metric);
            return count == 0 ? null : (double) seconds(metric) / count;
        }

        /** These totals and {@code other}'s, added up (a team's of its agents'). */
        public Totals plus(Totals other) {
            Totals sum = empty();
            sums.forEach((metric, values) -> sum.add(metric, values[0], values[1]));
            other.sums.forEach((metric, values) -> sum.add(metric, values[0], values[1]));
            return sum;
        }

        void add(Metric metric, long total, long seconds) {
            long[] sum = sums.computeIfAbsent(metric, m -> new long[2]);
            sum[0] += total;
            sum[1] += seconds;
        }
    }

    /** The median and p90 of a length of time, in seconds; null when nothing was measured. */
    public record Spread(Long median, Long p90, long count) {

        public static Spread of(Histogram histogram) {
            return new Spread(histogram.percentile(0.5), histogram.percentile(0.9), histogram.count());
        }
    }

    /**
     * One agent's (or one value's) figures with the histograms of its first responses and
     * resolutions, which, unlike medians, add up: a team's spread is its agents' histograms added.
     */
    public record Measured(Totals totals, Histogram firstResponse, Histogram resolution) {

        public static Measured empty() {
            return new Measured(Totals.empty(), new Histogram(), new Histogram());
        }

        public Measured plus(Measured other) {
            Histogram first = new Histogram();
            first.addAll(firstResponse);
            first.addAll(other.firstResponse);
            Histogram resolved = new Histogram();
            resolved.addAll(resolution);
            resolved.addAll(other.resolution);
            return new Measured(totals.plus(other.totals), first, resolved);
        }
    }

    /** One value of a dimension (a channel, a type, an agent's id) and its figures. */
    public record Slice(String value, Totals totals, Spread firstResponse, Spread resolution) {
    }

    /** Open tickets now by status and age: under a day, one to three days, three to seven, older. */
    public record Backlog(Map<String, long[]> byStatus) {

        public static final List<Duration> AGES = List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

        public long total() {
            return byStatus.values().stream().mapToLong(ages -> java.util.Arrays.stream(ages).sum()).sum();
        }
    }

    /** A ticket whose service-level target was breached. */
    public record Breach(UUID ticketId, UUID gameId, long number, String target, Instant createdAt) {
    }

    /** A type, tag or word of the period's top issues: tickets this period and in the one before, as long. */
    public record Top(String value, long count, long previous) {

        public long rise() {
            return count - previous;
        }
    }

    public static final String FIRST_RESPONSE = "first_response";
    public static final String RESOLUTION = "resolution";
    public static final String CHAT_WAIT = "chat_wait";
    /** How long agents held chats (until the end or a hand-over). */
    public static final String CHAT_HANDLE = "chat_handle";

    /**
     * The day rows of a period's dimension as a table {@code d}, read from as few rows as give the
     * same sums (see {@link #params}): the months the period covers from the monthly rows, a month
     * it covers most of as the month less its days outside the period (those rows negated), the
     * other days from the daily rows. A month marked for adding up again is read from its days
     * inside the period instead, in the same statement: its monthly rows may not hold its days'
     * latest figures yet, and one statement reads the marks and the rows as of one moment.
     */
    private static final String DAY_ROWS = rows("dim_value, metric, total, seconds", "dim_value, metric, -total, -seconds",
            "insight_day", "insight_month");
    /**
     * The histogram rows of a period's dimension that match {@code where} (on {@code dim_value} and
     * {@code measure}), read as {@link #DAY_ROWS}: the days' buckets added up, as {@code (dim_value,
     * measure, bucket, total, null)}, and the months' whole histograms ({@code insight_month_histogram},
     * one row per value and measure), as {@code (dim_value, measure, null, null, counts)}, for
     * {@link #histograms} to add together.
     */
    private static String histRows(String where) {
        String days = rows("dim_value, measure, bucket, total", "dim_value, measure, bucket, -total", "insight_day_hist", null);
        return "select dim_value, measure, bucket, sum(total), cast(null as varchar(20000)) from " + days + " where "
                + where + " group by dim_value, measure, bucket having sum(total) <> 0"
                + " union all select dim_value, measure, cast(null as smallint), cast(null as bigint), counts "
                + "from insight_month_histogram r where r.game_id in (:games) and r.dimension = :dimension "
                + "and r.stat_month between :monthFrom and :monthTo and " + CLEAN.formatted("x.dirty_month = r.stat_month")
                + " and " + where;
    }

    /**
     * Reads {@link #histRows} into the histograms {@code target} gives for a value and a measure,
     * counting the rows in {@code rows}.
     */
    private void histograms(String where, MapSqlParameterSource params, int[] rows,
            java.util.function.BiFunction<String, String, Histogram> target) {
        named.query(histRows(where), params, (RowCallbackHandler) row -> {
            rows[0]++;
            Histogram histogram = target.apply(row.getString(1), row.getString(2));
            String counts = row.getString(5);
            if (counts == null) {
                histogram.add(row.getInt(3), row.getLong(4));
            } else {
                histogram.addCounts(counts);
            }
        });
    }

    /** Whether no mark says the month of {@code r} is to be added up again (the test on {@code x} filled in). */
    private static final String CLEAN = "not exists (select 1 from insight_month_dirty x where x.game_id = r.game_id "
            + "and x.dirty_month between :monthFrom and :monthTo and %s)";

    /** The rows of {@link #DAY_ROWS}; without {@code months}, those of the days alone. */
    private static String rows(String columns, String negated, String days, String months) {
        String dayRows = " from " + days + " r where r.game_id in (:games) and r.dimension = :dimension";
        String ofItsMonth = "r.stat_day >= x.dirty_month and r.stat_day < x.dirty_month + interval '1' month";
        return "(select " + columns + dayRows
                + " and (r.stat_day between :from and :headTo or r.stat_day between :tailFrom and :to)"
                + (months == null ? "" : " union all select " + columns + " from " + months + " r where r.game_id in (:games) "
                        + "and r.dimension = :dimension and r.stat_month between :monthFrom and :monthTo and "
                        + CLEAN.formatted("x.dirty_month = r.stat_month"))
                + " union all select " + negated + dayRows
                + " and (r.stat_day between :cutFrom and :cutTo or r.stat_day between :cut2From and :cut2To) and "
                + CLEAN.formatted(ofItsMonth)
                + " union all select " + columns.replace("dim_value", "r.dim_value") + " from insight_month_dirty x join "
                + days + " r on r.game_id = x.game_id and " + ofItsMonth + " where x.game_id in (:games) "
                + "and x.dirty_month between :monthFrom and :monthTo and r.dimension = :dimension "
                + "and r.stat_day between :from and :to) d";
    }

    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    /**
     * What was read, by what was asked and the {@link #generation} it was read in. The daily and
     * monthly rows change only when a roll-up writes them: until this node's next roll-up changes
     * something, the same question has the same answer, so a dashboard that several people read (or
     * one refreshes) is read from the database once. Another node's roll-up is not seen here:
     * answers are forgotten after {@code playerdesk.insight.read-cache} (the roll-up's interval by
     * default; 0 reads every time), so they are at most that much older than the rows. Bounded by
     * the rows the answers were read from. The backlog and the breaches, read from the tickets'
     * facts and the clock, are not kept.
     */
    private final Cache<Asked, Object> answers;
    private final boolean keeping;
    /** Moves on each time a roll-up has changed figures: what was read before is not answered again. */
    private final AtomicLong generation = new AtomicLong();

    /** A question to the figures: which read, of which games, days and dimension, with what else it was asked. */
    private record Asked(String read, Set<UUID> games, LocalDate from, LocalDate to, Dimension dimension, Object more,
            long generation) {
    }

    /** An answer and how many rows it was read from, which is what it weighs in the cache. */
    private record Kept(Object answer, int rows) {
    }

    /** Whether the database is PostgreSQL, once asked (see {@link #serially()}). */
    private volatile Boolean postgres;

    Figures(JdbcTemplate jdbc, Clock clock,
            @Value("${playerdesk.insight.read-cache:${playerdesk.insight.interval:1m}}") Duration keep,
            @Value("${playerdesk.insight.read-cache-rows:500000}") long rows) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.keeping = !keep.isZero() && !keep.isNegative();
        this.answers = Caffeine.newBuilder().expireAfterWrite(keeping ? keep : Duration.ofMillis(1))
                .maximumWeight(rows).weigher((Asked asked, Object kept) -> Math.max(1, ((Kept) kept).rows()))
                .build();
    }

    /**
     * Plans the rest of this read's transaction without parallel workers, on PostgreSQL. The reads
     * are small index ranges added up, several readers at a time; a parallel plan starts worker
     * processes for each of them, which cost more than the read (bench/insight, a year's histograms
     * of the whole: 42 ms with two workers, 4 ms without; the year's dashboard at one reader 151 ms
     * median, 56 ms).
     */
    private void serially() {
        Boolean known = postgres;
        if (known == null) {
            known = DatabaseKind.isPostgres(named.getJdbcTemplate().getDataSource());
            postgres = known;
        }
        if (known) {
            named.getJdbcTemplate().execute("set local max_parallel_workers_per_gather = 0");
        }
    }

    /** Called by the roll-up once it has changed figures: every answer read before is forgotten. */
    void changed() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    /**
     * The answer to {@code read} asked with these arguments: the one kept since the last change,
     * or {@code reading}'s, kept. {@code reading} counts the rows it reads in the array it is given.
     */
    @SuppressWarnings("unchecked")
    private <T> T kept(String read, Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            Object more, java.util.function.Function<int[], T> reading) {
        if (!keeping) {
            serially();
            return reading.apply(new int[1]);
        }
        Asked asked = new Asked(read, Set.copyOf(games), from, to, dimension, more, generation.get());
        Kept kept = (Kept) answers.getIfPresent(asked);
        if (kept == null) {
            int[] rows = new int[1];
            serially();
            kept = new Kept(reading.apply(rows), rows[0]);
            answers.put(asked, kept);
        }
        return (T) kept.answer();
    }

    /** The totals of the period, of the whole ({@code ALL}) or of one value of a dimension (an agent). */
    public Totals totals(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension, String value) {
        if (games.isEmpty()) {
            return Totals.empty();
        }
        return kept("totals", games, from, to, dimension, value(dimension, value), rows -> {
            Totals totals = Totals.empty();
            named.query("select metric, sum(total), sum(seconds) from " + DAY_ROWS + " where dim_value = :value group by metric",
                    params(games, from, to, dimension).addValue("value", value(dimension, value)),
                    (RowCallbackHandler) row -> {
                        rows[0]++;
                        add(totals, row.getString(1), row.getLong(2), row.getLong(3));
                    });
            return totals;
        });
    }

    /**
     * The median and p90 of a measure ({@link #FIRST_RESPONSE}, {@link #RESOLUTION}, {@link #CHAT_WAIT},
     * {@link #CHAT_HANDLE}); the chat measures exist for the whole and per agent.
     */
    public Spread spread(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension, String value,
            String measure) {
        return spreads(games, from, to, dimension, value, List.of(measure)).get(measure);
    }

    /** The medians and p90s of several measures, read together: each measure's spread, an empty one where nothing was measured. */
    public Map<String, Spread> spreads(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            String value, Collection<String> measures) {
        if (games.isEmpty() || measures.isEmpty()) {
            Map<String, Spread> none = new LinkedHashMap<>();
            measures.forEach(measure -> none.put(measure, Spread.of(new Histogram())));
            return none;
        }
        return kept("spreads", games, from, to, dimension, List.of(value(dimension, value), List.copyOf(measures)), rows -> {
            Map<String, Histogram> histograms = new LinkedHashMap<>();
            measures.forEach(measure -> histograms.put(measure, new Histogram()));
            histograms("dim_value = :value and measure in (:measures)",
                    params(games, from, to, dimension).addValue("value", value(dimension, value))
                            .addValue("measures", Set.copyOf(measures)),
                    rows, (dimValue, measure) -> histograms.get(measure));
            Map<String, Spread> spreads = new LinkedHashMap<>();
            histograms.forEach((measure, histogram) -> spreads.put(measure, Spread.of(histogram)));
            return java.util.Collections.unmodifiableMap(spreads);
        });
    }

    /** The totals of several values of a dimension together: a team's agents. */
    public Totals totalsTogether(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            Collection<String> values) {
        Totals totals = Totals.empty();
        if (games.isEmpty() || values.isEmpty()) {
            return totals;
        }
        serially();
        named.query("select metric, sum(total), sum(seconds) from " + DAY_ROWS + " where dim_value in (:values) group by metric",
                params(games, from, to, dimension).addValue("values", Set.copyOf(values)),
                (RowCallbackHandler) row -> add(totals, row.getString(1), row.getLong(2), row.getLong(3)));
        return totals;
    }

    /** The median and p90 of a measure over several values of a dimension together: a team's agents. */
    public Spread spreadTogether(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            Collection<String> values, String measure) {
        Histogram histogram = new Histogram();
        if (!games.isEmpty() && !values.isEmpty()) {
            serially();
            histograms("dim_value in (:values) and measure = :measure",
                    params(games, from, to, dimension).addValue("values", Set.copyOf(values)).addValue("measure", measure),
                    new int[1], (dimValue, read) -> histogram);
        }
        return Spread.of(histogram);
    }

    /** Every value of a dimension that has figures in the period, with them; most created first. */
    public List<Slice> breakdown(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension) {
        List<Slice> slices = new ArrayList<>();
        measured(games, from, to, dimension).forEach((value, figures) -> slices.add(new Slice(value,
                figures.totals(), Spread.of(figures.firstResponse()), Spread.of(figures.resolution()))));
        slices.sort((a, b) -> {
            int byCreated = Long.compare(b.totals().total(Metric.CREATED), a.totals().total(Metric.CREATED));
            return byCreated != 0 ? byCreated : a.value().compareTo(b.value());
        });
        return slices;
    }

    /**
     * Every agent with figures in the period (as author of replies, first responder, assignee of
     * resolved or created tickets, or counted for an event), with their totals and histograms: two
     * queries, whatever the number of agents.
     */
    public Map<UUID, Measured> agents(Collection<UUID> games, LocalDate from, LocalDate to) {
        Map<UUID, Measured> agents = new LinkedHashMap<>();
        measured(games, from, to, Dimension.AGENT).forEach((value, figures) -> {
            try {
                agents.put(UUID.fromString(value), figures);
            } catch (IllegalArgumentException notAnAgent) {
                // a value that is not a staff id names no one; left out
            }
        });
        return agents;
    }

    private Map<String, Measured> measured(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension) {
        if (games.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return kept("measured", games, from, to, dimension, null, rows -> measured(games, from, to, dimension, rows));
    }

    private Map<String, Measured> measured(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            int[] rows) {
        Map<String, Measured> measured = new LinkedHashMap<>();
        MapSqlParameterSource params = params(games, from, to, dimension);
        // a value whose sums are nought was counted only on days taken off a month: it has no figures in the period
        named.query("select dim_value, metric, sum(total), sum(seconds) from " + DAY_ROWS + " group by dim_value, metric "
                + "having sum(total) <> 0 or sum(seconds) <> 0", params,
                (RowCallbackHandler) row -> {
                    rows[0]++;
                    add(measured.computeIfAbsent(row.getString(1), v -> Measured.empty()).totals(), row.getString(2),
                            row.getLong(3), row.getLong(4));
                });
        histograms("measure in (:measures)", params.addValue("measures", List.of(FIRST_RESPONSE, RESOLUTION)), rows,
                (value, measure) -> {
                    Measured figures = measured.computeIfAbsent(value, v -> Measured.empty());
                    return FIRST_RESPONSE.equals(measure) ? figures.firstResponse() : figures.resolution();
                });
        // a value whose month's histogram the days taken off it cancel has no figures in the period either
        measured.values().removeIf(figures -> figures.totals().sums().isEmpty() && figures.firstResponse().count() == 0
                && figures.resolution().count() == 0);
        return java.util.Collections.unmodifiableMap(measured);
    }

    /**
     * Each day of the period with its totals of these metrics (days without figures included, as
     * zeros): a year's trend reads the few metrics it draws, not every metric of every day.
     */
    public Map<LocalDate, Totals> daily(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension,
            String value, Collection<Metric> metrics) {
        List<String> codes = metrics.stream().map(Metric::code).toList();
        if (games.isEmpty()) {
            return zeros(from, to);
        }
        return kept("daily", games, from, to, dimension, List.of(value(dimension, value), codes), rows -> {
            Map<LocalDate, Totals> days = zeros(from, to);
            named.query("select stat_day, metric, sum(total), sum(seconds) from insight_day where game_id in (:games) "
                    + "and stat_day between :from and :to and dimension = :dimension and dim_value = :value "
                    + "and metric in (:metrics) group by stat_day, metric",
                    params(games, from, to, dimension).addValue("value", value(dimension, value))
                            .addValue("metrics", codes),
                    (RowCallbackHandler) row -> {
                        rows[0]++;
                        add(days.get(row.getObject(1, LocalDate.class)), row.getString(2), row.getLong(3), row.getLong(4));
                    });
            return java.util.Collections.unmodifiableMap(days);
        });
    }

    private static Map<LocalDate, Totals> zeros(LocalDate from, LocalDate to) {
        Map<LocalDate, Totals> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, Totals.empty());
        }
        return days;
    }

    /**
     * The values of a dimension ({@code TYPE}, {@code TAG}, {@code WORD}...) among the tickets
     * created in a period, each with its count there and in the period of the same length just
     * before: read once, for both the most frequent and the most risen.
     */
    public record Comparison(Map<String, Long> now, Map<String, Long> before) {

        /** The most frequent values of the period, with their previous counts. */
        public List<Top> top(int limit) {
            return tops().sorted(java.util.Comparator.comparingLong(Top::count).reversed().thenComparing(Top::value))
                    .limit(limit).toList();
        }

        /** The values that rose most against the period before (new ones included). */
        public List<Top> risers(int limit) {
            return tops().filter(top -> top.rise() > 0)
                    .sorted(java.util.Comparator.comparingLong(Top::rise).reversed().thenComparing(Top::value))
                    .limit(limit).toList();
        }

        /** The counts of the period before as a comparison of its own (the values it had, with none before them). */
        public Comparison previous() {
            return new Comparison(before, Map.of());
        }

        private java.util.stream.Stream<Top> tops() {
            return now.entrySet().stream().map(e -> new Top(e.getKey(), e.getValue(), before.getOrDefault(e.getKey(), 0L)));
        }
    }

    /** The values of a dimension among the tickets created in the period and in the one of the same length before. */
    public Comparison compare(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension) {
        return new Comparison(created(games, from, to, dimension),
                created(games, before(from, to), from.minusDays(1), dimension));
    }

    /**
     * The most frequent values of a dimension among the tickets created in the period, with their
     * count in the period of the same length before it.
     */
    public List<Top> top(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension, int limit) {
        return compare(games, from, to, dimension).top(limit);
    }

    /** The values of a dimension that rose most against the period of the same length before (new ones included). */
    public List<Top> risers(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension, int limit) {
        return compare(games, from, to, dimension).risers(limit);
    }

    private static LocalDate before(LocalDate from, LocalDate to) {
        return from.minusDays(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
    }

    private Map<String, Long> created(Collection<UUID> games, LocalDate from, LocalDate to, Dimension dimension) {
        if (games.isEmpty()) {
            return Map.of();
        }
        return kept("created", games, from, to, dimension, null, rows -> {
            Map<String, Long> counts = new java.util.HashMap<>();
            named.query("select dim_value, sum(total) from " + DAY_ROWS + " where metric = :metric group by dim_value "
                    + "having sum(total) <> 0",
                    params(games, from, to, dimension).addValue("metric", Metric.CREATED.code()),
                    (RowCallbackHandler) row -> {
                        rows[0]++;
                        counts.put(row.getString(1), row.getLong(2));
                    });
            return java.util.Collections.unmodifiableMap(counts);
        });
    }

    /** Tickets created by weekday (0 Monday to 6 Sunday) and local hour (0 to 23). */
    public long[][] heatmap(Collection<UUID> games, LocalDate from, LocalDate to) {
        if (games.isEmpty()) {
            return new long[7][24];
        }
        long[][] kept = kept("heatmap", games, from, to, Dimension.HOUR, null, rows -> {
            long[][] cells = new long[7][24];
            named.query("select dim_value, sum(total) from " + DAY_ROWS + " where metric = :metric group by dim_value",
                    params(games, from, to, Dimension.HOUR).addValue("metric", Metric.CREATED.code()),
                    (RowCallbackHandler) row -> {
                        rows[0]++;
                        String[] weekdayHour = row.getString(1).split("-");
                        cells[Integer.parseInt(weekdayHour[0]) - 1][Integer.parseInt(weekdayHour[1])] += row.getLong(2);
                    });
            return cells;
        });
        // a copy: the caller's to change
        long[][] cells = new long[7][];
        for (int weekday = 0; weekday < 7; weekday++) {
            cells[weekday] = kept[weekday].clone();
        }
        return cells;
    }

    /** The open tickets now, by status and age; of one assignee when {@code agent} is given. */
    public Backlog backlog(Collection<UUID> games, UUID agent) {
        return backlogOf(games, agent == null ? null : List.of(agent));
    }

    /** The open tickets now, by status and age; of these assignees when {@code assignees} is not null. */
    public Backlog backlogOf(Collection<UUID> games, Collection<UUID> assignees) {
        Map<String, long[]> byStatus = new LinkedHashMap<>();
        if (games.isEmpty() || assignees != null && assignees.isEmpty()) {
            return new Backlog(byStatus);
        }
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource("games", games)
                .addValue("day", Timestamp.from(now.minus(Backlog.AGES.get(0))))
                .addValue("three", Timestamp.from(now.minus(Backlog.AGES.get(1))))
                .addValue("week", Timestamp.from(now.minus(Backlog.AGES.get(2))))
                .addValue("assignees", assignees);
        serially();
        named.query("select status, sum(case when created_at > :day then 1 else 0 end), "
                + "sum(case when created_at <= :day and created_at > :three then 1 else 0 end), "
                + "sum(case when created_at <= :three and created_at > :week then 1 else 0 end), "
                + "sum(case when created_at <= :week then 1 else 0 end) from insight_ticket "
                + "where game_id in (:games) and is_open = true"
                + (assignees == null ? "" : " and assignee_id in (:assignees)")
                + " group by status", params, (RowCallbackHandler) row -> byStatus.put(row.getString(1),
                        new long[] { row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5) }));
        return new Backlog(byStatus);
    }

    /** Tickets created in the period with a breached target, newest first, at most {@code limit}. */
    public List<Breach> breaches(Collection<UUID> games, LocalDate from, LocalDate to, int limit) {
        if (games.isEmpty()) {
            return List.of();
        }
        List<Breach> breaches = new ArrayList<>();
        serially();
        named.query("select ticket_id, game_id, ticket_number, created_at, sla_first_response, sla_next_response, "
                + "sla_resolution from insight_ticket where game_id in (:games) and created_day between :from and :to "
                + "and (sla_first_response = 'breached' or sla_next_response = 'breached' or sla_resolution = 'breached') "
                + "order by created_at desc, ticket_id limit :limit",
                params(games, from, to, Dimension.ALL).addValue("limit", limit), (RowCallbackHandler) row -> {
                    String target = "breached".equals(row.getString(5)) ? FIRST_RESPONSE
                            : "breached".equals(row.getString(6)) ? "next_response" : RESOLUTION;
                    breaches.add(new Breach(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getLong(3),
                            target, row.getTimestamp(4).toInstant()));
                });
        return breaches;
    }

    /** How many tickets created in the period have a breached target (all of them, not only those listed). */
    public long breachCount(Collection<UUID> games, LocalDate from, LocalDate to) {
        if (games.isEmpty()) {
            return 0;
        }
        serially();
        Long count = named.queryForObject("select count(*) from insight_ticket where game_id in (:games) "
                + "and created_day between :from and :to and (sla_first_response = 'breached' "
                + "or sla_next_response = 'breached' or sla_resolution = 'breached')",
                params(games, from, to, Dimension.ALL), Long.class);
        return count == null ? 0 : count;
    }

    private static void add(Totals totals, String metric, long total, long seconds) {
        // a metric this version does not know (written by a newer node) is left out, not an error
        Metric.of(metric).ifPresent(known -> totals.add(known, total, seconds));
    }

    /**
     * The games, the dimension and the period's days {@code from} to {@code to}, as the parts
     * {@link #DAY_ROWS} reads: the months read whole ({@code monthFrom} to {@code monthTo}, their
     * first days), the days read one by one before them ({@code from} to {@code headTo}) and after
     * them ({@code tailFrom} to {@code to}), and the days taken off a month read whole that the
     * period does not cover ({@code cutFrom} to {@code cutTo}, {@code cut2From} to {@code cut2To}).
     * A month the period covers part of is read whole, less its other days, when those are fewer
     * than its covered days by {@link #MONTH_COST} (a month's rows are about as many as a few days'):
     * the 365 days to the 4th of a month read twelve months less four days, and four days, rather than
     * eleven months and 31 days.
     * An empty range of days ends the day before it starts.
     */
    private static MapSqlParameterSource params(Collection<UUID> games, LocalDate from, LocalDate to,
            Dimension dimension) {
        LocalDate firstMonth = from.withDayOfMonth(1);
        LocalDate lastMonth = to.withDayOfMonth(1);
        boolean firstWhole = readWhole(firstMonth, from, to);
        boolean lastWhole = readWhole(lastMonth, from, to);
        LocalDate monthFrom = firstWhole ? firstMonth : firstMonth.plusMonths(1);
        LocalDate monthTo = lastWhole ? lastMonth : lastMonth.minusMonths(1);
        boolean months = !monthFrom.isAfter(monthTo);
        LocalDate monthsEnd = monthTo.plusMonths(1).minusDays(1);
        // the days of the months read whole that the period does not cover, before and after it
        boolean cutHead = months && from.isAfter(monthFrom);
        boolean cutTail = months && to.isBefore(monthsEnd);
        LocalDate[] cuts = { cutHead ? monthFrom : from, from.minusDays(1), to.plusDays(1), cutTail ? monthsEnd : to };
        return new MapSqlParameterSource("games", Set.copyOf(games)).addValue("from", from).addValue("to", to)
                .addValue("dimension", dimension.code()).addValue("monthFrom", monthFrom).addValue("monthTo", monthTo)
                .addValue("headTo", months ? min(to, monthFrom.minusDays(1)) : to)
                .addValue("tailFrom", months ? max(from, monthsEnd.plusDays(1)) : to.plusDays(1))
                .addValue("cutFrom", cuts[0]).addValue("cutTo", cuts[1])
                .addValue("cut2From", cuts[2]).addValue("cut2To", cuts[3]);
    }

    /** How many days' rows reading a month's rows is worth. */
    static final int MONTH_COST = 3;

    /** Whether the month starting {@code month} is read from its monthly rows (less the days outside the period). */
    private static boolean readWhole(LocalDate month, LocalDate from, LocalDate to) {
        LocalDate end = month.plusMonths(1).minusDays(1);
        long inside = java.time.temporal.ChronoUnit.DAYS.between(max(from, month), min(to, end)) + 1;
        long outside = java.time.temporal.ChronoUnit.DAYS.between(month, end) + 1 - inside;
        return outside == 0 || outside + MONTH_COST <= inside;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String value(Dimension dimension, String value) {
        return dimension == Dimension.ALL || value == null ? "" : value;
    }
}
