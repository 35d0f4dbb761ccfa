package org.playerdesk.assist.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.playerdesk.assist.Classification;
import org.playerdesk.assist.GameArea;
import org.playerdesk.assist.Mood;
import org.playerdesk.embedding.CompactVectors;
import org.playerdesk.embedding.Softmax;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.knowledge.Words;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.springframework.stereotype.Component;

/**
 * Suggests type, priority, area and mood for a player's text. The model reads the text's vector
 * (the embedding model's) with what the keyword rules and the mood's cues find in it: a softmax
 * regression for the type, one for the priority and one for the mood's category; the type's
 * probabilities are blended with the vote of the nearest labeled messages ({@link #NEIGHBOURS}).
 * Every game starts from the model of the built-in seed set; a game with resolved tickets gets its own,
 * trained on the seed and its agents' corrections (weighted above the seed). While the embedding
 * model or the seed's model is not ready, the rules decide.
 */
@Component
public class TicketClassifier {

    /** A game's own model needs this many resolved tickets; fewer, the seed's model answers. */
    static final int GAME_MIN_EXAMPLES = 20;
    /** The most recent resolved tickets a game's model learns from: training stays within seconds. */
    static final int GAME_MAX_EXAMPLES = 3000;
    /** How much one of the game's resolved tickets weighs against one message of the seed. */
    static final double GAME_WEIGHT = 3;
    /**
     * The hostile level from this probability on (the decisive words of {@link MoodCues} make it
     * hostile whatever the model says). Chosen by five-fold cross-validation over the corpus's
     * training and development parts (1,484 messages, the messages written later always in
     * training; see docs/knowledge.md, "Evaluation"): precision and recall 88.5 / 95.3 % at 0.35,
     * 92.1 / 93.8 % at 0.4, 92.4 / 91.9 % at 0.45, 93.9 / 88.2 % at 0.5; 0.4 has the highest lower
     * of the two.
     */
    static final double HOSTILE_THRESHOLD = 0.4;

    /**
     * 1e-2 on the dense features and 1e-4 on the words, for the three regressions. Chosen by
     * cross-validation (as above) once the seed had grown to 5,519 messages: with 1e-3 on the words
     * (chosen on the development set when the seed had 1,111) type accuracy 84.9 %, the complaint's
     * recall 69.0 %, priority 84.9 %, hostile 88.3 / 89.6 % at best; with 1e-4, 86.6 %, 74.6 %,
     * 86.3 % and 91.5 / 91.5 % (3e-4: 85.2 %, 90.0 / 90.0 %; 3e-5: 86.3 %; 3e-2 on the dense
     * features: no better). More messages carry more words worth trusting. A negative word
     * penalty would make the model read the dense features alone.
     */
    static final Softmax.Settings TYPE_SETTINGS = new Softmax.Settings(1e-2, 1e-4, 250, 0.05);
    static final Softmax.Settings PRIORITY_SETTINGS = new Softmax.Settings(1e-2, 1e-4, 200, 0.05);
    static final Softmax.Settings MOOD_SETTINGS = new Softmax.Settings(1e-2, 1e-4, 250, 0.05);

    /**
     * A labeled text with its vector; {@code mood} null when not known (an agent's correction),
     * {@code type} and {@code priority} null for a seed message that teaches the mood alone.
     */
    record Sample(String text, float[] vector, TicketType type, TicketPriority priority, String mood, double weight) {
    }

    /**
     * What a game's classification reads: the three regressions and the labeled messages that vote,
     * their vectors held compactly ({@link CompactVectors}: a quarter of the floats' bytes, read by
     * a loop of vector instructions, for the scan of every message on each new ticket).
     */
    record Model(Softmax types, Softmax priorities, Softmax moods, int gameExamples, List<Sample> neighbours,
            CompactVectors neighbourVectors) {

        Model(Softmax types, Softmax priorities, Softmax moods, int gameExamples, List<Sample> neighbours) {
            this(types, priorities, moods, gameExamples, neighbours, compact(neighbours));
        }

        private static CompactVectors compact(List<Sample> samples) {
            return CompactVectors.of(samples.stream().map(Sample::vector).toList(),
                    samples.isEmpty() ? 1 : samples.getFirst().vector().length);
        }

        /** The type's share of the vote of the labeled messages nearest to the vector. */
        double[] vote(float[] vector) {
            return TicketClassifier.vote(neighbours, neighbourVectors, vector, types.labels());
        }
    }

