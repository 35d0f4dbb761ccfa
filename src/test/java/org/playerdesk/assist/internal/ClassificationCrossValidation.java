package org.playerdesk.assist.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.playerdesk.assist.Classification;
import org.playerdesk.assist.Mood;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.internal.LoadedEmbeddings;
import org.playerdesk.ticket.TicketType;

/**
 * How the classifier's settings were chosen: five-fold cross-validation over the corpus's
 * training and development parts as they were split (the messages written later,
 * {@code corpus/train-only.tsv} and {@code corpus/mood-only.tsv}, always stay in training, so every
 * figure is measured on messages of the corpus's own distribution). About four times as many
 * messages as the development set alone, so a setting's figure moves less by chance. Prints, for
 * the hostile level, precision and recall at each threshold with the decisive words overriding (as
 * in the product) and with the whole lexicon overriding (as before); for the type, accuracy with
 * each share of the neighbours' vote; and type and hostility again with each type weighing the same in training
 * (tried, not kept: docs/knowledge.md, "Evaluation"). Not part of the suite (a few minutes); run alone:
 * {@code ./mvnw test -Dtest=ClassificationCrossValidation -Dsurefire.failIfNoSpecifiedTests=false}.
 * The test set is never read.
 */
class ClassificationCrossValidation {

    static final int FOLDS = 5;
    static final double[] THRESHOLDS = { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7 };
    static final double[] SHARES = { 0, 0.3, 0.5, 0.7 };

