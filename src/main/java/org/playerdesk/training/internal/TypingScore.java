package org.playerdesk.training.internal;

import java.time.Duration;

/**
 * The typing test's score: the characters typed that match the text (the longest common
 * subsequence of the two, white space left out, so that one missed character does not make every
 * later one wrong), per minute between the start and the submission as the server saw them, and
 * the accuracy (matching characters of those typed, in percent).
 *
 * @param typed characters typed (without white space)
 * @param correct of those, the ones that match the text in order
 * @param perMinute correct characters per minute
 * @param accuracy correct of typed, in whole percent (0 when nothing was typed)
 */
record TypingScore(int typed, int correct, int perMinute, int accuracy) {

    static TypingScore of(String text, String typed, Duration elapsed) {
        int[] expected = withoutSpace(text);
        int[] given = withoutSpace(typed == null ? "" : typed);
        int correct = commonSubsequence(expected, given);
        // at least one second: a submission in the same instant as the start measures nothing
        long millis = Math.max(1000, elapsed.toMillis());
        int perMinute = (int) (correct * 60_000L / millis);
        int accuracy = given.length == 0 ? 0 : (int) (correct * 100L / given.length);
        return new TypingScore(given.length, correct, perMinute, accuracy);
    }

    private static int[] withoutSpace(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
    }

    /** The length of the longest common subsequence, in two rows of memory. */
    static int commonSubsequence(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
