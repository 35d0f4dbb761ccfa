package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.assist.Classification;
import org.playerdesk.assist.Mood;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.internal.LoadedEmbeddings;
import org.playerdesk.knowledge.Words;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * The evaluation of classification: the model trained on the built-in seed set
 * ({@code src/main/resources/assist/seed/train.tsv}), its settings chosen on the development set
 * ({@code src/test/resources/assist/eval/dev.tsv}) and by {@link ClassificationCrossValidation}, measured on the test set
 * ({@code src/test/resources/assist/eval/test.tsv}), which nothing was tuned on. Beside it, on
 * the same test set, the approaches before it: the keyword rules alone, and naive Bayes over
 * words with the rules where surer. Type accuracy, recall per type and the confusion matrix,
 * priority accuracy, hostility's precision and recall, the mood's three levels and recall per
 * category. Writes {@code target/evaluation/classification.md}; fails when a figure falls below
 * its floor. Run alone: {@code ./mvnw test -Dtest=ClassificationEvaluationTest}.
 */
@Tag("database-independent") // no database at all
@Tag("evaluation") // a model's quality: .ci/run runs it beside the H2 suite
class ClassificationEvaluationTest {

    record Labeled(TicketType type, TicketPriority priority, String mood, String text) {

        Mood.Level level() {
            return TicketClassifier.levelOf(mood);
        }
    }

    /** What an approach said about one message: its type, priority and mood. */
    record Said(TicketType type, TicketPriority priority, Mood mood) {

        static Said of(Classification c) {
            return new Said(c.type(), c.priority(), c.mood());
        }
    }

    record Figures(double typeAccuracy, double worstTypeRecall, double priorityAccuracy, double hostilePrecision,
            double hostileRecall, double levelAccuracy) {
    }

    @Test
    void reportsTheModelAgainstTheRulesAndNaiveBayesOnTheTestSet() throws IOException {
        List<Labeled> train = read("assist/seed/train.tsv");
        List<Labeled> dev = read("assist/eval/dev.tsv");
        List<Labeled> test = read("assist/eval/test.tsv");
        TextEmbeddings embeddings = LoadedEmbeddings.ready();

        TicketClassifier.Model model = TicketClassifier.train(samples(train, embeddings));
        List<Said> byModel = model(model, test, embeddings);
        List<Said> byRules = test.stream().map(l -> Said.of(RuleSet.judge(l.text()))).toList();
        List<Said> byBayes = naiveBayes(train, test);
        Figures devFigures = figures(dev, model(model, dev, embeddings));
        Figures figures = figures(test, byModel);

        StringBuilder report = new StringBuilder("# Classification evaluation\n\n");
        report.append(String.format(Locale.ROOT,
                "Trained on the seed set (%d messages), settings chosen on the development set (%d) and by "
                        + "cross-validation over the training and development parts (ClassificationCrossValidation), "
                        + "measured on the test set (%d messages, %d Chinese or mixed), which nothing was tuned on.%n%n",
                train.size(), dev.size(), test.size(),
                test.stream().filter(l -> l.text().chars().anyMatch(c -> c > 0x2E80)).count()));
        report.append("## Summary (test set)\n\n| approach | type accuracy | lowest type recall | priority accuracy | "
                + "hostile precision | hostile recall | mood level accuracy |\n|---|---|---|---|---|---|---|\n");
        row(report, "keyword rules alone (before)", figures(test, byRules));
        row(report, "naive Bayes + rules (before)", figures(test, byBayes));
        row(report, "embedding model + rules' features (now)", figures);
        row(report, "*the same on the development set*", devFigures);
        report.append('\n');
        report.append("## Type (embedding model, test set)\n\n").append(perType(test, byModel)).append('\n')
                .append(confusion(test, byModel)).append('\n');
        report.append("## Mood (embedding model, test set)\n\n").append(levels(test, byModel)).append('\n')
                .append(perCategory(test, byModel)).append('\n');
        report.append("## Before: naive Bayes + rules, per type (test set)\n\n").append(perType(test, byBayes))
                .append('\n');

        Path out = Path.of("target", "evaluation", "classification.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);

        // floors a little under what was measured (see docs/knowledge.md); the targets are
        // type accuracy 85 %, no type under 70 %, hostile precision and recall 90 %
        assertThat(figures.typeAccuracy()).as("type accuracy").isGreaterThanOrEqualTo(0.86);
        assertThat(figures.worstTypeRecall()).as("lowest recall of a type").isGreaterThanOrEqualTo(0.68);
        assertThat(figures.priorityAccuracy()).as("priority accuracy").isGreaterThanOrEqualTo(0.81);
        assertThat(figures.hostilePrecision()).as("hostile precision").isGreaterThanOrEqualTo(0.87);
        assertThat(figures.hostileRecall()).as("hostile recall").isGreaterThanOrEqualTo(0.9);
        assertThat(figures.levelAccuracy()).as("mood level accuracy").isGreaterThanOrEqualTo(0.89);
    }

    static List<TicketClassifier.Sample> samples(List<Labeled> set, TextEmbeddings embeddings) {
        List<float[]> vectors = embeddings.embedAll(set.stream().map(Labeled::text).toList()).orElseThrow();
        List<TicketClassifier.Sample> samples = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Labeled l = set.get(i);
            samples.add(new TicketClassifier.Sample(l.text(), vectors.get(i), l.type(), l.priority(), l.mood(), 1));
        }
        return samples;
    }

