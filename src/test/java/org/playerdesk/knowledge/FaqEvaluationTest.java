package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.ArticleVectors;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * How well the help center and the bot find the article that answers a player's question, on
 * questions written apart from the articles ({@code assist/eval/faq-*.tsv}: the training part
 * fits the bot's confidence, the development part chose the fusion's weights, the test part is
 * reported and held to floors). Three help centers: articles in both languages, in Chinese only
 * (English questions must still find them), in English only (and the reverse). Words alone (the
 * keyword search, as before the model) and words with meaning are both measured in the same run.
 * Writes {@code target/evaluation/faq.md}. Run alone: {@code ./mvnw test -Dtest=FaqEvaluationTest}.
 */
// meaning for search only: the classifier's seed set is not trained, which would take both cores
// for a minute in the background, under the feet of the test classes that run next
@SpringBootTest(properties = { "playerdesk.knowledge.vectors.interval=1h", "playerdesk.embedding.enabled=true",
        "playerdesk.assist.classifier-model=false" })
@Import({ TestWorkspace.class, KnowledgeTestArticles.class })
// what it measures is the ranking and the answer model, whose figures are the same on either
// database: run once (the PostgreSQL run leaves it out), as the search tests run the queries
@Tag("evaluation")
class FaqEvaluationTest {

    record Question(String article, String lang, String text) {

        boolean answerable() {
            return !"-".equals(article);
        }

        String locale() {
            return "en".equals(lang) ? "en" : "zh-CN";
        }
    }

    record Centre(String name, GameInfo game, Map<UUID, String> keyOf, Map<UUID, String> localeOf) {
    }

    record Figures(int questions, int top1, int top3) {

        double top1Rate() {
            return questions == 0 ? 0 : (double) top1 / questions;
        }

        double top3Rate() {
            return questions == 0 ? 0 : (double) top3 / questions;
        }
    }

    /** The bot's first pick for a question, with its estimated chance of being right. */
    record Pick(Question question, boolean right, double confidence, double[] signs) {
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ArticleSearch search;
    @Autowired
    ArticleVectors vectors;
    @Autowired
    TextEmbeddings embeddings;
    @Autowired
    SimilarQuestions similarQuestions;

    @Test
    void findsTheAnsweringArticleInEitherLanguageAndTheBotsConfidenceMeansAPrecision() throws IOException {
        List<String[]> faq = lines("assist/faq.tsv").stream().map(l -> l.split("\t")).toList();
        List<String> firstTopics = faq.stream().map(f -> f[0]).distinct().limit(9).toList();
        List<Centre> centres = List.of(centre("both languages", faq, l -> true),
                centre("Chinese articles only", faq, "zh-CN"::equals), centre("English articles only", faq, "en"::equals),
                centre("9 topics, both languages", faq.stream().filter(f -> firstTopics.contains(f[0])).toList(),
                        l -> true));
        List<Question> train = questions("assist/eval/faq-train.tsv");
        List<Question> dev = questions("assist/eval/faq-dev.tsv");
        List<Question> test = questions("assist/eval/faq-test.tsv");

        StringBuilder report = new StringBuilder("# Help-center search and bot evaluation\n\n");
        report.append(String.format(Locale.ROOT,
                "%d articles (%d topics, each in Chinese and English); questions: %d training, %d development, %d test"
                        + " (of which %d answerable).%n%n",
                faq.size(), faq.stream().map(f -> f[0]).distinct().count(), train.size(), dev.size(), test.size(),
                test.stream().filter(Question::answerable).count()));

        Map<String, Figures> wordsAlone = new LinkedHashMap<>();
        for (Centre centre : centres) {
            figures(centre, test, wordsAlone, "words alone");
        }
        List<Pick> wordsPicks = picks(centres.get(0), test);

        // the training questions become the articles' similar questions, as an editor would write them
        for (Centre centre : centres) {
            attach(centre, train);
        }
        await().atMost(Duration.ofMinutes(2)).until(embeddings::ready);
        assertThat(vectors.refresh()).isGreaterThanOrEqualTo(faq.size());
        awaitAnswerModels(centres);

        Map<String, Figures> withMeaning = new LinkedHashMap<>();
        for (Centre centre : centres) {
            figures(centre, test, withMeaning, "words and meaning");
            figures(centre, dev, new LinkedHashMap<>(), "dev");
        }
        report.append("## Top-1 and top-3 hit rates (test part; the reader's language is the question's)\n\n")
                .append("| help center | questions | words alone top-1 / top-3 | words and meaning top-1 / top-3 |\n")
                .append("|---|---|---|---|\n");
        withMeaning.forEach((key, after) -> {
            Figures before = wordsAlone.get(key);
            report.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% / %.1f%% | %.1f%% / %.1f%% |%n", key,
                    after.questions(), before.top1Rate() * 100, before.top3Rate() * 100, after.top1Rate() * 100,
                    after.top3Rate() * 100));
        });

