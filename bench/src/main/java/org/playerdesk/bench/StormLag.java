package org.playerdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How far the work after the answer lags behind an outage storm. Game servers report tickets
 * through the game API, a part of them outage reports of four servers (which the incident module
 * groups); every new ticket is then, after its 201, routed, classified, indexed for search, given
 * its service-level clock and counted for insight by the modules' listeners. The database says
 * when each stage is done for every ticket made since the storm began: one query, polled.
 * <ul>
 * <li><b>Burst</b>: {@code clients} game servers in a closed loop for {@code seconds} (after a
 * warm-up of the same load whose work is waited out); then, for each stage, how long after the last
 * 201 every acknowledged ticket had reached it.</li>
 * <li><b>Sustained</b>: an open loop at each asked rate for {@code seconds}, the backlog of each
 * stage (acknowledged, not yet done) sampled every {@code sample} seconds, and the drain after the
 * last 201. The rate is <i>kept up</i> when the node acknowledged at least 95 % of the asked rate
 * and no stage's backlog grew in the second half of the storm beyond its first half's largest (plus
 * five seconds of arrivals).</li>
 * </ul>
 * Nothing else may make tickets meanwhile: the page scenarios run before.
 */
final class StormLag {

    /** A game server's report: true when it was acknowledged (201). */
    interface Report {
        boolean send(boolean outage) throws Exception;
    }

    /** The stages, each a count over the tickets made since the storm began ({@code t}). */
    private static final Map<String, String> STAGES = stages();
    /** One outage report in this many. */
    private static final int OUTAGE_EVERY = 2;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(15);

    private final String jdbc;
    private final String user;
    private final String password;
    private final Report report;

    StormLag(String jdbc, String user, String password, Report report) {
        this.jdbc = jdbc;
        this.user = user;
        this.password = password;
        this.report = report;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("stored", "count(*)");
        stages.put("routed", "count(*) filter (where exists (select 1 from routing_ticket s where s.ticket_id = t.id))");
        stages.put("classified", "count(*) filter (where exists (select 1 from assist_example s where s.ticket_id = t.id))");
        stages.put("searchable", "count(*) filter (where exists (select 1 from kb_ticket_document s where s.ticket_id = t.id))");
        stages.put("service-level clock",
                "count(*) filter (where exists (select 1 from sla_timer s where s.ticket_id = t.id))");
        stages.put("counted for insight",
                "count(*) filter (where exists (select 1 from insight_ticket s where s.ticket_id = t.id))");
        stages.put("grouped into an incident",
                "count(*) filter (where exists (select 1 from incident_ticket s where s.ticket_id = t.id))");
        return stages;
    }

    /** What each stage should reach: every acknowledged ticket, the outage reports for the grouping. */
    private static long expected(String stage, long acknowledged, long outages) {
        return stage.equals("grouped into an incident") ? outages : acknowledged;
    }

