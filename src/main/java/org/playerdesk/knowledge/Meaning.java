package org.playerdesk.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

import org.playerdesk.knowledge.internal.ArticleVectors;

/**
 * Words and meaning together: the keyword search's ranking and the embedding model's nearest
 * articles fused by reciprocal rank (each list gives an article {@code weight / (K + rank)}, the
 * meaning three times the words: on the development questions the words alone found fewer, and
 * fused with a larger weight they pulled the right article out of the first three more often than
 * they brought it in), the reader's language a little ahead; and the chance that an article is the answer, estimated by a
 * logistic model over what the two searches say of it (its similarity, how far ahead of the other
 * articles of its language it is, the share of its title's words the question holds, whether each
 * search put it first, how near its nearest similar question is). The weights were fitted on the
 * training part of the labeled questions and checked on the development part (FaqEvaluationTest
 * reports them on the test part).
 */
final class Meaning {

    /** About what the models give two unrelated texts of a help center (cosine similarity). */
    static final double UNRELATED = 0.4;

    /** How many articles each search proposes. */
    static final int CANDIDATES = 20;
    static final double K = 2;
    static final double WORDS = 1.0;
    static final double MEANING = 3.0;
    static final double READERS_LANGUAGE = 0.02;

    /**
     * The logistic model's weights: bias, similarity, lead, title words, first by words, first by
     * meaning, nearest similar question (the similarity when the article has none). Fitted on the
     * training questions, each half searched with the other half as the articles' similar
     * questions (FaqEvaluationTest), so that no question is compared with itself.
     */
    static final double[] CHANCE = { -10.22, 10.71, 9.94, 0.14, 0.78, 0.18, 3.27 };

    record Candidate(UUID id, String locale, Audience audience, String title, String body, float score) {
    }

    /** {@code signs}: what the confidence was estimated from (see {@link #chance}), empty with words alone. */
    record Fused(UUID id, Audience audience, String title, String body, double score, double confidence,
            double[] signs) {
    }

    private static final class Merged {
        UUID id;
        String locale;
        Audience audience;
        String title;
        String body;
        int wordsRank = -1;
        int meaningRank = -1;
        double similarity = Double.NaN;
        double question = Double.NaN;
        double score;
    }

    private Meaning() {
    }

    /**
     * The articles of either list, best first. {@code coverage} gives the share of a title's words
     * the question holds. Without the meaning list, the confidence is that share (words alone);
     * with it, the game's answer model's probability of the article ({@code answers}), or where
     * that is NaN (no model, or an article it does not know) the logistic estimate over the signs.
     */
    static List<Fused> fuse(List<Candidate> byWords, List<ArticleVectors.Near> byMeaning, String locale,
            ToDoubleFunction<String> coverage, ToDoubleFunction<UUID> answers) {
        Map<UUID, Merged> merged = new LinkedHashMap<>();
        for (int rank = 0; rank < byWords.size(); rank++) {
            Candidate c = byWords.get(rank);
            Merged m = merged.computeIfAbsent(c.id(), id -> new Merged());
            m.id = c.id();
            m.locale = c.locale();
            m.audience = c.audience();
            m.title = c.title();
            m.body = c.body();
            m.wordsRank = rank;
            m.score += WORDS / (K + rank + 1);
        }
        for (int rank = 0; rank < byMeaning.size(); rank++) {
            ArticleVectors.Near near = byMeaning.get(rank);
            ArticleVectors.Entry e = near.entry();
            Merged m = merged.computeIfAbsent(e.articleId(), id -> new Merged());
            if (m.id == null) {
                m.id = e.articleId();
                m.audience = Audience.of(e.audience());
                m.title = e.title();
                m.body = e.lead();
            }
            m.locale = e.locale();
            m.meaningRank = rank;
            m.similarity = near.similarity();
            m.question = near.question();
            m.score += MEANING / (K + rank + 1);
        }
        for (Merged m : merged.values()) {
            if (locale != null && locale.equals(m.locale)) {
                m.score += READERS_LANGUAGE;
            }
        }
        List<Merged> ordered = new ArrayList<>(merged.values());
        ordered.sort(Comparator.comparingDouble((Merged m) -> m.score).reversed());
        List<Fused> fused = new ArrayList<>(ordered.size());
        boolean withMeaning = !byMeaning.isEmpty();
        double lowest = withMeaning ? Math.min(UNRELATED, byMeaning.get(byMeaning.size() - 1).similarity()) : 0;
        for (Merged m : ordered) {
            double titleWords = coverage.applyAsDouble(m.title);
            double confidence = titleWords;
            double[] signs = {};
            if (withMeaning) {
                double similarity = Double.isNaN(m.similarity) ? lowest : m.similarity;
                signs = new double[] { similarity, similarity - bestOther(byMeaning, m), titleWords,
                        m.wordsRank == 0 ? 1 : 0, m.meaningRank == 0 ? 1 : 0,
                        Double.isNaN(m.question) ? similarity : m.question };
                double learned = answers.applyAsDouble(m.id);
                confidence = Double.isNaN(learned) ? chance(signs) : learned;
            }
            fused.add(new Fused(m.id, m.audience, m.title, m.body == null ? "" : m.body, m.score, confidence, signs));
        }
        return fused;
    }

    /** The logistic model's estimate that an article with these signs is the answer. */
    static double chance(double[] signs) {
        double z = CHANCE[0];
        for (int i = 0; i < signs.length; i++) {
            z += CHANCE[i + 1] * signs[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The similarity of the nearest other article in the same language (its translations are not
     * rivals); with none (a help center of one article per language), what an unrelated text
     * scores, so that the lead says how far the article is from meaning nothing in particular.
     */
    private static double bestOther(List<ArticleVectors.Near> byMeaning, Merged m) {
        for (ArticleVectors.Near near : byMeaning) {
            if (!near.entry().articleId().equals(m.id) && Objects.equals(near.entry().locale(), m.locale)) {
                return near.similarity();
            }
        }
        return UNRELATED;
    }
}
