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
 * the seed set embedded as at a node's first start, its kept vectors read as at a later start,
 * the model trained, then every message of the test and development sets classified through {@link TicketClassifier#classify} (the text embedded, type, priority and
 * mood read), each text once after a warm-up of other texts, so that no vector comes from the
 * cache. Writes {@code bench/results/<date>-classification.md}: those three times, p50/p95/p99 per
 * ticket, and the heap in use after training.
 */
class ClassificationBenchmark {

    static final int WARM_UP = 200;

    @Test
    void classifiesNewTickets() throws IOException {
        Path kept = Files.createTempDirectory("kept-vectors");
        TextEmbeddings embeddings = LoadedEmbeddings.ready(kept);
        SeedTimes times = seedTimes(embeddings);
        TicketClassifier classifier = new TicketClassifier(embeddings);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(classifier::ready);
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

                - the seed set's %d messages: embedded at a node's first start %.1f s, their kept vectors read at a later start %.2f s; the model trained on them %.1f s
                - %d new tickets classified (embedding + type, priority, mood), one at a time after %d not counted:
                  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (target: p95 < 20 ms)
                - heap in use after training and a collection: %d MB (target: the node under 512 MB)
                """, date, System.getProperty("bench.commit", "unknown"), Runtime.getRuntime().availableProcessors(),
                load, Runtime.getRuntime().maxMemory() >> 20, times.messages(), times.firstStart(), times.laterStart(), times.training(), nanos.length, WARM_UP,
                percentile(nanos, 0.50), percentile(nanos, 0.95), percentile(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, heap >> 20);
        Path results = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(results);
        Files.writeString(results.resolve(date + "-classification.md"), report);
        System.out.println(report);
    }

    /** Seconds to embed the seed at a first start, to read its kept vectors at a later one, to train on them. */
    record SeedTimes(int messages, double firstStart, double laterStart, double training) {
    }

    private SeedTimes seedTimes(TextEmbeddings embeddings) throws IOException {
        List<SeedSet.Message> seed;
        try (InputStream in = getClass().getResourceAsStream(SeedSet.RESOURCE)) {
            seed = SeedSet.read(in);
        }
        List<String> seedTexts = seed.stream().map(SeedSet.Message::text).toList();
        long start = System.nanoTime();
        List<float[]> vectors = embeddings.embedAllKept(SeedSet.KEPT, seedTexts).orElseThrow();
        double firstStart = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        embeddings.embedAllKept(SeedSet.KEPT, seedTexts).orElseThrow();
        double laterStart = (System.nanoTime() - start) / 1e9;
        List<TicketClassifier.Sample> samples = new ArrayList<>();
        for (int i = 0; i < seed.size(); i++) {
            SeedSet.Message m = seed.get(i);
            samples.add(new TicketClassifier.Sample(m.text(), vectors.get(i), m.type(), m.priority(), m.mood(), 1));
        }
        start = System.nanoTime();
        TicketClassifier.train(samples);
        return new SeedTimes(seed.size(), firstStart, laterStart, (System.nanoTime() - start) / 1e9);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