    /**
     * A burst of {@code clients} game servers in a closed loop for {@code seconds}, after a warm-up
     * of the same load for {@code warmup} (the node's code compiled, its pools filled) whose work
     * after the answer is waited out first.
     */
    Map<String, Object> burst(int clients, Duration warmup, Duration seconds) throws Exception {
        if (!warmup.isZero()) {
            Tally warm = closedLoop(clients, warmup);
            drain(warm.from, warm.acknowledged.get(), warm.outages.get(), warm.lastAcknowledged.get(), 1000);
        }
        Tally burst = closedLoop(clients, seconds);
        Histogram answers = burst.latencies.getIntervalHistogram();
        double took = (burst.lastAcknowledged.get() - burst.started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("warmupSeconds", warmup.toSeconds());
        figures.put("seconds", seconds.toSeconds());
        figures.put("acknowledged", burst.acknowledged.get());
        figures.put("outageReports", burst.outages.get());
        figures.put("failed", burst.failed.get());
        figures.put("acknowledgedPerSecond", round(burst.acknowledged.get() / took));
        figures.put("p99Ms", round(answers.getValueAtPercentile(99) / 1000.0));
        figures.put("secondsAfterTheLast201", drain(burst.from, burst.acknowledged.get(), burst.outages.get(),
                burst.lastAcknowledged.get(), 250));
        System.out.println("  burst: " + figures);
        return figures;
    }

    /** What a storm acknowledged, counted by each report as it is answered. */
    private record Tally(Timestamp from, long started, AtomicLong acknowledged, AtomicLong outages,
            AtomicLong failed, AtomicLong lastAcknowledged, Recorder latencies) {

        static Tally from(Timestamp from) {
            return new Tally(from, System.nanoTime(), new AtomicLong(), new AtomicLong(), new AtomicLong(),
                    new AtomicLong(), new Recorder(3));
        }

        /** Sends one report (an outage report one time in two) and counts its answer. */
        void send(Report report) {
            boolean outage = ThreadLocalRandom.current().nextInt(OUTAGE_EVERY) == 0;
            long sent = System.nanoTime();
            try {
                if (report.send(outage)) {
                    long answered = System.nanoTime();
                    latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(answered - sent));
                    acknowledged.incrementAndGet();
                    if (outage) {
                        outages.incrementAndGet();
                    }
                    lastAcknowledged.accumulateAndGet(answered, Math::max);
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    private Tally closedLoop(int clients, Duration seconds) throws Exception {
        Tally loop = Tally.from(databaseNow());
        long end = loop.started + seconds.toNanos();
        List<Thread> servers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            servers.add(Thread.ofVirtual().name("burst-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    loop.send(report);
                }
            }));
        }
        for (Thread server : servers) {
            server.join();
        }
        return loop;
    }

    /** An open loop at {@code perSecond} for {@code seconds}, the backlogs sampled every {@code sample}. */
    Map<String, Object> sustained(int perSecond, Duration seconds, Duration sample) throws Exception {
        Tally storm = Tally.from(databaseNow());
        long started = storm.started;
        long end = started + seconds.toNanos();
        AtomicLong acknowledged = storm.acknowledged;
        AtomicLong outages = storm.outages;
        AtomicLong failed = storm.failed;
        AtomicLong lastAcknowledged = storm.lastAcknowledged;
        Timestamp from = storm.from;
        Pace pace = Pace.start("storm", perSecond, end, 800, () -> storm.send(report));
        List<Map<String, Object>> samples = new ArrayList<>();
        try (Connection db = connect()) {
            for (long next = started + sample.toNanos(); next < end; next += sample.toNanos()) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                long ack = acknowledged.get();
                long out = outages.get();
                Map<String, Long> done = counts(db, from);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("second", Math.round((System.nanoTime() - started) / 1e9));
                row.put("acknowledged", ack);
                Map<String, Long> backlog = new LinkedHashMap<>();
                done.forEach((stage, count) -> backlog.put(stage, Math.max(0, expected(stage, ack, out) - count)));
                row.put("backlog", backlog);
                samples.add(row);
                System.out.println("  storm " + perSecond + "/s: " + row);
            }
        }
        pace.await(Duration.ofMinutes(2));
        double took = (lastAcknowledged.get() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("askedPerSecond", perSecond);
        figures.put("seconds", seconds.toSeconds());
        figures.put("acknowledged", acknowledged.get());
        figures.put("outageReports", outages.get());
        figures.put("failed", failed.get());
        figures.put("skipped", pace.skipped());
        figures.put("acknowledgedPerSecond", round(acknowledged.get() / took));
        figures.put("samples", samples);
        Map<String, Object> lag = drain(from, acknowledged.get(), outages.get(), lastAcknowledged.get(), 1000);
        figures.put("secondsAfterTheLast201", lag);
        figures.put("keptUp", keptUp(perSecond, acknowledged.get() / took, samples, sample));
        System.out.println("  storm " + perSecond + "/s: kept up " + figures.get("keptUp") + ", drained " + lag);
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static boolean keptUp(int asked, double made, List<Map<String, Object>> samples, Duration sample) {
        if (made < 0.95 * asked || samples.size() < 4) {
            return false;
        }
        int half = samples.size() / 2;
        long slack = 5L * asked;
        for (String stage : STAGES.keySet()) {
            long first = samples.subList(0, half).stream()
                    .mapToLong(s -> ((Map<String, Long>) s.get("backlog")).get(stage)).max().orElse(0);
            long second = samples.subList(half, samples.size()).stream()
                    .mapToLong(s -> ((Map<String, Long>) s.get("backlog")).get(stage)).max().orElse(0);
            if (second > first + slack) {
                return false;
            }
        }
        return true;
    }

    /**
     * Polls until every stage has reached what it should; answers, per stage, the seconds from the
     * last 201 until it had ({@code null}: not within the limit), and what was stored.
     */
    private Map<String, Object> drain(Timestamp from, long acknowledged, long outages, long lastAcknowledged,
            long pollMillis) throws Exception {
        Map<String, Object> lag = new LinkedHashMap<>();
        Map<String, Long> last = Map.of();
        try (Connection db = connect()) {
            long limit = System.nanoTime() + DRAIN_LIMIT.toNanos();
            while (lag.size() < STAGES.size() && System.nanoTime() < limit) {
                last = counts(db, from);
                long now = System.nanoTime();
                for (Map.Entry<String, Long> stage : last.entrySet()) {
                    if (!lag.containsKey(stage.getKey())
                            && stage.getValue() >= expected(stage.getKey(), acknowledged, outages)) {
                        lag.put(stage.getKey(), round(Math.max(0, now - lastAcknowledged) / 1e9));
                    }
                }
                if (lag.size() < STAGES.size()) {
                    TimeUnit.MILLISECONDS.sleep(pollMillis);
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String stage : STAGES.keySet()) {
            answer.put(stage, lag.get(stage));
        }
        answer.put("reached", last);
        return answer;
    }

    private Map<String, Long> counts(Connection db, Timestamp from) throws SQLException {
        String sql = "select " + String.join(", ", STAGES.values()) + " from ticket t where t.created_at >= ?";
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setTimestamp(1, from);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Map<String, Long> counts = new LinkedHashMap<>();
                int column = 1;
                for (String stage : STAGES.keySet()) {
                    counts.put(stage, rows.getLong(column++));
                }
                return counts;
            }
        }
    }

    private Timestamp databaseNow() throws SQLException {
        try (Connection db = connect(); ResultSet now = db.createStatement().executeQuery("select now()")) {
            now.next();
            return now.getTimestamp(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, user, password);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
