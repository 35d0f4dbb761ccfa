package org.playerdesk.training.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A question of an exam's bank, in English and Chinese. {@code answer}: the correct options'
 * numbers from 1, comma-separated (one for a single choice), {@code true} or {@code false}, or
 * null for a short answer, which a lead scores.
 */
record Question(UUID id, UUID examId, QuestionKind kind, String promptEn, String promptZh, List<String> optionsEn,
        List<String> optionsZh, String answer, int points) {

    String prompt(Locale locale) {
        return chinese(locale) ? promptZh : promptEn;
    }

    List<String> options(Locale locale) {
        return chinese(locale) ? optionsZh : optionsEn;
    }

    /** The points an answer earns, or null when a lead must score it (a short answer). All or nothing. */
    Integer score(String given) {
        if (kind == QuestionKind.SHORT) {
            return null;
        }
        return answer.equals(normalized(kind, given)) ? points : 0;
    }

    /** An answer as it is kept and compared: option numbers sorted and comma-separated, or true/false. */
    static String normalized(QuestionKind kind, String given) {
        if (given == null || given.isBlank()) {
            return "";
        }
        return switch (kind) {
            case SHORT -> given.strip();
            case TRUE_FALSE -> "true".equalsIgnoreCase(given.strip()) ? "true" : "false";
            case SINGLE, MULTIPLE -> numbers(given);
        };
    }

    private static String numbers(String given) {
        Set<Integer> numbers = new TreeSet<>();
        for (String part : given.split(",")) {
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException notANumber) {
                return "";
            }
        }
        return String.join(",", numbers.stream().map(String::valueOf).toList());
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
