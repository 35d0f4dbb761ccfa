package org.playerdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/**
 * The machine's raw limit for intake: pgbench inserting one ticket-sized row per transaction into
 * a scratch copy of the ticket table (same columns and indexes), at 1, 16 and 64 clients. The
 * scratch table is dropped afterwards.
 *
 * <pre>RawLimit --jdbc jdbc:postgresql://127.0.0.1:5432/db --database db --pgbench /usr/bin/pgbench --work dir</pre>
 */
public final class RawLimit {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String SCRIPT = """
            insert into bench_ticket_row (id, game_id, number, player_id, subject, type, channel, priority, \
            priority_rank, status, contact_email, created_at, updated_at, version) values (gen_random_uuid(), \
            '01936f4e-8a3c-7b1d-9c2e-5f6a7b8c9d0e', nextval('bench_ticket_row_number'), gen_random_uuid(), \
            '充值 648 元后钻石没有到账 Top-up not received', 'payment', 'in_game', 'normal', 1, 'new', \
            'wind@example.com', now(), now(), 0);
            """;

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        String jdbc = arguments.required("jdbc");
        String user = arguments.text("user", "postgres");
        Path work = Files.createDirectories(Path.of(arguments.required("work")));
        int seconds = arguments.integer("seconds", 15);
        Path script = work.resolve("insert-ticket-row.sql");
        Files.writeString(script, SCRIPT);
        List<Map<String, Object>> runs = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbc, user, arguments.text("password", ""));
                Statement sql = db.createStatement()) {
            sql.execute("drop table if exists bench_ticket_row");
            sql.execute("create table bench_ticket_row (like ticket including defaults including indexes)");
            sql.execute("create sequence if not exists bench_ticket_row_number");
            try {
                for (int clients : List.of(1, 16, 64)) {
                    pgbench(arguments, user, script, work, clients, 3, "warmup");
                    runs.add(pgbench(arguments, user, script, work, clients, seconds, "measured"));
                }
            } finally {
                sql.execute("drop table bench_ticket_row");
                sql.execute("drop sequence bench_ticket_row_number");
            }
        }
        arguments.writeJson(Map.of("rawLimit", Map.of("what",
                "pgbench -M prepared, one single-row insert of a ticket-sized row per transaction into a copy of the "
                        + "ticket table with its indexes", "runs", runs)));
    }

    private static Map<String, Object> pgbench(Arguments arguments, String user, Path script, Path work, int clients,
            int seconds, String phase) throws Exception {
        String prefix = work.resolve("pgbench-" + clients + "-" + phase).toString();
        List<String> command = List.of(arguments.text("pgbench", "pgbench"), "-n", "-M", "prepared", "-h",
                arguments.text("host", "127.0.0.1"), "-p", arguments.text("port", "5432"), "-U", user,
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds),
                "-f", script.toString(), "-l", "--log-prefix", prefix, arguments.required("database"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        Histogram latencies = ClosedLoop.histogram();
        Path logs = work;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith(Path.of(prefix).getFileName() + ".")).toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    // client transaction latency-in-microseconds script epoch microseconds
                    lines.forEach(line -> latencies.recordValue(Math.max(1, Long.parseLong(line.split(" ")[2]))));
                }
                Files.delete(log);
            }
        }
        Matcher tps = TPS.matcher(output);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("clients", clients);
        run.put("seconds", seconds);
        run.put("transactions", latencies.getTotalCount());
        run.put("throughput", tps.find() ? Math.round(Double.parseDouble(tps.group(1)) * 10) / 10.0 : null);
        run.put("p50", latencies.getValueAtPercentile(50) / 1000.0);
        run.put("p95", latencies.getValueAtPercentile(95) / 1000.0);
        run.put("p99", latencies.getValueAtPercentile(99) / 1000.0);
        if (phase.equals("measured")) {
            System.out.printf("  pgbench insert clients %3d: %8.1f/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", clients,
                    run.get("throughput"), run.get("p50"), run.get("p95"), run.get("p99"));
        }
        return run;
    }
}
