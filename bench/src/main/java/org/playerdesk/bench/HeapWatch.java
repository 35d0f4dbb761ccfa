package org.playerdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the node's heap from {@code /actuator/prometheus} twice a second: the largest heap in use
 * (all pools together, garbage included) and the largest live data left after a collection.
 */
final class HeapWatch implements AutoCloseable {

    private final HttpClient http;
    private final URI metrics;
    private final Thread watcher;
    private volatile boolean running = true;
    private double maxUsed;
    private double maxLive;
    private double heapMax;
    private int samples;

    HeapWatch(HttpClient http, String base) {
        this.http = http;
        this.metrics = URI.create(base + "/actuator/prometheus");
        this.watcher = Thread.ofVirtual().start(this::watch);
    }

    private void watch() {
        while (running) {
            try {
                String text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
                double used = 0;
                double max = 0;
                for (String line : text.split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        used += value(line);
                    } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"")) {
                        max += Math.max(0, value(line));
                    } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
                        synchronized (this) {
                            maxLive = Math.max(maxLive, value(line));
                        }
                    }
                }
                synchronized (this) {
                    maxUsed = Math.max(maxUsed, used);
                    heapMax = Math.max(heapMax, max);
                    samples++;
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a missed sample is not a failure of the node
            }
        }
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    synchronized Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("maxUsedHeapMb", Math.round(maxUsed / 1024 / 1024));
        figures.put("maxLiveDataAfterGcMb", Math.round(maxLive / 1024 / 1024));
        figures.put("heapLimitMb", Math.round(heapMax / 1024 / 1024));
        figures.put("samples", samples);
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.join();
    }
}