    @Test
    void printsTheFiguresEachSettingGetsOnMessagesItWasNotTrainedOn() throws IOException {
        List<ClassificationEvaluationTest.Labeled> train = ClassificationEvaluationTest.read("assist/seed/train.tsv");
        List<ClassificationEvaluationTest.Labeled> dev = ClassificationEvaluationTest.read("assist/eval/dev.tsv");
        Set<String> later = new HashSet<>();
        for (String file : List.of("train-only.tsv", "mood-only.tsv")) {
            for (String line : Files.readAllLines(Path.of("src/test/resources/assist/corpus", file),
                    StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    later.add(line.split("\t", 6)[5]);
                }
            }
        }
        List<ClassificationEvaluationTest.Labeled> pool = new ArrayList<>();
        List<ClassificationEvaluationTest.Labeled> always = new ArrayList<>();
        for (ClassificationEvaluationTest.Labeled l : train) {
            (later.contains(l.text()) ? always : pool).add(l);
        }
        pool.addAll(dev);
        TextEmbeddings embeddings = LoadedEmbeddings.ready();
        List<TicketClassifier.Sample> poolSamples = ClassificationEvaluationTest.samples(pool, embeddings);
        List<TicketClassifier.Sample> alwaysSamples = ClassificationEvaluationTest.samples(always, embeddings);

        int[][] decisive = new int[THRESHOLDS.length][2];
        int[][] lexicon = new int[THRESHOLDS.length][2];
        int hostile = 0;
        int[] typeRight = new int[SHARES.length];
        Map<String, int[]> perType = new TreeMap<>();
        Map<String, int[]> perTypeBalanced = new TreeMap<>();
        int[] balancedHostile = new int[2];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<TicketClassifier.Sample> samples = new ArrayList<>(alwaysSamples);
            List<TicketClassifier.Sample> held = new ArrayList<>();
            for (TicketClassifier.Sample s : poolSamples) {
                (Math.floorMod(s.text().hashCode(), FOLDS) == fold ? held : samples).add(s);
            }
            TicketClassifier.Model model = TicketClassifier.train(samples);
            TicketClassifier.Model balanced = TicketClassifier.train(balancedByType(samples));
            List<String> labels = model.types().labels();
            for (TicketClassifier.Sample s : held) {
                double[] x = TicketClassifier.features(s.text(), s.vector());
                int[] words = TicketClassifier.words(s.text());
                double p = TicketClassifier.hostileProbability(model, x, words);
                boolean isHostile = TicketClassifier.levelOf(s.mood()) == Mood.Level.HOSTILE;
                boolean decisiveWords = MoodCues.decisive(s.text().toLowerCase(Locale.ROOT)).isPresent();
                boolean anyWord = MoodCues.judge(s.text()).hostile();
                hostile += isHostile ? 1 : 0;
                for (int t = 0; t < THRESHOLDS.length; t++) {
                    count(decisive[t], decisiveWords || p >= THRESHOLDS[t], isHostile);
                    count(lexicon[t], anyWord || p >= THRESHOLDS[t], isHostile);
                }
                double[] regression = model.types().probabilities(x, words);
                double[] vote = model.vote(s.vector());
                for (int i = 0; i < SHARES.length; i++) {
                    double best = -1;
                    int chosen = 0;
                    for (int c = 0; c < labels.size(); c++) {
                        double q = (1 - SHARES[i]) * regression[c] + SHARES[i] * vote[c];
                        if (q > best) {
                            best = q;
                            chosen = c;
                        }
                    }
                    typeRight[i] += labels.get(chosen).equals(s.type().code()) ? 1 : 0;
                }
                int[] recall = perType.computeIfAbsent(s.type().code(), k -> new int[2]);
                recall[0]++;
                recall[1] += TicketClassifier.classify(model, s.text(), s.vector()).type() == s.type() ? 1 : 0;
                Classification b = TicketClassifier.classify(balanced, s.text(), s.vector());
                int[] balancedRecall = perTypeBalanced.computeIfAbsent(s.type().code(), k -> new int[2]);
                balancedRecall[0]++;
                balancedRecall[1] += b.type() == s.type() ? 1 : 0;
                count(balancedHostile, b.mood().hostile(), isHostile);
            }
        }
        System.out.printf(Locale.ROOT, "%d messages in %d folds, %d hostile; %d written later always in training%n",
                poolSamples.size(), FOLDS, hostile, alwaysSamples.size());
        for (int t = 0; t < THRESHOLDS.length; t++) {
            System.out.printf(Locale.ROOT,
                    "hostile from %.2f: decisive words override P %.1f %% R %.1f %% | whole lexicon overrides P %.1f %% R %.1f %%%n",
                    THRESHOLDS[t], 100.0 * decisive[t][1] / decisive[t][0], 100.0 * decisive[t][1] / hostile,
                    100.0 * lexicon[t][1] / lexicon[t][0], 100.0 * lexicon[t][1] / hostile);
        }
        for (int i = 0; i < SHARES.length; i++) {
            System.out.printf(Locale.ROOT, "type accuracy with %.1f of the vote to the %d neighbours: %.1f %%%n", SHARES[i],
                    TicketClassifier.NEIGHBOURS, 100.0 * typeRight[i] / poolSamples.size());
        }
        perType.forEach((type, c) -> System.out.printf(Locale.ROOT, "recall of %s: %.1f %% (each type weighing the same: %.1f %%)%n",
                type, 100.0 * c[1] / c[0], 100.0 * perTypeBalanced.get(type)[1] / perTypeBalanced.get(type)[0]));
        System.out.printf(Locale.ROOT, "each type weighing the same: type accuracy %.1f %%, hostile P %.1f %% R %.1f %%%n",
                100.0 * perTypeBalanced.values().stream().mapToInt(c -> c[1]).sum() / poolSamples.size(),
                100.0 * balancedHostile[1] / balancedHostile[0], 100.0 * balancedHostile[1] / hostile);
    }

    /** The samples reweighed so that each type weighs the same in all. */
    static List<TicketClassifier.Sample> balancedByType(List<TicketClassifier.Sample> samples) {
        Map<TicketType, Double> totals = new EnumMap<>(TicketType.class);
        double all = 0;
        for (TicketClassifier.Sample s : samples) {
            if (s.type() != null) {
                totals.merge(s.type(), s.weight(), Double::sum);
                all += s.weight();
            }
        }
        double each = all / totals.size();
        // the messages that teach the mood alone keep their weight
        return samples.stream().map(s -> s.type() == null ? s : new TicketClassifier.Sample(s.text(), s.vector(),
                s.type(), s.priority(), s.mood(), s.weight() * each / totals.get(s.type()))).toList();
    }

    private static void count(int[] flagged, boolean flag, boolean hostile) {
        flagged[0] += flag ? 1 : 0;
        flagged[1] += flag && hostile ? 1 : 0;
    }
}
