package org.playerdesk.assist.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in seed set ({@code assist/seed/train.tsv}: players' messages labeled with type,
 * priority, mood and its category; a type and priority of {@code -} for a message that teaches
 * the mood alone) that every game's model starts from, with the messages'
 * vectors and the model trained on them alone. Computed once per process on a background thread
 * as soon as the embedding model is ready, and shared by every application context of the
 * process, as the embedding model is.
 */
final class SeedSet {

    static final String RESOURCE = "/assist/seed/train.tsv";
    /** The name its vectors are kept under between starts ({@link TextEmbeddings#embedAllKept}). */
    static final String KEPT = "assist-seed";

    private static final Logger log = LoggerFactory.getLogger(SeedSet.class);
    private static CompletableFuture<Seed> shared;

    private SeedSet() {
    }

    /**
     * A labeled message. {@code mood} is the mood's label: {@code calm}, a category's code, or the
     * level's code when the category is not given; {@code type} and {@code priority} are null for
     * a message that teaches the mood alone.
     */
    record Message(TicketType type, TicketPriority priority, String mood, String text) {
    }

    /** The seed's messages with their vectors, and the model trained on them alone. */
    record Seed(List<TicketClassifier.Sample> samples, TicketClassifier.Model model) {
    }

    /** The seed, embedded and trained once per process once the embedding model is ready. */
    static synchronized CompletableFuture<Seed> model(TextEmbeddings embeddings) {
        if (shared == null) {
            CompletableFuture<Seed> training = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    training.complete(train(embeddings));
                } catch (Throwable e) {
                    log.warn("Assist: the seed set's model could not be trained; the rules classify: {}", e.toString());
                    training.completeExceptionally(e);
                }
            }, "assist-seed-training");
            thread.setDaemon(true);
            thread.start();
            shared = training;
        }
        return shared;
    }

    private static Seed train(TextEmbeddings embeddings) throws InterruptedException {
        // the embedding model loads in the background too: wait for it, no longer than it may take
        while (embeddings.state() == TextEmbeddings.State.LOADING) {
            Thread.sleep(100);
        }
        List<Message> messages = read(SeedSet.class.getResourceAsStream(RESOURCE));
        long start = System.nanoTime();
        Optional<List<float[]>> vectors = embeddings.embedAllKept(KEPT,
                messages.stream().map(Message::text).toList());
        if (vectors.isEmpty() || messages.isEmpty()) {
            throw new IllegalStateException(messages.isEmpty() ? "no seed set at " + RESOURCE
                    : "embedding model " + embeddings.state());
        }
        long embedded = System.nanoTime();
        List<TicketClassifier.Sample> samples = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            samples.add(new TicketClassifier.Sample(m.text(), vectors.get().get(i), m.type(), m.priority(), m.mood(),
                    1));
        }
        TicketClassifier.Model model = TicketClassifier.train(samples);
        log.info("Assist: seed model trained on {} messages: their vectors in {} ms, the model in {} ms", samples.size(),
                (embedded - start) / 1_000_000, (System.nanoTime() - embedded) / 1_000_000);
        return new Seed(List.copyOf(samples), model);
    }

    /**
     * Tab-separated lines {@code type priority mood category article text}; {@code #} starts a
     * comment, {@code -} is an empty cell, a first line starting with {@code type} is the header.
     */
    static List<Message> read(InputStream in) {
        List<Message> messages = new ArrayList<>();
        if (in == null) {
            return messages;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("type\t")) {
                    continue;
                }
                String[] f = line.split("\t", 6);
                if (f.length < 6) {
                    continue;
                }
                messages.add(new Message(label(TicketType.class, f[0]), label(TicketPriority.class, f[1]),
                        moodLabel(f[2], f[3]), f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    /** The coded value of a column, or null for {@code -} (not labeled). */
    private static <E extends Enum<E> & Coded> E label(Class<E> type, String column) {
        String code = column.strip();
        return "-".equals(code) ? null : Coded.fromCode(type, code);
    }

    static String moodLabel(String level, String category) {
        String c = category == null ? "" : category.strip();
        return c.isEmpty() || "-".equals(c) || "none".equals(c) ? level.strip() : c;
    }
}
