package org.playerdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy as the soak sees it, through its stats page in CSV: whether each node is UP or DOWN,
 * read four times a second so that the moment it noticed a dead node is known, and its counters
 * (answers with 5xx, failed connections and responses, retries, redispatches) to report the
 * errors around the kill.
 */
final class Balancer {

    /** The counters the report shows, per frontend, backend and server. */
    static final List<String> COUNTERS = List.of("stot", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "ereq", "econ",
            "eresp", "wretr", "wredis", "chkfail", "chkdown", "downtime");

    /** A node's state changed, as the stats page showed it at {@code at}. */
    record Change(String server, String status, Instant at) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI stats;
    private final String backend;
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, String> status = new ConcurrentHashMap<>();
    private volatile boolean watching;

    Balancer(String statsUrl, String backend) {
        this.stats = URI.create(statsUrl);
        this.backend = backend;
    }

    /** Rows of the stats page by "proxy/server" (FRONTEND and BACKEND are rows too), column → value. */
    Map<String, Map<String, String>> read() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> lines = answer.body().lines().filter(line -> !line.isBlank()).toList();
        String[] columns = lines.getFirst().replaceFirst("^#\\s*", "").split(",", -1);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length && i < values.length; i++) {
                row.put(columns[i], values[i]);
            }
            rows.put(row.get("pxname") + "/" + row.get("svname"), row);
        }
        return rows;
    }

    /**
     * The counters of {@link #COUNTERS} now, per row; none when the stats page did not answer
     * three times in a row (HAProxy on a machine too busy to answer in time).
     */
    Map<String, Map<String, Long>> countersIfReadable() throws InterruptedException {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return counters();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception unreadable) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        return Map.of();
    }

    /** The counters of {@link #COUNTERS} now, per row. */
    Map<String, Map<String, Long>> counters() throws Exception {
        Map<String, Map<String, Long>> counters = new TreeMap<>();
        read().forEach((row, values) -> {
            if (row.startsWith("stats/")) {
                return;
            }
            Map<String, Long> numbers = new LinkedHashMap<>();
            for (String counter : COUNTERS) {
                String value = values.getOrDefault(counter, "");
                numbers.put(counter, value.isEmpty() ? 0 : Long.parseLong(value));
            }
            counters.put(row, numbers);
        });
        return counters;
    }

    /** What each counter grew by between two readings. */
    static Map<String, Map<String, Long>> difference(Map<String, Map<String, Long>> before,
            Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> grown = new TreeMap<>();
        after.forEach((row, numbers) -> {
            Map<String, Long> was = before.getOrDefault(row, Map.of());
            Map<String, Long> by = new LinkedHashMap<>();
            numbers.forEach((counter, value) -> {
                if (!counter.equals("downtime")) {
                    by.put(counter, value - was.getOrDefault(counter, 0L));
                }
            });
            grown.put(row, by);
        });
        return grown;
    }

    /** Reads the page four times a second, on a thread of its own, and keeps each change of a node's state. */
    void watch() {
        watching = true;
        Thread.ofVirtual().name("balancer-watch").start(() -> {
            while (watching) {
                try {
                    Instant at = Instant.now();
                    read().forEach((row, values) -> {
                        String server = values.get("svname");
                        if (row.startsWith(backend + "/") && !server.equals("BACKEND")) {
                            String now = values.get("status");
                            String was = status.put(server, now);
                            if (!now.equals(was)) {
                                synchronized (changes) {
                                    changes.add(new Change(server, now, at));
                                }
                            }
                        }
                    });
                    TimeUnit.MILLISECONDS.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception unreadable) {
                    // the next reading
                }
            }
        });
    }

    void stopWatching() {
        watching = false;
    }

    boolean up(String server) {
        return "UP".equals(status.get(server));
    }

    /** Whether the balancer sends requests to the node: UP, or UP with a failed check ("UP 1/2"). */
    boolean sendsTo(String server) {
        String now = status.get(server);
        return now != null && now.startsWith("UP");
    }

    /** Waits until the balancer sends requests to the node. */
    void awaitUp(String server, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!up(server)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the balancer does not see node " + server + " UP: " + status);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The first time after {@code after} that the node's state became {@code wanted}, or null. */
    Instant firstChange(String server, String wanted, Instant after) {
        synchronized (changes) {
            return changes.stream().filter(c -> c.server().equals(server) && c.status().equals(wanted)
                    && !c.at().isBefore(after)).map(Change::at).findFirst().orElse(null);
        }
    }

    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }
}
