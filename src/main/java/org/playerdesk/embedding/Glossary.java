package org.playerdesk.embedding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Game support words in Chinese and English ({@code embedding/glossary.tsv}: 账号 = account, acc;
 * 氪 = pay; 闪退 = crash…), so that a question in one language meets an article in the other: the
 * {@linkplain #bridge bridge} of a text is the text followed by the other language's words for
 * the terms it contains. The keyword search adds them to its query; the embedding model reads
 * them with the text.
 */
public final class Glossary {

    private static final Pattern LATIN_WORD = Pattern.compile("[a-z0-9][a-z0-9'+-]*");
    private static volatile Glossary builtIn;

    /** Chinese term → its English words (the first is the one added to a Chinese text). */
    private final Map<String, List<String>> english = new TreeMap<>();
    /** English word or phrase (lower case, single spaces) → the Chinese term. */
    private final Map<String, String> chinese = new TreeMap<>();
    private final int longestPhrase;

    Glossary(List<String[]> rows) {
        int longest = 1;
        for (String[] row : rows) {
            String zh = row[0].strip();
            List<String> words = new ArrayList<>();
            for (String variant : row[1].split("\\|")) {
                String en = normalise(variant);
                if (!en.isEmpty()) {
                    words.add(en);
                    chinese.putIfAbsent(en, zh);
                    longest = Math.max(longest, en.split(" ").length);
                }
            }
            if (!zh.isEmpty() && !words.isEmpty()) {
                english.merge(zh, words, (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
            }
        }
        this.longestPhrase = longest;
    }

    /** The glossary shipped with PlayerDesk. */
    public static Glossary builtIn() {
        Glossary glossary = builtIn;
        if (glossary == null) {
            synchronized (Glossary.class) {
                glossary = builtIn;
                if (glossary == null) {
                    glossary = read(Glossary.class.getResourceAsStream("/embedding/glossary.tsv"));
                    builtIn = glossary;
                }
            }
        }
        return glossary;
    }

    /** A glossary of tab-separated lines {@code 中文<TAB>english|variant}; {@code #} starts a comment. */
    public static Glossary read(InputStream in) {
        List<String[]> rows = new ArrayList<>();
        if (in == null) {
            return new Glossary(rows);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length >= 2) {
                    rows.add(new String[] { cells[0], cells[1] });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Glossary(rows);
    }

    public int size() {
        return english.size();
    }

    /** The other language's words for the terms of a text, each once, in the order found. */
    public Set<String> counterparts(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        List<Map.Entry<Integer, String>> atPositions = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : english.entrySet()) {
            int at = text.indexOf(entry.getKey());
            if (at >= 0) {
                atPositions.add(Map.entry(at, entry.getValue().get(0)));
            }
        }
        List<Integer> starts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Matcher matcher = LATIN_WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            starts.add(matcher.start());
            words.add(matcher.group());
        }
        for (int start = 0; start < words.size(); start++) {
            StringBuilder phrase = new StringBuilder();
            for (int length = 1; length <= longestPhrase && start + length <= words.size(); length++) {
                if (length > 1) {
                    phrase.append(' ');
                }
                phrase.append(words.get(start + length - 1));
                String zh = chinese.get(phrase.toString());
                if (zh != null) {
                    atPositions.add(Map.entry(starts.get(start), zh));
                }
            }
        }
        atPositions.sort(Map.Entry.comparingByKey());
        atPositions.forEach(e -> found.add(e.getValue()));
        return found;
    }

    /** The text followed by the other language's words for its terms (the text alone when it has none). */
    public String bridge(String text) {
        Set<String> words = counterparts(text);
        return words.isEmpty() ? text : text + "\n" + String.join(" ", words);
    }

    private static String normalise(String phrase) {
        return String.join(" ", LATIN_WORD.matcher(phrase.toLowerCase(Locale.ROOT)).results()
                .map(m -> m.group()).toList());
    }
}
