package org.playerdesk.assist.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.internal.LoadedEmbeddings;

/**
 * How long the classification of a new ticket takes (outside the suite: {@code bench/classification}):
 * the seed set embedded and the model trained as a node does it, then every message of the test
 * set classified through {@link TicketClassifier#classify} (the text embedded, type, priority and
 * mood read), each text once after a warm-up of other texts, so that no vector comes from the
 * cache. Writes {@code bench/results/<date>-classification.md}: the training time, p50/p95/p99 per
 * ticket, and the heap in use after training.
 */
class ClassificationBenchmark {

    static final int WARM_UP = 200;

    @Test
    void classifiesNewTickets() throws IOException {
        TextEmbeddings embeddings = LoadedEmbeddings.ready();
        long start = System.nanoTime();
        TicketClassifier classifier = new TicketClassifier(embeddings);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(classifier::ready);
        double seedSeconds = (System.nanoTime() - start) / 1e9;
        List<String> texts = new ArrayList<>();
        for (String resource : List.of("assist/eval/test.tsv", "assist/eval/dev.tsv")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                SeedSet.read(in).forEach(m -> texts.add(m.text()));
            }
        }
        UUID game = UUID.randomUUID();
        // warm-up on variants never measured, so the measured texts are embedded afresh
        for (int i = 0; i < WARM_UP; i++) {
            classifier.classify(game, texts.get(i % texts.size()) + " #" + i);
        }
        long[] nanos = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long t = System.nanoTime();
            classifier.classify(game, texts.get(i));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = String.format(Locale.ROOT, """
                # Classification latency (%s)

                Commit %s; %d cores, load average %.1f at the end; JVM heap max %d MB.

                - seed set embedded and the model trained (from a loaded embedding model): %.1f s
                - %d new tickets classified (embedding + type, priority, mood), one at a time after %d not counted:
                  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target: p95 < 20 ms)
                - heap in use after training and a collection: %d MB (target: the node under 512 MB)
                """, date, System.getProperty("bench.commit", "unknown"), Runtime.getRuntime().availableProcessors(),
                load, Runtime.getRuntime().maxMemory() >> 20, seedSeconds, nanos.length, WARM_UP,
                percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, heap >> 20);
        Path results = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(results);
        Files.writeString(results.resolve(date + "-classification.md"), report);
        System.out.println(report);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
