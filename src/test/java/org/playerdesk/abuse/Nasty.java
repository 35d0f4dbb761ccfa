package org.playerdesk.abuse;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

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

    private Nasty() {
    }

    /** Any text, weighted towards the kinds that have broken servers before. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(INJECTIONS)),
                net.jqwik.api.Tuple.of(2, controls()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("\ud800", "\udfff", "a\ud83d", "\ude00b", "\ud83d\ude00",
                        "😀".repeat(40), "\u202etxt.exe", "\ufeffbom", "\u0000", "\u007f", "\u2028\u2029")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(60, 25_000).map("字"::repeat)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\t", "\n \r\n", "null", "0", "true")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().numeric().withChars("-_.@ ").ofMinLength(1)
                        .ofMaxLength(30)));
    }

    /** One or more control characters, maybe between ordinary words. */
    static Arbitrary<String> controls() {
        return Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f').ofMinLength(1)
                .ofMaxLength(4).map(c -> "before" + c + "after");
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
    static Arbitrary<String> jsonValue() {
        return Arbitraries.lazyOf(
                () -> text().map(Nasty::json),
                () -> Arbitraries.of("null", "true", "false", "0", "-1", "1e999", "1.5", "12345678901234567890123",
                        "[]", "{}", "\"\""),
                () -> Arbitraries.lazy(Nasty::jsonValue).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"),
                () -> Arbitraries.lazy(Nasty::jsonValue).list().ofMaxSize(3).map(l -> {
                    StringBuilder object = new StringBuilder("{");
                    for (int i = 0; i < l.size(); i++) {
                        object.append(i == 0 ? "" : ",").append(json("k" + i)).append(':').append(l.get(i));
                    }
                    return object.append('}').toString();
                }));
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
}
