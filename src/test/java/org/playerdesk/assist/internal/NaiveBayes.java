package org.playerdesk.assist.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classifier before the embedding model (for the evaluation's before/after): a multinomial naive Bayes classifier over the words of a text (each word counted once per
 * text), with add-one smoothing. Immutable once trained, so one model can serve many threads.
 */
final class NaiveBayes {

    record Example(Set<String> words, String label) {
    }

    record Prediction(String label, double probability) {
    }

    private final Map<String, Integer> texts = new HashMap<>();
    private final Map<String, Map<String, Integer>> wordCounts = new HashMap<>();
    private final Map<String, Integer> wordTotals = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final int size;

    NaiveBayes(List<Example> examples) {
        for (Example example : examples) {
            texts.merge(example.label(), 1, Integer::sum);
            Map<String, Integer> counts = wordCounts.computeIfAbsent(example.label(), l -> new HashMap<>());
            for (String word : example.words()) {
                counts.merge(word, 1, Integer::sum);
                wordTotals.merge(example.label(), 1, Integer::sum);
                vocabulary.add(word);
            }
        }
        this.size = examples.size();
    }

    int size() {
        return size;
    }

    Set<String> labels() {
        return texts.keySet();
    }

    /** The most likely label and its posterior probability (the scores normalised over all labels). */
    Prediction predict(Set<String> words) {
        Map<String, Double> logScores = new HashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (String label : texts.keySet()) {
            double score = Math.log((double) texts.get(label) / size);
            Map<String, Integer> counts = wordCounts.get(label);
            double denominator = wordTotals.getOrDefault(label, 0) + vocabulary.size() + 1.0;
            for (String word : words) {
                if (vocabulary.contains(word)) {
                    score += Math.log((counts.getOrDefault(word, 0) + 1.0) / denominator);
                }
            }
            logScores.put(label, score);
            max = Math.max(max, score);
        }
        double sum = 0;
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> entry : logScores.entrySet()) {
            sum += Math.exp(entry.getValue() - max);
            if (entry.getValue() > bestScore) {
                bestScore = entry.getValue();
                best = entry.getKey();
            }
        }
        return new Prediction(best, best == null ? 0 : Math.exp(bestScore - max) / sum);
    }
}
