package org.playerdesk.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The passage of an article a hit shows: about {@code size} characters of its text (Markdown marks
 * dropped) around the first place where one of the query's words stands, every such word in
 * {@code <mark>}, the rest escaped. Done on the stored text with the words the analyzer cut from
 * the query (and its synonyms): a tenth of what a Lucene highlighter costs per query, which
 * re-analyses or walks the term vectors of every hit.
 */
final class Passage {

    private static final Pattern MARKUP = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)|[#*_`|~]+|(?m:^\\s*>+)");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Passage() {
    }

    static String of(String body, Collection<String> words, int size) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String plain = SPACE.matcher(MARKUP.matcher(body).replaceAll("$1")).replaceAll(" ").strip();
        String lower = plain.toLowerCase(Locale.ROOT);
        if (lower.length() != plain.length()) {
            // a few letters change length in lower case: positions would not line up, match exactly
            lower = plain;
        }
        List<int[]> found = new ArrayList<>();
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.isEmpty() || w.length() != word.length()) {
                continue;
            }
            for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + w.length())) {
                found.add(new int[] { at, at + w.length() });
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        int first = found.isEmpty() ? 0 : found.getFirst()[0];
        boolean whole = plain.length() <= size + size / 4;
        int from = whole ? 0 : Math.max(0, Math.min(first - size / 4, plain.length() - size));
        int to = whole ? plain.length() : from + size;
        StringBuilder html = new StringBuilder(size + 64);
        if (from > 0) {
            html.append('…');
        }
        int at = from;
        for (int[] match : found) {
            int start = Math.max(match[0], at);
            int end = Math.min(match[1], to);
            if (start >= end) {
                continue;
            }
            html.append(HtmlUtils.htmlEscape(plain.substring(at, start))).append("<mark>")
                    .append(HtmlUtils.htmlEscape(plain.substring(start, end))).append("</mark>");
            at = end;
        }
        html.append(HtmlUtils.htmlEscape(plain.substring(at, to)));
        if (to < plain.length()) {
            html.append('…');
        }
        return html.toString();
    }
}
