package org.playerdesk.system.placeholder;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a text's placeholders ({@code {nickname}}, {@code {player.server}}: a name in braces,
 * lower-case letters with at most one dot) from a map of values, in one pass: a value that itself
 * looks like a placeholder is written as it is, never filled in turn. A placeholder without a
 * value, or with a blank one, is left as written, so whoever reads the text sees what is missing.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+(?:\\.[a-z]+)?)}");

    private Placeholders() {
    }

    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(filled,
                    Matcher.quoteReplacement(value == null || value.isBlank() ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
