package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import org.playerdesk.embedding.CompactVectors;
import org.playerdesk.embedding.Softmax;

/**
 * Which of a game's public articles answers a question, learned from what the game's editors
 * wrote: each article's own vector, its title's and each of its sentences' ({@link #parts}), and its
 * similar questions' are labeled examples of it, and a
 * softmax regression over the vectors tells how likely each answer is. An article and its
 * translation are one answer (their examples teach the same class): a Chinese question is as
 * likely answered by the English version of the right article as by the Chinese one. The bot's
 * confidence is this probability, a precision by construction, where the fused search's was a
 * logistic guess over a few signs.
 *
 * <p>Chosen on the development questions (see docs/knowledge.md, "Evaluation of the search and the
 * bot"): at 40 % of the answerable questions answered, the earlier confidence was right 84.8 % of
 * the time, this one 91.8 %; one class per article (translations apart) 81.2 %, with each
 * article's translations added back 84.8 %; the words of the texts as features too, no better.
 *
 * <p>Translations are found, not declared: two articles of different languages are one answer when
 * each is the other's nearest article in that language and their similarity is at least
 * {@link #PAIRED} (on the evaluation's 35 topics, 34 of the 35 pairs were found and none wrong; the
 * one missed stays two answers, which only lowers the confidence).
 *
 * <p>The title and the sentences teach what an article answers before anyone has written its similar
 * questions, and beside them. Measured on the development questions as the share answered at 90 %
 * precision: with all the similar questions 45.7 → 56.4 %, with a quarter of them (about three a
 * topic, as the demo has) 26.4 → 45.7 %, with none 22.1 → 34.3 %.
 */
final class AnswerModel {

    /**
     * Trained for help centers of at most this many public articles: training takes seconds for
     * a bot's usual few dozen topics and grows with the square of their number. A larger one
     * keeps the fused search's confidence.
     */
    static final int MAX_ARTICLES = 240;
    /** Two articles of different languages closer than this may be translations of each other. */
    static final double PAIRED = 0.6;
    static final Softmax.Settings SETTINGS = new Softmax.Settings(1e-2, 0, 250, 0.05);
    /** The most parts (the title and the first sentences) taken from one article. */
    static final int MAX_PARTS = 12;
    /**
     * The most parts a model trains on: each article's first part (its title), then each one's
     * second, and so on. Training takes time in proportion to its examples: for 240 articles with
     * three similar questions each, 49 s of one core without parts, 216 s with twelve parts each,
     * 104 s within this budget (measured on random vectors). The evaluation's 70 articles have 262 parts.
     */
    static final int PARTS_BUDGET = 1_000;
    /** A shorter part (a list's number, "ok") says too little; 订单号 says enough. */
    static final int PART_MIN = 3;
    /** Where a sentence ends: Chinese punctuation, Latin punctuation before a space, a line break. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？；])|(?<=[.!?;])\\s+|\\n+");
    /** Markdown's marks at the start of a line (heading, list, quote) and around words. */
    private static final Pattern MARKS = Pattern.compile("^\\s*(#+|[-*+>]|\\d+[.)、])\\s*|\\*\\*|__|`");

    private final Softmax softmax;
    /** Each article's answer: its class in the regression. */
    private final Map<UUID, Integer> answerOf;

    private AnswerModel(Softmax softmax, Map<UUID, Integer> answerOf) {
        this.softmax = softmax;
        this.answerOf = answerOf;
    }

    /** What an example's vector was made from. */
    enum Kind {
        /** the article's title and body together: the vector the search compares */
        ARTICLE,
        /** one of its similar questions */
        QUESTION,
        /** its title alone or one of its sentences ({@link #parts}) */
        PART
    }

    /** One labeled example of an article. */
    record Example(UUID articleId, String locale, Kind kind, float[] vector) {
    }

