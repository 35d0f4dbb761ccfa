package org.playerdesk.assist.internal;

import java.util.List;

/**
 * Words and phrases looked for in a lower-cased text, the one way the rules and the mood cues
 * count them: a Latin one (ASCII with a letter) only as a whole word ("ban" is not in "banana",
 * "ass" not in "pass"), any other (Chinese) anywhere. Plain searches, no regular expression: it runs
 * over every keyword of every list for each new ticket.
 */
final class Keywords {

    private Keywords() {
    }

    /** How many of the words occur in {@code lower}. */
    static int count(String lower, List<String> words) {
        int count = 0;
        for (String word : words) {
            if (occurs(lower, word)) {
                count++;
            }
        }
        return count;
    }

    static boolean occurs(String lower, String word) {
        int at = lower.indexOf(word);
        if (at < 0 || !wholeWordOnly(word)) {
            return at >= 0;
        }
        while (at >= 0) {
            int end = at + word.length();
            if ((at == 0 || !latinLetter(lower.charAt(at - 1)))
                    && (end == lower.length() || !latinLetter(lower.charAt(end)))) {
                return true;
            }
            at = lower.indexOf(word, at + 1);
        }
        return false;
    }

    private static boolean wholeWordOnly(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 128) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static boolean latinLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