        // the bot's confidence: fitted on the training questions, each half searched with the other half as
        // similar questions (a question is never its own), and on the development part; measured on the test part
        double[] fitted = fit(crossFitted(centres.get(0), train));
        awaitAnswerModels(centres);
        report.append("\n## The bot's confidence\n\nLogistic weights fitted on the training part (each half with the"
                + " other as similar questions; bias, similarity, lead, title words, first by words, first by meaning,"
                + " nearest similar question): ");
        for (double w : fitted) {
            report.append(String.format(Locale.ROOT, "%.2f ", w));
        }
        report.append("\n\nIn use: ");
        for (double w : Meaning.CHANCE) {
            report.append(String.format(Locale.ROOT, "%.2f ", w));
        }
        report.append("\n\n");
        long devAnswerable = dev.stream().filter(Question::answerable).count();
        List<Pick> devPicks = picks(centres.get(0), dev);
        List<Pick> devFused = fusedPicks(centres.get(0), dev);
        report.append("Development part (where the default threshold was chosen):\n\n| threshold | the fused search's"
                + " confidence: offered, precision, answered | the answer model's: offered, precision, answered |\n"
                + "|---|---|---|\n");
        for (double threshold : new double[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 }) {
            double[] before = bot(devFused, threshold, devAnswerable);
            double[] d = bot(devPicks, threshold, devAnswerable);
            report.append(String.format(Locale.ROOT, "| %.2f | %.0f, %.1f%%, %.1f%% | %.0f, %.1f%%, %.1f%% |%n", threshold,
                    before[0], before[1] * 100, before[2] * 100, d[0], d[1] * 100, d[2] * 100));
        }
        report.append("\nTest part:\n\n");
        List<Pick> testPicks = picks(centres.get(0), test);
        List<Pick> testFused = fusedPicks(centres.get(0), test);
        long answerable = test.stream().filter(Question::answerable).count();
        report.append("| threshold | words alone: offered, precision, answered | words and meaning, the fused search's"
                + " confidence | words and meaning, the answer model's |\n|---|---|---|---|\n");
        Map<Double, double[]> bot = new HashMap<>();
        for (double threshold : new double[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 }) {
            double[] before = bot(wordsPicks, threshold, answerable);
            double[] fused = bot(testFused, threshold, answerable);
            double[] after = bot(testPicks, threshold, answerable);
            bot.put(threshold, after);
            report.append(String.format(Locale.ROOT,
                    "| %.2f | %.0f, %.1f%%, %.1f%% | %.0f, %.1f%%, %.1f%% | %.0f, %.1f%%, %.1f%% |%n", threshold,
                    before[0], before[1] * 100, before[2] * 100, fused[0], fused[1] * 100, fused[2] * 100, after[0],
                    after[1] * 100, after[2] * 100));
        }
        report.append("\n(answered: offered and right, of the answerable questions; an offer on a question no article"
                + " answers is wrong.)\n");

        // a new help center has few similar questions or none: every fourth training question (about three a
        // topic, as the demo's articles have), then none
        report.append("\nWith fewer similar questions, as a new help center has (both languages, the answer model, the"
                + " default threshold 0.9):\n\n| similar questions | development: offered, precision, answered | test |\n"
                + "|---|---|---|\n");
        Map<Integer, double[]> fewer = new HashMap<>();
        for (int every : new int[] { 4, 0 }) {
            List<Question> some = new ArrayList<>();
            for (int i = 0; every > 0 && i < train.size(); i += every) {
                some.add(train.get(i));
            }
            attach(centres.get(0), some);
            vectors.refresh();
            vectors.forget();
            awaitAnswerModels(List.of(centres.get(0)));
            double[] d = bot(picks(centres.get(0), dev), 0.9, devAnswerable);
            double[] t = bot(picks(centres.get(0), test), 0.9, answerable);
            fewer.put(every, t);
            report.append(String.format(Locale.ROOT, "| %s | %.0f, %.1f%%, %.1f%% | %.0f, %.1f%%, %.1f%% |%n",
                    every == 0 ? "none" : "every " + every + "th training question (" + some.size() + ")", d[0],
                    d[1] * 100, d[2] * 100, t[0], t[1] * 100, t[2] * 100));
        }

