package org.playerdesk.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A game's rules for the reply checks: each check's severity, the words the checks look for, in
 * Chinese and in English (a reply is checked with the words of the language it is written in), and
 * each channel's length limit in characters. {@link #defaults()} are the seeds': the vague words
 * the QA scorecard names (嗯、好像、应该), the greetings and closings of the standard wording
 * (开头语、结束语), and the limits of the channels that show a reply in a small space.
 */
public record CheckRules(Map<ReplyCheck, Severity> severities, Words chinese, Words english,
        Map<String, Integer> lengthLimits) {

    /** The languages a game's words are kept in: {@code zh} (a reply with a Han character) and {@code en}. */
    public static final List<String> LANGUAGES = List.of("zh", "en");

    /** The default limits by channel code (ticket.TicketChannel): a chat line, an in-game mail, a social post. */
    public static final Map<String, Integer> DEFAULT_LIMITS = Map.of("chat", 300, "in_game", 500, "social", 500);

    /** The kinds of words: vague words, greetings and closings. */
    public enum Kind {
        VAGUE, GREETINGS, CLOSINGS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The words of one language: vague words, greetings and closings. */
    public record Words(List<String> vague, List<String> greetings, List<String> closings) {

        public Words {
            vague = List.copyOf(vague);
            greetings = List.copyOf(greetings);
            closings = List.copyOf(closings);
        }

        public List<String> of(Kind kind) {
            return switch (kind) {
                case VAGUE -> vague;
                case GREETINGS -> greetings;
                case CLOSINGS -> closings;
            };
        }

        /** These words with one kind's replaced. */
        public Words with(Kind kind, List<String> words) {
            return new Words(kind == Kind.VAGUE ? words : vague, kind == Kind.GREETINGS ? words : greetings,
                    kind == Kind.CLOSINGS ? words : closings);
        }
    }

    public CheckRules {
        Map<ReplyCheck, Severity> all = new EnumMap<>(ReplyCheck.class);
        for (ReplyCheck check : ReplyCheck.values()) {
            all.put(check, severities.getOrDefault(check, Severity.WARN));
        }
        severities = Collections.unmodifiableMap(all);
        lengthLimits = Map.copyOf(lengthLimits);
    }

    public Severity severity(ReplyCheck check) {
        return severities.get(check);
    }

    /** The words of a language ({@code zh} or {@code en}). */
    public Words words(String language) {
        return "zh".equals(language) ? chinese : english;
    }

    /** The longest reply a channel takes, in characters; 0: no limit. */
    public int lengthLimit(String channel) {
        return channel == null ? 0 : lengthLimits.getOrDefault(channel, 0);
    }

    /** These rules with one check's severity changed. */
    public CheckRules with(ReplyCheck check, Severity severity) {
        Map<ReplyCheck, Severity> changed = new EnumMap<>(severities);
        changed.put(check, severity);
        return new CheckRules(changed, chinese, english, lengthLimits);
    }

    /** These rules with one language's words of one kind replaced. */
    public CheckRules with(String language, Kind kind, List<String> words) {
        return "zh".equals(language) ? new CheckRules(severities, chinese.with(kind, words), english, lengthLimits)
                : new CheckRules(severities, chinese, english.with(kind, words), lengthLimits);
    }

    /** These rules with a channel's length limit changed (0: none). */
    public CheckRules withLimit(String channel, int maxChars) {
        Map<String, Integer> changed = new HashMap<>(lengthLimits);
        changed.put(channel, maxChars);
        return new CheckRules(severities, chinese, english, changed);
    }

    /** Every check warns; the words and limits are the seeds'. */
    public static CheckRules defaults() {
        return new CheckRules(Map.of(),
                new Words(List.of("嗯", "好像", "应该", "可能吧", "不太清楚", "也许吧", "大概吧", "估计"),
                        List.of("您好", "你好", "亲爱的", "尊敬的", "欢迎", "早上好", "上午好", "中午好", "下午好", "晚上好"),
                        List.of("祝您", "感谢", "谢谢", "如有", "如果还有", "随时联系", "再见", "欢迎再次", "欢迎随时")),
                new Words(List.of("um", "umm", "hmm", "i guess", "maybe", "perhaps", "probably", "not sure", "kind of",
                        "sort of"),
                        List.of("hello", "hi", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings",
                                "thank you for contacting", "thanks for contacting", "thank you for reaching out",
                                "thanks for reaching out"),
                        List.of("thank", "thanks", "have a", "feel free", "let us know", "anything else", "regards",
                                "good luck", "enjoy", "take care", "happy gaming")),
                DEFAULT_LIMITS);
    }
}
