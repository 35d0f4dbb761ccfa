package org.playerdesk.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * Every request of the soak by kind: how many, how many failed, the latencies of the answered
 * ones (HdrHistogram, microseconds), which node the balancer gave each to, and every failure
 * with the moment its request was sent, so that failures can be set against the kill.
 */
final class Traffic {

    /** The balancer names the node that answered in this header. */
    static final String SERVED_BY = Refused.SERVED_BY;

    /**
     * A failed request: its kind, when it was sent and when it failed, where it failed (the
     * balancer or the connection, a node's answer, or a console session the node did not know),
     * and what went wrong.
     */
    record Failure(String kind, Instant sent, Instant failed, String origin, String what) {
    }

    static final String AT_THE_BALANCER = "the balancer or the connection";
    static final String SESSION_LOST = "a console session the node did not know";

    interface Exchange<T> {
        T run() throws Exception;
    }

    private static final class Kind {
        final Histogram latencies = ClosedLoop.histogram();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> servedBy = new ConcurrentHashMap<>();
    }

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<String, AtomicLong>> byPhase = new ConcurrentHashMap<>();
    private volatile boolean counting = true;
    private volatile String phase = "1 before the kill";

    /** From now on the answers count toward this phase of the run (per node). */
    void phase(String name) {
        phase = name;
    }

    /** Answers per phase and node. */
    Map<String, Map<String, Long>> answeredByPhase() {
        Map<String, Map<String, Long>> phases = new TreeMap<>();
        byPhase.forEach((name, nodes) -> {
            Map<String, Long> counts = new TreeMap<>();
            nodes.forEach((node, count) -> counts.put(node, count.get()));
            phases.put(name, counts);
        });
        return phases;
    }

    /** Requests after this are not counted (the checks' own requests are not traffic). */
    void stopCounting() {
        counting = false;
    }

    /** Runs one request of the kind; any exception is its failure, and is rethrown. */
    <T> T measure(String kind, Supplier<String> servedBy, Exchange<T> exchange) throws Exception {
        Instant sent = Instant.now();
        long start = System.nanoTime();
        try {
            T result = exchange.run();
            answered(kind, start, result instanceof HttpResponse<?> response
                    ? response.headers().firstValue(SERVED_BY).orElse("")
                    : result instanceof ConsoleSession session ? session.servedBy() : servedBy.get());
            return result;
        } catch (Exception e) {
            failed(kind, sent, e);
            throw e;
        }
    }

    /** Sends a request of the kind; an answer whose status is not among {@code accepted} is a failure. */
    HttpResponse<String> send(String kind, HttpClient http, HttpRequest request, int... accepted) throws Exception {
        return measure(kind, () -> "", () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            for (int status : accepted) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            throw Refused.of(response);
        });
    }

    /** A delivery measured elsewhere (a chat line from one side to the other), in microseconds. */
    void delivered(String kind, long micros) {
        if (!counting) {
            return;
        }
        Kind figures = kinds.computeIfAbsent(kind, k -> new Kind());
        figures.requests.incrementAndGet();
        synchronized (figures.latencies) {
            figures.latencies.recordValue(Math.max(1, Math.min(micros, figures.latencies.getHighestTrackableValue())));
        }
    }

    private void answered(String kind, long start, String node) {
        if (!counting) {
            return;
        }
        Kind figures = kinds.computeIfAbsent(kind, k -> new Kind());
        figures.requests.incrementAndGet();
        long micros = Math.max(1, (System.nanoTime() - start) / 1_000);
        synchronized (figures.latencies) {
            figures.latencies.recordValue(Math.min(micros, figures.latencies.getHighestTrackableValue()));
        }
        figures.servedBy.computeIfAbsent(node.isEmpty() ? "?" : node, n -> new AtomicLong()).incrementAndGet();
        if (!node.isEmpty()) {
            byPhase.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(node, n -> new AtomicLong()).incrementAndGet();
        }
    }

    void failed(String kind, Instant sent, Exception e) {
        if (!counting) {
            return;
        }
        Kind figures = kinds.computeIfAbsent(kind, k -> new Kind());
        figures.requests.incrementAndGet();
        figures.errors.incrementAndGet();
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        String origin = e instanceof ConsoleSession.SignedOut ? SESSION_LOST
                : e instanceof Refused refused && !refused.servedBy().isEmpty() ? "an answer of node " + refused.servedBy()
                : AT_THE_BALANCER;
        failures.add(new Failure(kind, sent, Instant.now(), origin, what));
    }

    List<Failure> failures() {
        return new ArrayList<>(failures);
    }

    /** Per kind: requests, errors, rate over {@code seconds}, p50/p95/p99/max in ms, and requests per node. */
    Map<String, Object> figures(double seconds) {
        Map<String, Object> all = new TreeMap<>();
        kinds.forEach((name, kind) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            Histogram latencies;
            synchronized (kind.latencies) {
                latencies = kind.latencies.copy();
            }
            figures.put("requests", kind.requests.get());
            figures.put("errors", kind.errors.get());
            figures.put("perSecond", round(kind.requests.get() / seconds));
            figures.put("p50", ms(latencies.getValueAtPercentile(50)));
            figures.put("p95", ms(latencies.getValueAtPercentile(95)));
            figures.put("p99", ms(latencies.getValueAtPercentile(99)));
            figures.put("max", ms(latencies.getMaxValue()));
            Map<String, Long> nodes = new TreeMap<>();
            kind.servedBy.forEach((node, count) -> nodes.put(node, count.get()));
            figures.put("servedBy", nodes);
            all.put(name, figures);
        });
        return all;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
