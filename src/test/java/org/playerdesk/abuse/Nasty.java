package org.playerdesk.abuse;

import static org.playerdesk.abuse.HostileInputs.weight;

import java.util.List;
import java.util.function.Supplier;

/** Text a careless or hostile client sends: control characters, broken surrogates, markup, huge values. */
final class Nasty {

    static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(document.cookie)",
            "<svg/onload=alert(1)>",
            "'; drop table ticket; --",
            "${7*7}[[${7*7}]]",
            "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
            "{{constructor.constructor('alert(1)')()}}",
            "../../../../etc/passwd",
            "%00%0d%0aSet-Cookie: x=1");

    /** What only a server's internals would put on a page: an exception's name, a stack frame, Boot's fallback page. */
    static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern
            .compile("\\w+Exception\\b|\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\)|Whitelabel Error Page");

    /** Every ASCII character, controls included. */
    static final String ASCII = characters('\u0000', '\u007f');
    /** Letters, digits and the punctuation of account names and addresses. */
    static final String PLAIN = characters('a', 'z') + characters('A', 'Z') + characters('0', '9') + "-_.@ ";
    /** The C0 controls and DEL. */
    static final String CONTROLS = characters('\u0000', '\u001f') + '\u007f';

    private Nasty() {
    }

    /** Any text, weighted towards the kinds that have broken servers before. */
    static String text(HostileInputs random) {
        return random.frequency(
                weight(3, () -> random.anyCharacters(0, 40)),
                weight(3, () -> random.pickFrom(INJECTIONS)),
                weight(2, () -> controls(random)),
                weight(2, () -> random.pick("\ud800", "\udfff", "a\ud83d", "\ude00b", "\ud83d\ude00", "😀".repeat(40),
                        "\u202etxt.exe", "\ufeffbom", "\u0000", "\u007f", "\u2028\u2029")),
                weight(1, () -> "字".repeat(random.between(60, 25_000))),
                weight(1, () -> random.pick("", " ", "\t", "\n \r\n", "null", "0", "true")),
                weight(2, () -> random.string(1, 30, PLAIN)));
    }

    /** One or more control characters, maybe between ordinary words. */
    static String controls(HostileInputs random) {
        return "before" + random.string(1, 4, CONTROLS) + "after";
    }

    /**
     * A JSON string literal for any Java string: quotes, backslashes, controls and every surrogate
     * are written as escapes, so that broken surrogates survive into the parsed value.
     */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Any JSON value, of any type, nested a little. */
    static String jsonValue(HostileInputs random) {
        return jsonValue(random, 0);
    }

    private static String jsonValue(HostileInputs random, int depth) {
        Supplier<String> text = () -> json(text(random));
        Supplier<String> literal = () -> random.pick("null", "true", "false", "0", "-1", "1e999", "1.5",
                "12345678901234567890123", "[]", "{}", "\"\"");
        if (depth >= 4) {
            return random.oneOf(text, literal);
        }
        return random.oneOf(text, literal,
                () -> "[" + String.join(",", random.listOf(0, 3, () -> jsonValue(random, depth + 1))) + "]",
                () -> {
                    List<String> values = random.listOf(0, 3, () -> jsonValue(random, depth + 1));
                    StringBuilder object = new StringBuilder("{");
                    for (int i = 0; i < values.size(); i++) {
                        object.append(i == 0 ? "" : ",").append(json("k" + i)).append(':').append(values.get(i));
                    }
                    return object.append('}').toString();
                });
    }

    /** Whether stored text holds something no input path may let through. */
    static boolean hasForbiddenCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String characters(char first, char last) {
        StringBuilder characters = new StringBuilder();
        for (char c = first; c <= last; c++) {
            characters.append(c);
        }
        return characters.toString();
    }
}