    /**
     * How many nearest labeled messages vote on the type, how sharply a nearer one outweighs a
     * farther one ({@code exp(SHARPNESS × similarity)}), and the share of their vote beside the
     * regression's probabilities. Chosen by five-fold cross-validation over the corpus's training
     * and development parts (1,484 messages, the messages written later always in training): type
     * accuracy 84.0 % by the regression alone, 84.9 % with 10 neighbours at 10 and three tenths of
     * the vote, 84.7 % with half, 83.8 % with seven tenths (with a third of the training messages:
     * 80.4, 81.0, 80.8 and 79.8 %; 5 or 20 neighbours, sharpness 1 to 30: 80.2–81.3 %). On the
     * development set alone the same settings moved by several points.
     */
    static final int NEIGHBOURS = 10;
    static final double SHARPNESS = 10;
    static final double NEIGHBOURS_SHARE = 0.3;

    private final TextEmbeddings embeddings;
    private final Map<UUID, Model> models = new ConcurrentHashMap<>();
    /** Per game, the vectors of the resolved tickets it learned from, so that each is embedded once per node. */
    private final Map<UUID, Map<UUID, float[]>> vectors = new ConcurrentHashMap<>();
    private final CompletableFuture<SeedSet.Seed> seed;

    @org.springframework.beans.factory.annotation.Autowired
    TicketClassifier(TextEmbeddings embeddings, AssistProperties properties) {
        this(embeddings, properties.classifierModel());
    }

    TicketClassifier(TextEmbeddings embeddings) {
        this(embeddings, true);
    }

    /** {@code model}: whether to train on the embedding model's vectors; without, the rules classify. */
    private TicketClassifier(TextEmbeddings embeddings, boolean model) {
        this.embeddings = embeddings;
        this.seed = !model || embeddings.state() == TextEmbeddings.State.OFF ? null : SeedSet.model(embeddings);
    }

    public Classification classify(UUID gameId, String text) {
        Model model = models.getOrDefault(gameId, seedModel());
        Optional<float[]> vector = model == null ? Optional.empty() : embeddings.embed(text);
        return vector.isPresent() ? classify(model, text, vector.get()) : RuleSet.judge(text);
    }

    /** How a text sounds, by the seed's model (the rules' cues while it is not ready). */
    public Mood mood(String text) {
        Model model = seedModel();
        Optional<float[]> vector = model == null ? Optional.empty() : embeddings.embed(text);
        return vector.isPresent() ? mood(model, text, features(text, vector.get()), words(text))
                : MoodCues.judge(text);
    }

    private Model seedModel() {
        SeedSet.Seed ready = seed();
        return ready == null ? null : ready.model();
    }

    private SeedSet.Seed seed() {
        return seed != null && seed.isDone() && !seed.isCompletedExceptionally() ? seed.join() : null;
    }

    /** Whether a model is trained here at all ({@code playerdesk.assist.classifier-model} and the embedding model on). */
    boolean learns() {
        return seed != null;
    }

    /** Whether the model answers (the seed's model is trained), or still the rules. */
    public boolean ready() {
        return seedModel() != null && embeddings.ready();
    }

    /**
     * The model's type, priority and mood; where the rules agree with the model, the confidence is
     * the higher of the two (a message the rules find three keywords in is as sure as before).
     */
    static Classification classify(Model model, String text, float[] vector) {
        double[] x = features(text, vector);
        int[] w = words(text);
        Classification rules = RuleSet.judge(text);
        double[] pt = blend(model.types().probabilities(x, w), model.vote(vector));
        int t = Softmax.argmax(pt);
        TicketType type = Coded.fromCode(TicketType.class, model.types().labels().get(t));
        double typeConfidence = type == rules.type() ? Math.max(pt[t], rules.typeConfidence()) : pt[t];
        double[] pp = model.priorities().probabilities(x, w);
        int p = Softmax.argmax(pp);
        TicketPriority priority = Coded.fromCode(TicketPriority.class, model.priorities().labels().get(p));
        double priorityConfidence = priority == rules.priority() ? Math.max(pp[p], rules.priorityConfidence()) : pp[p];
        return new Classification(type, typeConfidence, priority, priorityConfidence, GameArea.of(type),
                mood(model, text, x, w), "model");
    }

    /**
     * The level whose categories together are likeliest, hostile from {@link #HOSTILE_THRESHOLD}
     * on; then that level's likeliest category.
     */
    static Mood mood(Model model, String text, double[] x, int[] words) {
        Mood read = mood(model, x, words);
        // a threat to go to a regulator, a court, a bank or the public, or a last warning, is hostile
        // even where the model is less sure (94 % precise in cross-validation). The rest of the
        // lexicon is only the model's features: as an override it flagged calm and upset messages
        // (83 % precise alone), and with it the model reached 79.4 / 80.6 % at best against
        // 81.6 / 82.0 % without it
        Optional<Mood.Category> decisive = MoodCues.decisive(text == null ? "" : text.toLowerCase(Locale.ROOT));
        return decisive.isPresent() && !read.hostile() ? new Mood(Mood.Level.HOSTILE, decisive.get(), 0.7) : read;
    }

