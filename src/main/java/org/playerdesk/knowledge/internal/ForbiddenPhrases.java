package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a reply against a game's forbidden phrases (服务忌语). A phrase written as {@code =不知道}
 * is forbidden only bare: as the whole reply or a whole sentence of it ("不知道。"), not inside a
 * longer sentence ("您不知道密码的话..."). The reply box runs the same rule in the browser.
 */
final class ForbiddenPhrases {

    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?.\\n；;…]+");
    private static final Pattern TRIM = Pattern.compile("^[\\s，,、~～]+|[\\s，,、~～]+$");

    private ForbiddenPhrases() {
    }

    /** The forbidden phrases the reply contains, in the list's order. */
    static List<String> found(String reply, List<ForbiddenPhrase> phrases) {
        List<String> found = new ArrayList<>();
        if (reply == null || reply.isBlank()) {
            return found;
        }
        String text = reply.toLowerCase(Locale.ROOT);
        List<String> sentences = SENTENCE_END.splitAsStream(text).map(s -> TRIM.matcher(s).replaceAll(""))
                .filter(s -> !s.isEmpty()).toList();
        for (ForbiddenPhrase phrase : phrases) {
            String wanted = phrase.phrase().toLowerCase(Locale.ROOT);
            boolean hit = phrase.bare() ? sentences.contains(wanted) : text.contains(wanted);
            if (hit) {
                found.add(phrase.phrase());
            }
        }
        return found;
    }
}
