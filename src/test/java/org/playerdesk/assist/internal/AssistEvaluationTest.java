package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.assist.Classification;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The evaluation of classification and bot answers on the shipped labeled set
 * ({@code src/test/resources/assist/labeled-messages.tsv}, 300+ player messages in Chinese and
 * English): accuracy of the rules alone and of the model (5-fold cross-validation: trained on four
 * fifths, tested on the rest), per type with a confusion matrix, priority accuracy, hostility
 * precision and recall, and the bot's precision and coverage at several thresholds. Writes
 * {@code target/evaluation/assist.md}; fails only when the figures fall below a floor.
 * Run alone: {@code ./mvnw test -Dtest=AssistEvaluationTest}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class AssistEvaluationTest {

    record Labeled(TicketType type, TicketPriority priority, boolean hostile, String article, String text) {
    }

    static final int FOLDS = 5;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ArticleSearch search;

    @Test
    void reportsClassificationAccuracyAndBotPrecision() throws IOException {
        List<Labeled> set = labeledSet();
        StringBuilder report = new StringBuilder("# Assist evaluation\n\n");
        report.append("Labeled set: ").append(set.size()).append(" messages (")
                .append(set.stream().filter(l -> l.text().chars().anyMatch(c -> c > 0x2E80)).count())
                .append(" Chinese or mixed, the rest English).\n\n");

        // rules alone, on everything
        List<Classification> byRules = set.stream().map(l -> RuleSet.judge(l.text())).toList();
        double rulesAccuracy = accuracy(set, byRules);

        // the model as deployed (rules when surer), 5-fold cross-validation
        List<Classification> byModel = new ArrayList<>(set.size());
        set.forEach(l -> byModel.add(null));
        for (int fold = 0; fold < FOLDS; fold++) {
            List<TicketClassifier.LabeledText> training = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                if (i % FOLDS != fold) {
                    training.add(new TicketClassifier.LabeledText(set.get(i).text(), set.get(i).type(),
                            set.get(i).priority()));
                }
            }
            TicketClassifier.Model model = TicketClassifier.train(training);
            for (int i = fold; i < set.size(); i += FOLDS) {
                byModel.set(i, TicketClassifier.classify(model, set.get(i).text()));
            }
        }
        double modelAccuracy = accuracy(set, byModel);
        long priorityRight = 0;
        for (int i = 0; i < set.size(); i++) {
            priorityRight += byModel.get(i).priority() == set.get(i).priority() ? 1 : 0;
        }
        long hostileFlagged = byRules.stream().filter(Classification::hostile).count();
        long hostileRight = 0;
        for (int i = 0; i < set.size(); i++) {
            hostileRight += byRules.get(i).hostile() && set.get(i).hostile() ? 1 : 0;
        }
        long hostileTotal = set.stream().filter(Labeled::hostile).count();

        report.append("## Type\n\n| | accuracy |\n|---|---|\n")
                .append(String.format(Locale.ROOT, "| rules alone | %.1f%% |%n", rulesAccuracy * 100))
                .append(String.format(Locale.ROOT, "| model + rules, 5-fold cross-validation | %.1f%% |%n%n",
                        modelAccuracy * 100));
        report.append(perType(set, byModel)).append('\n').append(confusion(set, byModel)).append('\n');
        report.append(String.format(Locale.ROOT, "## Priority%n%nAccuracy (model + rules): %.1f%%%n%n",
                100.0 * priorityRight / set.size()));
        report.append(String.format(Locale.ROOT,
                "## Hostility%n%nFlagged %d, of which right %d; %d abusive messages in the set: precision %.1f%%, recall %.1f%%%n%n",
                hostileFlagged, hostileRight, hostileTotal, 100.0 * hostileRight / Math.max(1, hostileFlagged),
                100.0 * hostileRight / Math.max(1, hostileTotal)));

        double botPrecisionAtDefault = bot(set, report);

        Path out = Path.of("target", "evaluation", "assist.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);

        assertThat(rulesAccuracy).isGreaterThan(0.6);
        assertThat(modelAccuracy).isGreaterThan(0.6);
        assertThat(botPrecisionAtDefault).isGreaterThan(0.8);
    }

    /** Publishes the FAQ set in a new game and asks the bot about every message; returns precision at 0.75. */
    private double bot(List<Labeled> set, StringBuilder report) throws IOException {
        GameInfo game = workspace.game();
        Map<java.util.UUID, String> keyOf = new HashMap<>();
        for (String line : lines("assist/faq.tsv")) {
            String[] f = line.split("\t");
            keyOf.put(articles.publish(game, f[1], f[2], f[3]), f[0]);
        }
        long answerable = set.stream().filter(l -> !"-".equals(l.article())).count();
        report.append("## Bot first answer\n\n").append(keyOf.size()).append(" FAQ articles; ").append(answerable)
                .append(" of the messages have an article that answers them.\n\n")
                .append("| threshold | offered | right | precision | coverage of answerable |\n|---|---|---|---|---|\n");
        double atDefault = 0;
        for (double threshold : new double[] {0.5, 0.6, 0.75, 0.9}) {
            int offered = 0;
            int right = 0;
            for (Labeled l : set) {
                Optional<ArticleHit> hit = search.answer(game.id(), null, l.text(), threshold);
                if (hit.isPresent()) {
                    offered++;
                    right += keyOf.get(hit.get().id()).equals(l.article()) ? 1 : 0;
                }
            }
            double precision = offered == 0 ? 1 : (double) right / offered;
            if (threshold == 0.75) {
                atDefault = precision;
            }
            report.append(String.format(Locale.ROOT, "| %.2f | %d | %d | %.1f%% | %.1f%% |%n", threshold, offered,
                    right, precision * 100, 100.0 * right / answerable));
        }
        return atDefault;
    }

    private static double accuracy(List<Labeled> set, List<Classification> predicted) {
        long right = 0;
        for (int i = 0; i < set.size(); i++) {
            right += predicted.get(i).type() == set.get(i).type() ? 1 : 0;
        }
        return (double) right / set.size();
    }

    private static String perType(List<Labeled> set, List<Classification> predicted) {
        StringBuilder table = new StringBuilder("| type | messages | right | recall | precision |\n|---|---|---|---|---|\n");
        for (TicketType type : TicketType.values()) {
            int total = 0;
            int right = 0;
            int said = 0;
            for (int i = 0; i < set.size(); i++) {
                total += set.get(i).type() == type ? 1 : 0;
                said += predicted.get(i).type() == type ? 1 : 0;
                right += set.get(i).type() == type && predicted.get(i).type() == type ? 1 : 0;
            }
            if (total > 0) {
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% | %.0f%% |%n", type.code(), total,
                        right, 100.0 * right / total, said == 0 ? 0 : 100.0 * right / said));
            }
        }
        return table.toString();
    }

    private static String confusion(List<Labeled> set, List<Classification> predicted) {
        TicketType[] types = TicketType.values();
        StringBuilder table = new StringBuilder("Confusion matrix (rows: labeled, columns: suggested)\n\n| |");
        for (TicketType t : types) {
            table.append(' ').append(abbreviation(t)).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(types.length)).append('\n');
        for (TicketType row : types) {
            table.append("| ").append(row.code()).append(" |");
            for (TicketType column : types) {
                int n = 0;
                for (int i = 0; i < set.size(); i++) {
                    n += set.get(i).type() == row && predicted.get(i).type() == column ? 1 : 0;
                }
                table.append(' ').append(n == 0 ? "." : String.valueOf(n)).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String abbreviation(TicketType type) {
        String[] parts = type.code().split("_");
        return parts.length == 1 ? parts[0].substring(0, Math.min(5, parts[0].length()))
                : parts[0].charAt(0) + "_" + parts[1].substring(0, Math.min(4, parts[1].length()));
    }

    static List<Labeled> labeledSet() throws IOException {
        List<Labeled> set = new ArrayList<>();
        for (String line : lines("assist/labeled-messages.tsv")) {
            String[] f = line.split("\t");
            set.add(new Labeled(Coded.fromCode(TicketType.class, f[0]), Coded.fromCode(TicketPriority.class, f[1]),
                    "1".equals(f[2]), f[3], f[4]));
        }
        return set;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = AssistEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
