package org.playerdesk.quality;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A game's rules for the reply checks: each check's severity and the words the checks look for,
 * in Chinese and in English (a reply is checked with the words of the language it is written in).
 * {@link #defaults()} are the seeds': the vague words the QA scorecard names (嗯、好像、应该), the
 * greetings and closings of the standard wording (开头语、结束语).
 */
public record CheckRules(Map<ReplyCheck, Severity> severities, Words chinese, Words english) {

    /** The words of one language: vague words, greetings and closings. */
    public record Words(List<String> vague, List<String> greetings, List<String> closings) {

        public Words {
            vague = List.copyOf(vague);
            greetings = List.copyOf(greetings);
            closings = List.copyOf(closings);
        }
    }

    public CheckRules {
        Map<ReplyCheck, Severity> all = new EnumMap<>(ReplyCheck.class);
        for (ReplyCheck check : ReplyCheck.values()) {
            all.put(check, severities.getOrDefault(check, Severity.WARN));
        }
        severities = java.util.Collections.unmodifiableMap(all);
    }

    public Severity severity(ReplyCheck check) {
        return severities.get(check);
    }

    /** These rules with one check's severity changed. */
    public CheckRules with(ReplyCheck check, Severity severity) {
        Map<ReplyCheck, Severity> changed = new EnumMap<>(severities);
        changed.put(check, severity);
        return new CheckRules(changed, chinese, english);
    }

    /** Every check warns; the words are the seeds'. */
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
                                "good luck", "enjoy", "take care", "happy gaming")));
    }
}
