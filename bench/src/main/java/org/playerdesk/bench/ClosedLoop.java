package org.playerdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is
 * answered, on virtual threads. Requests that start during the warm-up are not counted.
 */
final class ClosedLoop {

    /** One client's next request; it answers the operation's name, or throws when it failed. */
    interface Client {
        String next() throws Exception;
    }

    interface Clients {
        Client create(int index) throws Exception;
    }

    /** Latencies in microseconds, up to a minute. */
    static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }

    /** What runs beside the clients from their start to {@code endNanos} (an intake storm), awaited at the end. */
    interface Beside {
        AutoCloseable start(long endNanos) throws Exception;
    }

    static Figures run(String scenario, int clients, Duration warmup, Duration measured, Clients factory)
            throws Exception {
        return run(scenario, clients, warmup, measured, factory, null, null);
    }

    /**
     * Runs the clients; when {@code cpu} is given, the figures carry the CPU time the load
     * generator and the node spent while it was measured.
     */
    static Figures run(String scenario, int clients, Duration warmup, Duration measured, Clients factory,
            Beside beside, CpuTime cpu) throws Exception {
        List<Client> prepared = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            prepared.add(factory.create(i));
        }
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        AutoCloseable besides = beside == null ? null : beside.start(end);
        CpuTime.Reading[] atStart = new CpuTime.Reading[1];
        if (cpu != null) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
                atStart[0] = cpu.read();
            });
        }
        AtomicLong errors = new AtomicLong();
        List<Future<Map<String, Histogram>>> results = new ArrayList<>();
        Map<String, String> firstError = new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Client client : prepared) {
                results.add(threads.submit(() -> {
                    Map<String, Histogram> byOperation = new HashMap<>();
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            return byOperation;
                        }
                        try {
                            String operation = client.next();
                            long answered = System.nanoTime();
                            if (sent >= measureFrom && answered <= end + Duration.ofSeconds(5).toNanos()) {
                                byOperation.computeIfAbsent(operation, name -> histogram())
                                        .recordValue(Math.max(1, (answered - sent) / 1_000));
                            }
                        } catch (Exception failed) {
                            if (sent >= measureFrom) {
                                errors.incrementAndGet();
                            }
                            firstError.putIfAbsent("error", String.valueOf(failed));
                        }
                    }
                }));
            }
        }
        CpuTime.Reading atEnd = cpu == null ? null : cpu.read();
        if (besides != null) {
            besides.close();
        }
        Map<String, Histogram> merged = new TreeMap<>();
        for (Future<Map<String, Histogram>> result : results) {
            result.get().forEach((name, histogram) -> merged.computeIfAbsent(name, n -> histogram()).add(histogram));
        }
        Histogram all = histogram();
        merged.values().forEach(all::add);
        double seconds = measured.toNanos() / 1e9;
        Map<String, Figures> operations = new LinkedHashMap<>();
        if (merged.size() > 1) {
            merged.forEach((name, histogram) -> operations.put(name,
                    Figures.of(name, clients, seconds, histogram, 0, null, Map.of())));
        }
        Figures figures = Figures.of(scenario, clients, seconds, all, errors.get(), firstError.get("error"), operations);
        if (atStart[0] != null && atEnd != null) {
            figures = figures.withCpu(atEnd.since(atStart[0], all.getTotalCount()));
        }
        System.out.println("  " + figures.line());
        return figures;
    }

    /** What a scenario measured; times in milliseconds. */
    record Figures(String scenario, int clients, double seconds, long requests, long errors, double throughput,
            double p50, double p95, double p99, double max, double mean, String firstError,
            Map<String, Figures> operations, CpuTime.Share cpu) {

        static Figures of(String scenario, int clients, double seconds, Histogram latencies, long errors,
                String firstError, Map<String, Figures> operations) {
            long count = latencies.getTotalCount();
            return new Figures(scenario, clients, seconds, count, errors, round(count / seconds),
                    ms(latencies.getValueAtPercentile(50)), ms(latencies.getValueAtPercentile(95)),
                    ms(latencies.getValueAtPercentile(99)), ms(latencies.getMaxValue()),
                    round(latencies.getMean() / 1000.0), errors == 0 ? null : firstError, operations, null);
        }

        Figures withCpu(CpuTime.Share share) {
            return new Figures(scenario, clients, seconds, requests, errors, throughput, p50, p95, p99, max, mean,
                    firstError, operations, share);
        }

        String line() {
            return "%-28s clients %3d: %8.1f/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms  errors %d"
                    .formatted(scenario, clients, throughput, p50, p95, p99, max, errors)
                    + (cpu == null ? "" : cpu.line())
                    + (firstError == null ? "" : " (" + firstError + ")");
        }

        private static double ms(long micros) {
            return round(micros / 1000.0);
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }
}