        Path out = Path.of("target", "evaluation", "faq.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        // the weights in use are the ones fitted here (copied from the report): a sign added or dropped, or a change
        // to the articles or questions that moves a weight by half a unit, fails until Meaning.CHANCE says the same.
        // Not closer: the fit moves a little from run to run (once by 0.07 on two weights, run after
        // SimilarQuestionsTest in the same application), with what else its search index holds at the time
        assertThat(Meaning.CHANCE).as("Meaning.CHANCE against the weights fitted in " + out).containsExactly(fitted,
                org.assertj.core.data.Offset.offset(0.5));

        // floors a little under the figures of the test part (docs/knowledge.md, "Evaluation")
        Figures both = withMeaning.get("both languages, all");
        assertThat(both.top3Rate()).as("top-3, both languages").isGreaterThanOrEqualTo(0.90);
        assertThat(both.top1Rate()).as("top-1, both languages").isGreaterThanOrEqualTo(0.72);
        assertThat(withMeaning.get("Chinese articles only, en").top3Rate()).as("English questions, Chinese articles")
                .isGreaterThanOrEqualTo(0.88);
        assertThat(withMeaning.get("English articles only, zh").top3Rate()).as("Chinese questions, English articles")
                .isGreaterThanOrEqualTo(0.86);
        assertThat(bot.get(0.9)[1]).as("bot precision at the default threshold").isGreaterThanOrEqualTo(0.94);
        assertThat(bot.get(0.9)[2]).as("answerable questions the bot answers at its default").isGreaterThanOrEqualTo(0.37);
        assertThat(fewer.get(4)[1]).as("bot precision, a quarter of the similar questions").isGreaterThanOrEqualTo(0.9);
        assertThat(fewer.get(4)[2]).as("answered, a quarter of the similar questions").isGreaterThanOrEqualTo(0.22);
        assertThat(fewer.get(0)[1]).as("bot precision, no similar questions").isGreaterThanOrEqualTo(0.9);
        assertThat(fewer.get(0)[2]).as("answered, no similar questions").isGreaterThanOrEqualTo(0.19);
        assertThat(both.top3Rate()).as("better than words alone")
                .isGreaterThan(wordsAlone.get("both languages, all").top3Rate());
    }

    private Centre centre(String name, List<String[]> faq, Predicate<String> locales) {
        GameInfo game = workspace.game();
        Map<UUID, String> keyOf = new HashMap<>();
        Map<UUID, String> localeOf = new HashMap<>();
        for (String[] f : faq) {
            if (locales.test(f[1])) {
                UUID id = articles.publish(game, f[1], f[2], f[3]);
                keyOf.put(id, f[0]);
                localeOf.put(id, f[1]);
            }
        }
        return new Centre(name, game, keyOf, localeOf);
    }