    /**
     * The texts whose vectors are an article's parts: its title, then its body's sentences in order
     * without Markdown's marks, at most {@link #MAX_PARTS} in all.
     */
    static List<String> parts(String title, String body) {
        List<String> parts = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            parts.add(title.strip());
        }
        for (String sentence : SENTENCE_END.split(body == null ? "" : body)) {
            String text = MARKS.matcher(sentence).replaceAll("").strip();
            if (parts.size() >= MAX_PARTS) {
                break;
            }
            if (text.length() >= PART_MIN) {
                parts.add(text);
            }
        }
        return parts;
    }

    /**
     * The model of these examples, or null when there is nothing to choose between (fewer than
     * two answers) or too many articles to train in the background.
     */
    static AnswerModel train(List<Example> examples) {
        List<Example> articles = examples.stream().filter(e -> e.kind() == Kind.ARTICLE).toList();
        if (articles.size() > MAX_ARTICLES) {
            return null;
        }
        examples = withinBudget(examples);
        Map<UUID, Integer> answerOf = answers(articles);
        long distinct = answerOf.values().stream().distinct().count();
        if (distinct < 2) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            labels.add(Integer.toString(i));
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Example e : examples) {
            Integer answer = answerOf.get(e.articleId());
            if (answer != null) {
                rows.add(doubles(e.vector()));
                classes.add(answer);
            }
        }
        double[] weights = new double[rows.size()];
        Arrays.fill(weights, 1);
        Softmax softmax = Softmax.train(labels, rows.toArray(double[][]::new),
                classes.stream().mapToInt(Integer::intValue).toArray(), weights, SETTINGS);
        return new AnswerModel(softmax, Map.copyOf(answerOf));
    }

    /**
     * The examples with at most {@link #PARTS_BUDGET} parts: each article's parts in their order,
     * taken a rank at a time across the articles (every title before any second part).
     */
    static List<Example> withinBudget(List<Example> examples) {
        if (examples.stream().filter(e -> e.kind() == Kind.PART).count() <= PARTS_BUDGET) {
            return examples;
        }
        Map<UUID, Integer> seen = new HashMap<>();
        int[] rank = new int[examples.size()];
        List<Integer> parts = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            rank[i] = e.kind() == Kind.PART ? seen.merge(e.articleId(), 1, Integer::sum) - 1 : -1;
            if (rank[i] >= 0) {
                parts.add(i);
            }
        }
        parts.sort(Comparator.comparingInt(i -> rank[i])); // stable: the articles' order within a rank
        boolean[] kept = new boolean[examples.size()];
        parts.subList(0, PARTS_BUDGET).forEach(i -> kept[i] = true);
        List<Example> within = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (rank[i] < 0 || kept[i]) {
                within.add(examples.get(i));
            }
        }
        return within;
    }

    /**
     * Each article's answer, numbered from 0: an article and its translations (mutually nearest
     * across two languages, at least {@link #PAIRED} alike) share one.
     */
    static Map<UUID, Integer> answers(List<Example> articles) {
        int n = articles.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        CompactVectors vectors = CompactVectors.of(articles.stream().map(Example::vector).toList(),
                n == 0 ? 1 : articles.getFirst().vector().length);
        float[][] similarity = new float[n][n];
        for (int i = 0; i < n; i++) {
            vectors.dots(articles.get(i).vector(), similarity[i]);
        }
        List<String> locales = articles.stream().map(Example::locale).filter(Objects::nonNull).distinct().toList();
        for (String from : locales) {
            for (String to : locales) {
                if (from.compareTo(to) >= 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    if (!from.equals(articles.get(i).locale())) {
                        continue;
                    }
                    int j = nearest(articles, similarity[i], to);
                    if (j >= 0 && nearest(articles, similarity[j], from) == i && similarity[i][j] >= PAIRED) {
                        parent[find(parent, i)] = find(parent, j);
                    }
                }
            }
        }
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Map<UUID, Integer> answerOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            Integer number = numbers.computeIfAbsent(root, r -> numbers.size());
            answerOf.put(articles.get(i).articleId(), number);
        }
        return answerOf;
    }

    private static int nearest(List<Example> articles, float[] similarities, String locale) {
        int best = -1;
        for (int j = 0; j < articles.size(); j++) {
            if (locale.equals(articles.get(j).locale()) && (best < 0 || similarities[j] > similarities[best])) {
                best = j;
            }
        }
        return best;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * For each article, the probability that it (or its translation) answers the question; NaN
     * for an article the model does not know. The regression runs once per question.
     */
    ToDoubleFunction<UUID> chances(float[] question) {
        double[] p = softmax.probabilities(doubles(question));
        return articleId -> {
            Integer answer = answerOf.get(articleId);
            return answer == null ? Double.NaN : p[answer];
        };
    }

    private static double[] doubles(float[] vector) {
        double[] x = new double[vector.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = vector[i];
        }
        return x;
    }

    /** How many answers it tells apart. */
    int answers() {
        return softmax.labels().size();
    }
}
