package org.playerdesk.insight.figures;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.system.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the facts of the tickets whose events came since the last run ({@link TicketFacts}),
 * then recomputes the daily figures ({@code insight_day}, {@code insight_day_hist}) of every (game,
 * local day) whose facts changed, from the facts themselves: a day's rows are replaced whole, so a
 * day recomputed twice reads the same, and {@link #rebuild()} (every day of every fact) gives what
 * live counting gave. Then each month with a recomputed day is added up again from its days into
 * {@code insight_month} and {@code insight_month_histogram}, which long periods read instead of their
 * days. Safe on several nodes: a day or a month is claimed by deleting its mark, in the
 * transaction that recomputes it, so a second node finds nothing to claim.
 */
@Component
public class FigureRollUp {

    private static final Logger log = LoggerFactory.getLogger(FigureRollUp.class);

    /** A fact as the roll-up reads it: the dimension values of its ticket, and its figure. */
    private record Fact(Map<Dimension, String> values, Long seconds, boolean[] flags, String[] outcomes) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TicketFacts facts;
    private final Figures figures;

    FigureRollUp(JdbcTemplate jdbc, PlatformTransactionManager transactions, TicketFacts facts, Figures figures) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.figures = figures;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${playerdesk.insight.interval:1m}",
            fixedDelayString = "${playerdesk.insight.interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Insight figures not rolled up yet", this::rollUp);
    }

    /**
     * Rewrites the stale tickets' facts, then recomputes every marked day, then every month marked
     * by a recomputed day; returns how many days.
     */
    public int rollUp() {
        facts.refreshStale();
        int done = 0;
        int months = 0;
        try {
            for (Marked day : marked("select game_id, dirty_day from insight_dirty order by dirty_day")) {
                if (claimed("delete from insight_dirty where game_id = ? and dirty_day = ?", day, () -> {
                    recompute(day.game(), day.day());
                    jdbc.update("insert into insight_month_dirty (game_id, dirty_month) values (?, ?) on conflict do nothing",
                            day.game(), day.day().withDayOfMonth(1));
                })) {
                    done++;
                }
            }
            for (Marked month : marked("select game_id, dirty_month from insight_month_dirty order by dirty_month")) {
                if (claimed("delete from insight_month_dirty where game_id = ? and dirty_month = ?", month,
                        () -> addUpMonth(month.game(), month.day()))) {
                    months++;
                }
            }
        } finally {
            // also when a later day failed: what was committed before it is read afresh
            if (done > 0 || months > 0) {
                figures.changed();
            }
        }
        return done;
    }

    /** A (game, day) or a (game, first day of a month) marked for recomputing. */
    private record Marked(UUID game, LocalDate day) {
    }

    private List<Marked> marked(String sql) {
        return jdbc.query(sql, (row, i) -> new Marked(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)));
    }

    /** Deletes the mark and does the work in one transaction; false when another node claimed it first. */
    private boolean claimed(String delete, Marked mark, Runnable work) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.update(delete, mark.game(), mark.day()) == 0) {
                return false;
            }
            work.run();
            return true;
        }));
    }

    /**
     * Replaces the month's rows by the sums of its days' rows, and its histograms by its days'
     * added up, one row per value and measure ({@link Histogram#counts()}).
     */
    private void addUpMonth(UUID game, LocalDate month) {
        LocalDate last = month.plusMonths(1).minusDays(1);
        jdbc.update("delete from insight_month where game_id = ? and stat_month = ?", game, month);
        jdbc.update("delete from insight_month_histogram where game_id = ? and stat_month = ?", game, month);
        jdbc.update("insert into insight_month (game_id, stat_month, dimension, dim_value, metric, total, seconds) "
                + "select game_id, ?, dimension, dim_value, metric, sum(total), sum(seconds) from insight_day "
                + "where game_id = ? and stat_day between ? and ? group by game_id, dimension, dim_value, metric",
                month, game, month, last);
        Map<List<String>, Histogram> histograms = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select dimension, dim_value, measure, bucket, "
                    + "sum(total) from insight_day_hist where game_id = ? and stat_day between ? and ? "
                    + "group by dimension, dim_value, measure, bucket");
            // a busy game's month has hundreds of thousands of buckets: read in parts, not held whole by the driver
            statement.setFetchSize(10_000);
            statement.setObject(1, game);
            statement.setObject(2, month);
            statement.setObject(3, last);
            return statement;
        }, (RowCallbackHandler) row -> histograms
                .computeIfAbsent(List.of(row.getString(1), row.getString(2), row.getString(3)), k -> new Histogram())
                .add(row.getInt(4), row.getLong(5)));
        List<Object[]> rows = new ArrayList<>();
        histograms.forEach((key, histogram) -> {
            if (histogram.count() != 0) {
                rows.add(new Object[] { game, month, key.get(0), key.get(1), key.get(2), histogram.counts() });
            }
        });
        jdbc.batchUpdate("insert into insight_month_histogram (game_id, stat_month, dimension, dim_value, measure, counts) "
                + "values (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Marks every day that has facts or figures, then recomputes them all: the figures from the
     * facts alone (a day whose facts are gone loses its rows). Nothing is deleted up front, so the
     * figures stay readable meanwhile and a day the live roll-up recomputes is not lost.
     */
    public int rebuild() {
        transaction.executeWithoutResult(status -> {
            for (String sql : List.of("select distinct game_id, created_day from insight_ticket",
                    "select distinct game_id, first_response_day from insight_ticket where first_response_day is not null",
                    "select distinct game_id, resolved_day from insight_ticket where resolved_day is not null",
                    "select distinct game_id, reply_day from insight_reply",
                    "select distinct game_id, event_day from insight_event",
                    "select distinct game_id, stat_day from insight_day",
                    "select distinct game_id, stat_day from insight_day_hist",
                    "select distinct game_id, stat_month from insight_month")) {
                jdbc.query(sql, (RowCallbackHandler) row -> jdbc.update(
                        "insert into insight_dirty (game_id, dirty_day) values (?, ?) on conflict do nothing",
                        row.getObject(1, UUID.class), row.getObject(2, LocalDate.class)));
            }
        });
        return rollUp();
    }

    private static final String TICKET_COLUMNS = "channel, ticket_type, priority, player_language, vip_tier, "
            + "support_level, server_key, created_weekday, created_hour, queue_key";

    private void recompute(UUID game, LocalDate day) {
        jdbc.update("delete from insight_day where game_id = ? and stat_day = ?", game, day);
        jdbc.update("delete from insight_day_hist where game_id = ? and stat_day = ?", game, day);
        Counter counter = new Counter();

        // tickets created that day: volume, service-level outcomes, the hour they came in
        for (Fact fact : facts("select " + TICKET_COLUMNS + ", assignee_id, null, sla_first_response, "
                + "sla_next_response, sla_resolution from insight_ticket where game_id = ? and created_day = ?", game,
                day, true)) {
            counter.add(fact, Metric.CREATED, null);
            outcomes(counter, fact);
        }
        // the tags and words of the tickets created that day, for the top issues
        jdbc.query("select kind, term, count(*) from insight_ticket_term where game_id = ? and created_day = ? "
                + "group by kind, term", (RowCallbackHandler) row -> counter.put(
                        "tag".equals(row.getString(1)) ? Dimension.TAG : Dimension.WORD, row.getString(2),
                        Metric.CREATED, row.getLong(3), 0), game, day);
        scorecard(counter, game, day);
        // tickets first answered that day
        for (Fact fact : facts("select " + TICKET_COLUMNS + ", first_responder_id, first_response_seconds "
                + "from insight_ticket where game_id = ? and first_response_day = ?", game, day, false)) {
            counter.add(fact, Metric.FIRST_RESPONDED, fact.seconds());
            counter.hist(fact, "first_response", fact.seconds());
        }
        // tickets resolved that day
        for (Fact fact : facts("select " + TICKET_COLUMNS + ", assignee_id, resolution_seconds, agent_replies, reopens, "
                + "deflected from insight_ticket where game_id = ? and resolved_day = ?", game, day, false)) {
            counter.add(fact, Metric.RESOLVED, fact.seconds());
            counter.hist(fact, "resolution", fact.seconds());
            if (fact.flags()[0]) {
                counter.add(fact, Metric.FIRST_CONTACT_RESOLVED, null);
            }
            if (fact.flags()[1]) {
                counter.add(fact, Metric.REOPENED, null);
            }
            if (fact.flags()[2]) {
                counter.add(fact, Metric.BOT_DEFLECTED, null);
            }
        }
        // agent replies written that day, by their author and their ticket's dimensions
        for (Fact fact : facts("select t." + TICKET_COLUMNS.replace(", ", ", t.") + ", r.agent_id, null "
                + "from insight_reply r join insight_ticket t on t.ticket_id = r.ticket_id "
                + "where r.game_id = ? and r.reply_day = ?", game, day, false)) {
            counter.add(fact, Metric.AGENT_REPLIES, null);
        }
        // tickets each agent replied to, counted on the day of the agent's first reply to the ticket
        jdbc.query("select r.agent_id, count(distinct r.ticket_id) from insight_reply r where r.game_id = ? "
                + "and r.reply_day = ? and r.agent_id is not null and not exists (select 1 from insight_reply e "
                + "where e.ticket_id = r.ticket_id and e.agent_id = r.agent_id and e.reply_day < r.reply_day) "
                + "group by r.agent_id", (RowCallbackHandler) row -> counter.put(Dimension.AGENT,
                        row.getObject(1, UUID.class).toString(), Metric.HANDLED, row.getLong(2), 0), game, day);
        // counted events
        jdbc.query("select metric, agent_id, sum(amount), count(*), max(amount) from insight_event "
                + "where game_id = ? and event_day = ? group by metric, agent_id", (RowCallbackHandler) row -> {
                    Metric metric = Metric.of(row.getString(1)).orElse(null);
                    if (metric == null) {
                        return;
                    }
                    UUID agent = row.getObject(2, UUID.class);
                    long amount = row.getLong(3);
                    long count = row.getLong(4);
                    if (metric == Metric.CHAT_PEAK) {
                        // an agent's peak of the day; the whole adds one peak per agent
                        counter.put(Dimension.ALL, "", metric, 1, row.getLong(5));
                        if (agent != null) {
                            counter.put(Dimension.AGENT, agent.toString(), metric, 1, row.getLong(5));
                        }
                        return;
                    }
                    // a satisfaction score, a chat's wait or handle time is a figure to sum; other events are counts
                    boolean summed = SUMMED.contains(metric);
                    counter.put(Dimension.ALL, "", metric, summed ? count : amount, summed ? amount : 0);
                    if (agent != null) {
                        counter.put(Dimension.AGENT, agent.toString(), metric, summed ? count : amount, summed ? amount : 0);
                    }
                }, game, day);
        // the lengths of chat waits and holds, for the whole and for the agent
        jdbc.query("select metric, agent_id, amount from insight_event where game_id = ? and event_day = ? "
                + "and metric in (?, ?)", (RowCallbackHandler) row -> {
                    String measure = Metric.CHATS_ANSWERED.code().equals(row.getString(1)) ? Figures.CHAT_WAIT
                            : Figures.CHAT_HANDLE;
                    UUID agent = row.getObject(2, UUID.class);
                    counter.histAll(measure, row.getLong(3));
                    if (Figures.CHAT_WAIT.equals(measure) && row.getLong(3) <= FIVE_MINUTES) {
                        counter.put(Dimension.ALL, "", Metric.CHATS_ANSWERED_WITHIN_5M, 1, 0);
                    }
                    if (agent != null) {
                        counter.histOf(Dimension.AGENT, agent.toString(), measure, row.getLong(3));
                    }
                }, game, day, Metric.CHATS_ANSWERED.code(), Metric.CHAT_HANDLE.code());

        List<Object[]> rows = new ArrayList<>();
        counter.totals.forEach((key, sums) -> rows.add(new Object[] { game, day, key.dimension().code(), key.value(),
                key.metric(), sums[0], sums[1] }));
        jdbc.batchUpdate("insert into insight_day (game_id, stat_day, dimension, dim_value, metric, total, seconds) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
        List<Object[]> hist = new ArrayList<>();
        counter.buckets.forEach((key, total) -> hist.add(new Object[] { game, day, key.dimension().code(), key.value(),
                key.metric(), key.bucket(), total }));
        jdbc.batchUpdate("insert into insight_day_hist (game_id, stat_day, dimension, dim_value, measure, bucket, total) "
                + "values (?, ?, ?, ?, ?, ?, ?)", hist);
    }

    /** Counted events whose amount is a figure to sum (a score, seconds), not a count. */
    private static final java.util.Set<Metric> SUMMED = java.util.EnumSet.of(Metric.CSAT, Metric.QA_SCORE,
            Metric.CHATS_ANSWERED, Metric.CHAT_HANDLE, Metric.CALLS_ANSWERED);
    private static final long MINUTE = 60;
    private static final long FIVE_MINUTES = 5 * MINUTE;
    private static final long[] RESPONSE_LIMITS = { MINUTE, FIVE_MINUTES, 30 * MINUTE, 60 * MINUTE };
    private static final Metric[] RESPONDED_WITHIN = { Metric.RESPONDED_WITHIN_1M, Metric.RESPONDED_WITHIN_5M,
            Metric.RESPONDED_WITHIN_30M, Metric.RESPONDED_WITHIN_1H };
    private static final long TWO_DAYS = 48 * 60 * MINUTE;

    /**
     * The seed's channel scorecard for the tickets created that day, in the whole and per channel.
     * Clock time, not business time: the seed's survey timed operators by the clock. Counted on the
     * day of creation, so a ticket never answered counts against the rate; the day is recomputed
     * when the ticket's first reply or resolution comes, whatever day that is.
     */
    private void scorecard(Counter counter, UUID game, LocalDate day) {
        jdbc.query("select channel, ticket_type, created_at, first_response_at, first_response_day, resolved_at "
                + "from insight_ticket where game_id = ? and created_day = ?", (RowCallbackHandler) row -> {
                    String channel = row.getString(1);
                    Instant created = row.getTimestamp(3).toInstant();
                    Timestamp first = row.getTimestamp(4);
                    Timestamp resolved = row.getTimestamp(6);
                    List<Metric> counted = new ArrayList<>();
                    if (first != null) {
                        long seconds = Duration.between(created, first.toInstant()).getSeconds();
                        for (int i = 0; i < RESPONSE_LIMITS.length; i++) {
                            if (seconds <= RESPONSE_LIMITS[i]) {
                                counted.add(RESPONDED_WITHIN[i]);
                            }
                        }
                        if (day.equals(row.getObject(5, LocalDate.class))) {
                            counted.add(Metric.REPLIED_SAME_DAY);
                        }
                    }
                    if ("complaint".equals(row.getString(2))) {
                        counted.add(Metric.COMPLAINTS);
                        if (resolved != null
                                && Duration.between(created, resolved.toInstant()).getSeconds() <= TWO_DAYS) {
                            counted.add(Metric.COMPLAINTS_CLOSED_48H);
                        }
                    }
                    for (Metric metric : counted) {
                        counter.put(Dimension.ALL, "", metric, 1, 0);
                        counter.put(Dimension.CHANNEL, channel, metric, 1, 0);
                    }
                }, game, day);
    }

    private static final Metric[][] OUTCOMES = {
            { Metric.SLA_FIRST_RESPONSE_MET, Metric.SLA_FIRST_RESPONSE_BREACHED },
            { Metric.SLA_NEXT_RESPONSE_MET, Metric.SLA_NEXT_RESPONSE_BREACHED },
            { Metric.SLA_RESOLUTION_MET, Metric.SLA_RESOLUTION_BREACHED } };

    /** Counts the ticket's service-level targets met and breached (a running or absent target counts in neither). */
    private static void outcomes(Counter counter, Fact fact) {
        for (int i = 0; i < OUTCOMES.length; i++) {
            if ("met".equals(fact.outcomes()[i])) {
                counter.add(fact, OUTCOMES[i][0], null);
            } else if ("breached".equals(fact.outcomes()[i])) {
                counter.add(fact, OUTCOMES[i][1], null);
            }
        }
    }

    private List<Fact> facts(String sql, UUID game, LocalDate day, boolean outcomes) {
        return jdbc.query(sql, (row, i) -> {
            Map<Dimension, String> values = new HashMap<>();
            values.put(Dimension.CHANNEL, row.getString(1));
            values.put(Dimension.TYPE, row.getString(2));
            values.put(Dimension.PRIORITY, row.getString(3));
            values.put(Dimension.LANGUAGE, row.getString(4));
            values.put(Dimension.VIP_TIER, row.getString(5));
            values.put(Dimension.LEVEL, row.getString(6));
            values.put(Dimension.SERVER, row.getString(7));
            values.put(Dimension.HOUR, row.getInt(8) + "-" + String.format("%02d", row.getInt(9)));
            values.put(Dimension.QUEUE, row.getString(10));
            Object agent = row.getObject(11);
            values.put(Dimension.AGENT, agent == null ? null : agent.toString());
            Object seconds = row.getObject(12);
            Long length = seconds == null ? null : ((Number) seconds).longValue();
            boolean[] flags = new boolean[3];
            String[] targets = new String[3];
            if (outcomes) {
                targets = new String[] { row.getString(13), row.getString(14), row.getString(15) };
            } else if (row.getMetaData().getColumnCount() >= 15) {
                int replies = row.getInt(13);
                int reopens = row.getInt(14);
                flags[0] = replies == 1 && reopens == 0;
                flags[1] = reopens > 0;
                flags[2] = row.getBoolean(15);
            }
            return new Fact(values, length, flags, targets);
        }, game, day);
    }

    private record Key(Dimension dimension, String value, String metric) {
    }

    private record BucketKey(Dimension dimension, String value, String metric, int bucket) {
    }

    /** Sums per dimension value; a fact counts once in every dimension (and in the whole). */
    private static final class Counter {

        final Map<Key, long[]> totals = new HashMap<>();
        final Map<BucketKey, Long> buckets = new HashMap<>();

        void add(Fact fact, Metric metric, Long seconds) {
            long length = seconds == null ? 0 : seconds;
            put(Dimension.ALL, "", metric, 1, length);
            fact.values().forEach((dimension, value) -> {
                if (value != null && (dimension != Dimension.HOUR || metric == Metric.CREATED)) {
                    put(dimension, value, metric, 1, length);
                }
            });
        }

        void put(Dimension dimension, String value, Metric metric, long total, long seconds) {
            long[] sums = totals.computeIfAbsent(new Key(dimension, value, metric.code()), k -> new long[2]);
            sums[0] += total;
            sums[1] += seconds;
        }

        void hist(Fact fact, String measure, Long seconds) {
            if (seconds == null) {
                return;
            }
            int bucket = Histogram.bucket(seconds);
            buckets.merge(new BucketKey(Dimension.ALL, "", measure, bucket), 1L, Long::sum);
            fact.values().forEach((dimension, value) -> {
                if (dimension != Dimension.HOUR && value != null) {
                    buckets.merge(new BucketKey(dimension, value, measure, bucket), 1L, Long::sum);
                }
            });
        }

        void histAll(String measure, long seconds) {
            histOf(Dimension.ALL, "", measure, seconds);
        }

        void histOf(Dimension dimension, String value, String measure, long seconds) {
            buckets.merge(new BucketKey(dimension, value, measure, Histogram.bucket(seconds)), 1L, Long::sum);
        }
    }
}