    private void figures(Centre centre, List<Question> questions, Map<String, Figures> into, String label) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!q.answerable() || !centre.keyOf().containsValue(q.article())) {
                continue;
            }
            List<ArticleHit> hits = search.search(centre.game().id(), q.locale(), q.text(), false, 3);
            boolean first = !hits.isEmpty() && q.article().equals(centre.keyOf().get(hits.get(0).id()));
            boolean three = hits.stream().anyMatch(h -> q.article().equals(centre.keyOf().get(h.id())));
            for (String key : List.of(centre.name() + ", all", centre.name() + ", " + q.lang())) {
                int[] c = counts.computeIfAbsent(key, k -> new int[3]);
                c[0]++;
                c[1] += first ? 1 : 0;
                c[2] += three ? 1 : 0;
            }
        }
        counts.forEach((key, c) -> into.put(key, new Figures(c[0], c[1], c[2])));
        if ("dev".equals(label)) {
            counts.forEach((key, c) -> System.out.printf(Locale.ROOT, "dev %s: top-1 %.1f%% top-3 %.1f%%%n", key,
                    100.0 * c[1] / c[0], 100.0 * c[2] / c[0]));
        }
    }

    /**
     * The bot's pick for each question, as {@link ArticleSearch#answer} makes it: of the first five
     * articles, the one of the highest confidence.
     */
    private List<Pick> picks(Centre centre, List<Question> questions) {
        List<Pick> picks = new ArrayList<>();
        for (Question q : questions) {
            List<Meaning.Fused> fused = search.find(centre.game().id(), null, q.text(), false, 5, false).fused();
            Meaning.Fused best = fused.stream().limit(5).max(java.util.Comparator.comparingDouble(Meaning.Fused::confidence))
                    .orElse(null);
            picks.add(best == null ? new Pick(q, false, 0, new double[0])
                    : new Pick(q, q.article().equals(centre.keyOf().get(best.id())), best.confidence(), best.signs()));
        }
        return picks;
    }

    /**
     * The first article for each question with the fused search's own confidence (the logistic
     * guess over its signs, {@link Meaning#chance}), as the bot picked before the answer model.
     */
    private List<Pick> fusedPicks(Centre centre, List<Question> questions) {
        List<Pick> picks = new ArrayList<>();
        for (Question q : questions) {
            List<Meaning.Fused> fused = search.find(centre.game().id(), null, q.text(), false, 1, false).fused();
            if (fused.isEmpty()) {
                picks.add(new Pick(q, false, 0, new double[0]));
            } else {
                Meaning.Fused first = fused.get(0);
                double confidence = first.signs().length == 0 ? first.confidence() : Meaning.chance(first.signs());
                picks.add(new Pick(q, q.article().equals(centre.keyOf().get(first.id())), confidence, first.signs()));
            }
        }
        return picks;
    }

    /** Waits until every centre's answer model is trained for its current articles and similar questions. */
    private void awaitAnswerModels(List<Centre> centres) {
        for (Centre centre : centres) {
            await().atMost(Duration.ofMinutes(3)).until(() -> vectors.answersReady(centre.game().id()));
        }
    }

    /**
     * The bot's picks for the training questions, each half searched while only the other half
     * are the articles' similar questions; all of them are attached again afterwards.
     */
    private List<Pick> crossFitted(Centre centre, List<Question> train) {
        List<Question> even = new ArrayList<>();
        List<Question> odd = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            (i % 2 == 0 ? even : odd).add(train.get(i));
        }
        List<Pick> picks = new ArrayList<>();
        attach(centre, even);
        vectors.refresh();
        vectors.forget();
        picks.addAll(fusedPicks(centre, odd));
        attach(centre, odd);
        vectors.refresh();
        vectors.forget();
        picks.addAll(fusedPicks(centre, even));
        attach(centre, train);
        vectors.refresh();
        vectors.forget();
        return picks;
    }

    /** Each training question becomes a similar question of the article that answers it, in its language where the help center has it. */
    private void attach(Centre centre, List<Question> questions) {
        Map<UUID, List<String>> byArticle = new HashMap<>();
        for (Question q : questions) {
            if (!q.answerable()) {
                continue;
            }
            UUID target = null;
            for (Map.Entry<UUID, String> e : centre.keyOf().entrySet()) {
                if (e.getValue().equals(q.article())
                        && (target == null || q.locale().equals(centre.localeOf().get(e.getKey())))) {
                    target = e.getKey();
                }
            }
            if (target != null) {
                byArticle.computeIfAbsent(target, id -> new ArrayList<>()).add(q.text());
            }
        }
        for (UUID id : centre.keyOf().keySet()) {
            similarQuestions.replace(id, centre.game().id(), byArticle.getOrDefault(id, List.of()));
        }
    }

    /** Offered, precision, and the share of answerable questions answered right. */
    private static double[] bot(List<Pick> picks, double threshold, long answerable) {
        int offered = 0;
        int right = 0;
        for (Pick p : picks) {
            if (p.confidence() >= threshold) {
                offered++;
                right += p.right() ? 1 : 0;
            }
        }
        return new double[] { offered, offered == 0 ? 1 : (double) right / offered, (double) right / answerable };
    }

    /** Logistic regression by Newton's method on the picks' signs (a little L2 against separation), bias first. */
    static double[] fit(List<Pick> picks) {
        List<Pick> usable = picks.stream().filter(p -> p.signs().length > 0).toList();
        if (usable.isEmpty()) {
            return new double[0];
        }
        int n = usable.get(0).signs().length + 1;
        double[] w = new double[n];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (Pick p : usable) {
                double[] x = new double[n];
                x[0] = 1;
                System.arraycopy(p.signs(), 0, x, 1, n - 1);
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += w[i] * x[i];
                }
                double q = 1 / (1 + Math.exp(-z));
                for (int i = 0; i < n; i++) {
                    gradient[i] += (q - (p.right() ? 1 : 0)) * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += q * (1 - q) * x[i] * x[j];
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                gradient[i] += 0.1 * w[i];
                hessian[i][i] += 0.1;
            }
            double[] step = solve(hessian, gradient);
            for (int i = 0; i < n; i++) {
                w[i] -= step[i];
            }
        }
        return w;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != c && m[c][c] != 0) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][i] == 0 ? 0 : m[i][n] / m[i][i];
        }
        return x;
    }

    private static List<Question> questions(String resource) throws IOException {
        return lines(resource).stream().map(l -> l.split("\t")).map(f -> new Question(f[0], f[1], f[2])).toList();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = FaqEvaluationTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }
}
