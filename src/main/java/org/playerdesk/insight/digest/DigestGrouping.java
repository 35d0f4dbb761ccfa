package org.playerdesk.insight.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.assist.GameArea;
import org.playerdesk.knowledge.Words;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.ticket.TicketType;

/**
 * Groups a period's bug reports and suggestions as a developer reads them. First by what the
 * ticket says of itself: its type, its game area, its client version and its device family (the
 * device's first word: {@code iPhone 15} and {@code iPhone 13} are both {@code iphone}). Then,
 * within each such part, by the words they share: reports are taken oldest first; each joins the
 * first group whose first report shares at least two significant words with it (one, when either
 * has only one), or starts a group of its own. A group is named by its most frequent words.
 *
 * <p>Significant words are the search's words ({@link Words}: smartcn for Chinese, stemmed
 * English, common words left out) of two characters or more, less a few words every report
 * holds ({@code game}, 游戏, 建议…). smartcn leaves words it does not know (闪退) as single
 * characters; two such characters next to each other in the text count as one word.
 */
final class DigestGrouping {

    /** Most words in a group's name. */
    static final int NAME_WORDS = 3;

    /** Words nearly every report to a game's support holds, which tell reports apart no better than noise. */
    static final Set<String> FILLER = Set.of("game", "play", "player", "pleas", "please", "when", "after", "befor",
            "then", "just", "can", "cannot", "doe", "noth", "add", "游戏", "玩家", "建议", "希望", "增加", "一下", "可以",
            "能不能", "请问", "客服", "你们");

    private DigestGrouping() {
    }

    /** A report as the grouping reads it. */
    record Report(UUID ticketId, long number, TicketType type, GameArea area, String clientVersion, String device,
            String server, Instant createdAt, String subject, String text) {

        Report {
            clientVersion = clientVersion == null ? "" : clientVersion.strip();
            device = device == null ? "" : device.strip();
            server = server == null ? "" : server.strip();
        }

        String deviceFamily() {
            return DigestGrouping.deviceFamily(device);
        }
    }

    /**
     * One group: its part (type, area, version, device family), its name words, and its reports in
     * the order they came. The fingerprint names the group across runs.
     */
    record Group(TicketType type, GameArea area, String clientVersion, String deviceFamily, List<String> words,
            List<Report> reports) {

        String fingerprint() {
            List<String> leading = new ArrayList<>(words.subList(0, Math.min(2, words.size())));
            leading.sort(Comparator.naturalOrder());
            String key = type.code() + "|" + area.code() + "|" + clientVersion.toLowerCase(Locale.ROOT) + "|"
                    + deviceFamily + "|" + String.join(" ", leading);
            return Hashes.sha256(key).substring(0, 32);
        }
    }

    static List<Group> group(List<Report> reports) {
        List<Report> ordered = reports.stream()
                .sorted(Comparator.comparing(Report::createdAt).thenComparing(Report::ticketId)).toList();
        Map<String, List<Forming>> parts = new LinkedHashMap<>();
        for (Report report : ordered) {
            Set<String> words = significantWords(report.subject() + "\n" + report.text());
            List<Forming> part = parts.computeIfAbsent(partOf(report), k -> new ArrayList<>());
            Forming home = part.stream().filter(g -> g.welcomes(words)).findFirst().orElse(null);
            if (home == null) {
                home = new Forming(words);
                part.add(home);
            }
            home.add(report, words);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Forming> part : parts.values()) {
            for (Forming forming : part) {
                Report first = forming.reports.getFirst();
                groups.add(new Group(first.type(), first.area(), first.clientVersion(), first.deviceFamily(),
                        forming.name(), List.copyOf(forming.reports)));
            }
        }
        // the largest first; among equals, the one seen first
        groups.sort(Comparator.comparing((Group g) -> -g.reports().size())
                .thenComparing(g -> g.reports().getFirst().createdAt()));
        return groups;
    }

    private static String partOf(Report report) {
        return report.type().code() + "|" + report.area().code() + "|" + report.clientVersion().toLowerCase(Locale.ROOT)
                + "|" + report.deviceFamily();
    }

    /** The device's first word in lower case ({@code iPhone 15} → {@code iphone}); empty when none. */
    static String deviceFamily(String device) {
        if (device == null) {
            return "";
        }
        String[] parts = device.strip().toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (String part : parts) {
            if (!part.isEmpty()) {
                return part.length() > 40 ? part.substring(0, 40) : part;
            }
        }
        return "";
    }

    /** The words of a text that tell reports apart, in the order the text has them. */
    static Set<String> significantWords(String text) {
        Set<String> words = Words.of(text);
        Set<String> singles = new LinkedHashSet<>();
        Set<String> significant = new LinkedHashSet<>();
        for (String word : words) {
            if (word.codePointCount(0, word.length()) >= 2) {
                if (!FILLER.contains(word)) {
                    significant.add(word);
                }
            } else if (isCjk(word.codePointAt(0))) {
                singles.add(word);
            }
        }
        int[] points = text.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            String first = Character.toString(points[i]);
            String second = Character.toString(points[i + 1]);
            if (singles.contains(first) && singles.contains(second) && !FILLER.contains(first + second)) {
                significant.add(first + second);
            }
        }
        return significant;
    }

    private static boolean isCjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** A group while it forms: the first report's words decide who joins. */
    private static final class Forming {

        private final Set<String> seed;
        private final List<Report> reports = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        Forming(Set<String> seed) {
            this.seed = seed;
        }

        boolean welcomes(Set<String> words) {
            if (seed.isEmpty() || words.isEmpty()) {
                return seed.isEmpty() && words.isEmpty();
            }
            long shared = words.stream().filter(seed::contains).count();
            int needed = Math.min(2, Math.min(seed.size(), words.size()));
            return shared >= needed;
        }

        void add(Report report, Set<String> words) {
            reports.add(report);
            words.forEach(word -> counts.merge(word, 1, Integer::sum));
        }

        /** Up to three words found in more than half of the reports, most frequent first, then as first seen. */
        List<String> name() {
            List<String> frequent = new ArrayList<>();
            counts.forEach((word, count) -> {
                if (count * 2 > reports.size()) {
                    frequent.add(word);
                }
            });
            // a stable sort keeps the order of first appearance among equals
            frequent.sort(Comparator.comparing((String word) -> -counts.get(word)));
            return List.copyOf(frequent.subList(0, Math.min(NAME_WORDS, frequent.size())));
        }
    }
}