    /**
     * The type's share of the weighted vote of the {@link #NEIGHBOURS} labeled messages nearest to
     * the vector (a message's own weight counts: an agent's correction more than the seed's).
     */
    static double[] vote(List<Sample> samples, CompactVectors vectors, float[] vector, List<String> labels) {
        double[] p = new double[labels.size()];
        if (samples.isEmpty()) {
            return p;
        }
        float[] similarities = new float[vectors.size()];
        vectors.dots(vector, similarities);
        PriorityQueue<double[]> nearest = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < samples.size(); i++) {
            double similarity = similarities[i];
            if (nearest.size() < NEIGHBOURS) {
                nearest.add(new double[] { similarity, i });
            } else if (similarity > nearest.peek()[0]) {
                nearest.poll();
                nearest.add(new double[] { similarity, i });
            }
        }
        double total = 0;
        for (double[] n : nearest) {
            Sample s = samples.get((int) n[1]);
            int c = labels.indexOf(s.type().code());
            if (c >= 0) {
                double weight = s.weight() * Math.exp(SHARPNESS * n[0]);
                p[c] += weight;
                total += weight;
            }
        }
        for (int c = 0; c < p.length && total > 0; c++) {
            p[c] /= total;
        }
        return p;
    }

    private static double[] blend(double[] regression, double[] vote) {
        double[] p = new double[regression.length];
        boolean voted = Arrays.stream(vote).sum() > 0;
        for (int c = 0; c < p.length; c++) {
            p[c] = voted ? (1 - NEIGHBOURS_SHARE) * regression[c] + NEIGHBOURS_SHARE * vote[c] : regression[c];
        }
        return p;
    }

    /** The model's probability that the text is hostile (its hostile categories together). */
    static double hostileProbability(Model model, double[] x, int[] words) {
        double[] p = model.moods().probabilities(x, words);
        List<String> labels = model.moods().labels();
        double hostile = 0;
        for (int i = 0; i < p.length; i++) {
            hostile += levelOf(labels.get(i)) == Mood.Level.HOSTILE ? p[i] : 0;
        }
        return hostile;
    }

    private static Mood mood(Model model, double[] x, int[] words) {
        double[] p = model.moods().probabilities(x, words);
        List<String> labels = model.moods().labels();
        Map<Mood.Level, Double> levels = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i++) {
            levels.merge(levelOf(labels.get(i)), p[i], Double::sum);
        }
        double hostile = levels.getOrDefault(Mood.Level.HOSTILE, 0.0);
        Mood.Level level = hostile >= HOSTILE_THRESHOLD ? Mood.Level.HOSTILE
                : levels.getOrDefault(Mood.Level.UPSET, 0.0) > levels.getOrDefault(Mood.Level.CALM, 0.0)
                        ? Mood.Level.UPSET : Mood.Level.CALM;
        Mood.Category category = null;
        double best = -1;
        for (int i = 0; i < p.length; i++) {
            Optional<Mood.Category> c = categoryOf(labels.get(i));
            if (c.isPresent() && c.get().level() == level && p[i] > best) {
                best = p[i];
                category = c.get();
            }
        }
        return new Mood(level, category, levels.getOrDefault(level, 0.0));
    }

    static Mood.Level levelOf(String label) {
        return categoryOf(label).map(Mood.Category::level).orElseGet(() -> Coded.fromCode(Mood.Level.class, label));
    }

    static Optional<Mood.Category> categoryOf(String label) {
        for (Mood.Category c : Mood.Category.values()) {
            if (c.code().equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The text's vector, then the rules' features, then the mood's cues. */
    static double[] features(String text, float[] vector) {
        double[] rules = RuleSet.features(text);
        double[] cues = MoodCues.features(text);
        double[] x = new double[vector.length + rules.length + cues.length];
        for (int i = 0; i < vector.length; i++) {
            x[i] = vector[i];
        }
        System.arraycopy(rules, 0, x, vector.length, rules.length);
        System.arraycopy(cues, 0, x, vector.length + rules.length, cues.length);
        return x;
    }

    /**
     * The text's words as hashed buckets: the search's words (smartcn for Chinese, stemmed
     * English) and every pair of neighbouring Chinese characters, which catch players' own
     * spellings and slang the word list does not know.
     */
    static int[] words(String text) {
        String plain = text == null ? "" : text;
        List<String> words = new ArrayList<>(Words.of(plain));
        for (int i = 0; i + 1 < plain.length(); i++) {
            if (Character.isIdeographic(plain.charAt(i)) && Character.isIdeographic(plain.charAt(i + 1))) {
                words.add(plain.substring(i, i + 2));
            }
        }
        return Softmax.buckets(words);
    }

    /** A model trained on these samples (the mood on those whose mood is known). */
    static Model train(List<Sample> samples) {
        return train(samples, null, 0);
    }

    /** A model trained on these samples, with this mood model when given (agents correct types, not moods). */
    static Model train(List<Sample> samples, Softmax moodModel, int gameExamples) {
        double[][] x = new double[samples.size()][];
        int[][] w = new int[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            x[i] = features(samples.get(i).text(), samples.get(i).vector());
            w[i] = words(samples.get(i).text());
        }
        // the three regressions are independent: the priority's and the mood's on a second thread
        // while this one fits the type's (about as long as the other two together), so that training
        // takes both cores of a small machine, and gives the same model as one after the other
        ExecutorService second = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "assist-training");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Softmax> priorities = second.submit(() -> fit(samples, x, w,
                    s -> s.priority() == null ? null : s.priority().code(), PRIORITY_SETTINGS));
            Future<Softmax> moods = moodModel != null ? CompletableFuture.completedFuture(moodModel)
                    : second.submit(() -> fit(samples, x, w, Sample::mood, MOOD_SETTINGS));
            Softmax types = fit(samples, x, w, s -> s.type() == null ? null : s.type().code(), TYPE_SETTINGS);
            // the type's vote is among messages labeled with a type
            return new Model(types, priorities.get(), moods.get(), gameExamples,
                    samples.stream().filter(s -> s.type() != null).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } finally {
            second.shutdownNow();
        }
    }

    private static Softmax fit(List<Sample> samples, double[][] x, int[][] w,
            java.util.function.Function<Sample, String> label, Softmax.Settings settings) {
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            String l = label.apply(samples.get(i));
            if (l == null) {
                continue;
            }
            int index = labels.indexOf(l);
            if (index < 0) {
                labels.add(l);
                index = labels.size() - 1;
            }
            rows.add(x[i]);
            words.add(w[i]);
            classes.add(index);
            weights.add(samples.get(i).weight());
        }
        return Softmax.train(labels, rows.toArray(double[][]::new),
                settings.wordL2() < 0 ? null : words.toArray(int[][]::new),
                classes.stream().mapToInt(Integer::intValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(), settings);
    }

    /**
     * Replaces a game's model with one trained on the seed and the game's resolved tickets
     * (each embedded once per node), or drops it when they are too few: the seed's model answers.
     */
    void train(UUID gameId, List<LabeledText> examples) {
        SeedSet.Seed base = seed();
        if (base == null || examples.size() < GAME_MIN_EXAMPLES) {
            models.remove(gameId);
            vectors.remove(gameId);
            return;
        }
        List<LabeledText> recent = examples.subList(0, Math.min(examples.size(), GAME_MAX_EXAMPLES));
        Map<UUID, float[]> known = vectors.getOrDefault(gameId, Map.of());
        Map<UUID, float[]> current = new HashMap<>();
        List<LabeledText> missing = new ArrayList<>();
        for (LabeledText e : recent) {
            float[] v = known.get(e.ticketId());
            if (v == null) {
                missing.add(e);
            } else {
                current.put(e.ticketId(), v);
            }
        }
        if (!missing.isEmpty()) {
            Optional<List<float[]>> embedded = embeddings.embedAll(missing.stream().map(LabeledText::text).toList());
            if (embedded.isEmpty()) {
                return;
            }
            for (int i = 0; i < missing.size(); i++) {
                current.put(missing.get(i).ticketId(), embedded.get().get(i));
            }
        }
        vectors.put(gameId, current);
        List<Sample> samples = new ArrayList<>(base.samples());
        for (LabeledText e : recent) {
            samples.add(new Sample(e.text(), current.get(e.ticketId()), e.type(), e.priority(), null, GAME_WEIGHT));
        }
        models.put(gameId, train(samples, base.model().moods(), recent.size()));
    }

    /** How many of the game's resolved tickets its model learned from; 0 when the seed's model (or the rules) decide. */
    public int modelSize(UUID gameId) {
        Model model = models.get(gameId);
        return model == null ? 0 : model.gameExamples();
    }

    record LabeledText(UUID ticketId, String text, TicketType type, TicketPriority priority) {
    }
}