    static List<Said> model(TicketClassifier.Model model, List<Labeled> set, TextEmbeddings embeddings) {
        List<float[]> vectors = embeddings.embedAll(set.stream().map(Labeled::text).toList()).orElseThrow();
        List<Said> said = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            said.add(Said.of(TicketClassifier.classify(model, set.get(i).text(), vectors.get(i))));
        }
        return said;
    }

    /** The classifier before the embedding model: naive Bayes over words, the rules where they are surer. */
    static List<Said> naiveBayes(List<Labeled> train, List<Labeled> set) {
        // the messages that teach the mood alone have no type or priority to learn
        NaiveBayes types = new NaiveBayes(train.stream().filter(l -> l.type() != null)
                .map(l -> new NaiveBayes.Example(Words.of(l.text()), l.type().code())).toList());
        NaiveBayes priorities = new NaiveBayes(train.stream().filter(l -> l.priority() != null)
                .map(l -> new NaiveBayes.Example(Words.of(l.text()), l.priority().code())).toList());
        List<Said> said = new ArrayList<>();
        for (Labeled l : set) {
            Classification rules = RuleSet.judge(l.text());
            Set<String> words = Words.of(l.text());
            NaiveBayes.Prediction type = types.predict(words);
            if (type.label() == null || type.probability() < rules.typeConfidence()) {
                said.add(Said.of(rules));
            } else {
                said.add(new Said(Coded.fromCode(TicketType.class, type.label()),
                        Coded.fromCode(TicketPriority.class, priorities.predict(words).label()), rules.mood()));
            }
        }
        return said;
    }

    static Figures figures(List<Labeled> set, List<Said> said) {
        int right = 0;
        int priorityRight = 0;
        int levelRight = 0;
        int flagged = 0;
        int flaggedRight = 0;
        int hostile = 0;
        Map<TicketType, int[]> perType = new EnumMap<>(TicketType.class);
        for (int i = 0; i < set.size(); i++) {
            Labeled l = set.get(i);
            Said s = said.get(i);
            right += s.type() == l.type() ? 1 : 0;
            int[] counts = perType.computeIfAbsent(l.type(), t -> new int[2]);
            counts[0]++;
            counts[1] += s.type() == l.type() ? 1 : 0;
            priorityRight += s.priority() == l.priority() ? 1 : 0;
            levelRight += s.mood().level() == l.level() ? 1 : 0;
            boolean isHostile = l.level() == Mood.Level.HOSTILE;
            hostile += isHostile ? 1 : 0;
            flagged += s.mood().hostile() ? 1 : 0;
            flaggedRight += s.mood().hostile() && isHostile ? 1 : 0;
        }
        double worst = perType.values().stream().mapToDouble(c -> (double) c[1] / c[0]).min().orElse(0);
        int n = set.size();
        return new Figures((double) right / n, worst, (double) priorityRight / n,
                flagged == 0 ? 0 : (double) flaggedRight / flagged, hostile == 0 ? 0 : (double) flaggedRight / hostile,
                (double) levelRight / n);
    }

    private static void row(StringBuilder report, String name, Figures f) {
        report.append(String.format(Locale.ROOT, "| %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", name,
                f.typeAccuracy() * 100, f.worstTypeRecall() * 100, f.priorityAccuracy() * 100,
                f.hostilePrecision() * 100, f.hostileRecall() * 100, f.levelAccuracy() * 100));
    }

    static String perType(List<Labeled> set, List<Said> said) {
        StringBuilder table = new StringBuilder("| type | messages | right | recall | precision |\n|---|---|---|---|---|\n");
        for (TicketType type : TicketType.values()) {
            int total = 0;
            int right = 0;
            int suggested = 0;
            for (int i = 0; i < set.size(); i++) {
                total += set.get(i).type() == type ? 1 : 0;
                suggested += said.get(i).type() == type ? 1 : 0;
                right += set.get(i).type() == type && said.get(i).type() == type ? 1 : 0;
            }
            if (total > 0) {
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% | %.0f%% |%n", type.code(), total,
                        right, 100.0 * right / total, suggested == 0 ? 0 : 100.0 * right / suggested));
            }
        }
        return table.toString();
    }

    static String confusion(List<Labeled> set, List<Said> said) {
        return matrix("Confusion matrix of types (rows: labeled, columns: suggested)", List.of(TicketType.values()),
                set, said, Labeled::type, Said::type, TicketType::code);
    }

    static String levels(List<Labeled> set, List<Said> said) {
        return matrix("Mood levels (rows: labeled, columns: suggested)", List.of(Mood.Level.values()), set, said,
                Labeled::level, s -> s.mood().level(), Mood.Level::code);
    }

    private static <T> String matrix(String title, List<T> values, List<Labeled> set, List<Said> said,
            Function<Labeled, T> truth, Function<Said, T> guess, Function<T, String> name) {
        StringBuilder table = new StringBuilder(title).append("\n\n| |");
        for (T v : values) {
            table.append(' ').append(name.apply(v)).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(values.size())).append('\n');
        for (T row : values) {
            table.append("| ").append(name.apply(row)).append(" |");
            for (T column : values) {
                int n = 0;
                for (int i = 0; i < set.size(); i++) {
                    n += truth.apply(set.get(i)) == row && guess.apply(said.get(i)) == column ? 1 : 0;
                }
                table.append(' ').append(n == 0 ? "." : String.valueOf(n)).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** Per category: how many of its messages got the right level, and how many the right category too. */
    static String perCategory(List<Labeled> set, List<Said> said) {
        StringBuilder table = new StringBuilder(
                "| category | messages | level right | category right | recall (category) |\n|---|---|---|---|---|\n");
        for (Mood.Category category : Mood.Category.values()) {
            int total = 0;
            int level = 0;
            int right = 0;
            for (int i = 0; i < set.size(); i++) {
                if (!category.code().equals(set.get(i).mood())) {
                    continue;
                }
                total++;
                Mood mood = said.get(i).mood();
                level += mood.level() == category.level() ? 1 : 0;
                right += mood.category() == category ? 1 : 0;
            }
            if (total > 0) {
                table.append(String.format(Locale.ROOT, "| %s (%s) | %d | %d | %d | %.0f%% |%n", category.code(),
                        category.level().code(), total, level, right, 100.0 * right / total));
            }
        }
        return table.toString();
    }

    static List<Labeled> read(String resource) throws IOException {
        try (InputStream in = ClassificationEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return SeedSet.read(in).stream().map(m -> new Labeled(m.type(), m.priority(), m.mood(), m.text())).toList();
        }
    }
}
