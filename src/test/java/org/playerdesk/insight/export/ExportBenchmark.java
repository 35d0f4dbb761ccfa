package org.playerdesk.insight.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The raw tickets export benchmark: generates {@code bench.tickets} tickets of one game straight
 * into the database (a player per four tickets, tags, a language in the metadata, a third
 * assigned), then exports all of them as one CSV through the real job (the worker, the keyset
 * pages, the file store) and measures rows per second and the heap in use while it runs, read
 * from the node's own metrics ({@code jvm.memory.used}, area heap) every 100 ms. Not part of the
 * test suite (its name does not end in Test): {@code bench/export --tickets 1000000} runs it (see
 * bench/README.md) and writes bench/results/<date>-export-<tickets>.md. Target: at least 20,000
 * rows/s with 1,000,000 tickets, heap below 512 MB.
 */
@SpringBootTest
@Import(TestWorkspace.class)
class ExportBenchmark {

    static final int BATCH = 5_000;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TicketExports exports;
    @Autowired
    ExportJobs jobs;
    @Autowired
    MeterRegistry meters;

    final Random random = new Random(42);

    @Test
    void exportsEveryTicket() throws Exception {
        int tickets = Integer.getInteger("bench.tickets", 100_000);
        GameInfo game = workspace.game();
        StaffUser reader = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        Instant started = Instant.now();
        generate(game, reader.id(), tickets);
        Duration generated = Duration.between(started, Instant.now());

        System.gc();
        long heapBefore = heap();
        AtomicLong peak = new AtomicLong(heapBefore);
        Thread watch = Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(heap(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long t0 = System.nanoTime();
        ExportJob job = exports.start(reader, new TicketExports.Request(List.of(game.id().toString()),
                today.minusDays(365).toString(), today.toString(), List.of(), null, null, false), Locale.SIMPLIFIED_CHINESE);
        ExportJob done;
        while (!(done = jobs.find(job.id()).orElseThrow()).finished()) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        watch.interrupt();
        assertThat(done.state()).isEqualTo(ExportJob.State.DONE);
        assertThat(done.rowsDone()).isEqualTo(tickets);

        double rate = tickets / seconds;
        long peakMb = peak.get() / (1024 * 1024);
        String report = """
                # Raw tickets export: %,d tickets

                - database: %s
                - generated in %d s
                - exported in %.1f s: **%,.0f rows/s** (target ≥ 20,000 rows/s at 1,000,000 tickets: %s)
                - file: %,d bytes
                - heap in use (jvm.memory.used, area heap): %d MB before, peak %d MB while exporting, of at most %d MB (target < 512 MB: %s)
                - machine: %d cores, load average %.2f
                - commit: %s, %s
                """.formatted(tickets, jdbc.getDataSource().getConnection().getMetaData().getDatabaseProductName(),
                generated.toSeconds(), seconds, rate, rate >= 20_000 ? "met" : "not met", done.fileSize(),
                heapBefore / (1024 * 1024), peakMb, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                peakMb < 512 ? "met" : "not met", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("bench.commit", "unknown"), LocalDateTime.now().withNano(0));
        System.out.println(report);
        String results = System.getProperty("bench.results");
        if (results != null) {
            Path file = Path.of(results, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
                    + "-export-" + tickets + ".md");
            Files.writeString(file, report);
        }
    }

    private long heap() {
        return (long) meters.find("jvm.memory.used").tag("area", "heap").gauges().stream().mapToDouble(Gauge::value)
                .sum();
    }

    /** Players, tickets, tags and metadata by batched inserts, a year of tickets, oldest first. */
    private void generate(GameInfo game, UUID agent, int tickets) {
        String[] types = {"consultation", "complaint", "bug", "payment", "account_stolen", "ban_appeal", "other"};
        String[] statuses = {"new", "open", "pending_player", "resolved", "closed"};
        String[] channels = {"in_game", "web", "chat", "email"};
        String[] priorities = {"low", "normal", "high", "urgent"};
        Instant start = Instant.now().minus(Duration.ofDays(360));
        long step = Duration.ofDays(359).toMillis() / Math.max(1, tickets);
        List<Object[]> players = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> metadata = new ArrayList<>();
        UUID player = null;
        for (int i = 0; i < tickets; i++) {
            if (i % 4 == 0) {
                player = UUID.randomUUID();
                players.add(new Object[] {player, game.id(), "acc" + i, "玩家" + i, "S" + (i % 9),
                    "player" + i + "@example.com", Timestamp.from(start), Timestamp.from(start)});
            }
            UUID id = UUID.randomUUID();
            Timestamp at = Timestamp.from(start.plusMillis(step * i));
            String status = statuses[random.nextInt(statuses.length)];
            int priority = random.nextInt(priorities.length);
            rows.add(new Object[] {id, game.id(), (long) i + 1_000_000, player, "充值未到账，订单号 " + i,
                types[random.nextInt(types.length)], channels[random.nextInt(channels.length)], priorities[priority],
                (short) priority, status, i % 3 == 0 ? agent : null, at, at,
                status.equals("new") ? null : at, status.equals("resolved") || status.equals("closed") ? at : null});
            if (i % 2 == 0) {
                tags.add(new Object[] {id, "vip"});
            }
            metadata.add(new Object[] {id, "language", i % 5 == 0 ? "en" : "zh-CN"});
            if (rows.size() == BATCH) {
                flush(players, rows, tags, metadata);
            }
        }
        flush(players, rows, tags, metadata);
    }

    private void flush(List<Object[]> players, List<Object[]> rows, List<Object[]> tags, List<Object[]> metadata) {
        jdbc.batchUpdate("insert into player (id, game_id, account_id, nickname, server, contact_email, created_at, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", players);
        jdbc.batchUpdate("insert into ticket (id, game_id, number, player_id, subject, type, channel, priority, "
                + "priority_rank, status, assignee_id, created_at, updated_at, first_response_at, resolved_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows);
        jdbc.batchUpdate("insert into ticket_tag (ticket_id, tag) values (?, ?)", tags);
        jdbc.batchUpdate("insert into ticket_metadata (ticket_id, entry_key, entry_value) values (?, ?, ?)", metadata);
        players.clear();
        rows.clear();
        tags.clear();
        metadata.clear();
    }
}
