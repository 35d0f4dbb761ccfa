package org.playerdesk.quality.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.Finding;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.ReplyDraft;
import org.playerdesk.quality.Severity;

/**
 * Runs the reply checks on a draft (docs/quality.md). A reply with a Han character is checked with
 * the rules' Chinese words, any other with the English ones. Where the line is drawn:
 * <ul>
 * <li>words inside quotation marks (“…”, "…", 「…」, 『…』) are someone else's (the player's,
 * quoted back): they are not the agent's vague words nor their 你;</li>
 * <li>a vague word right after the player as its subject (您应该已经收到邮件, "if you are not
 * sure") says what the player should do or have, not what the agent is unsure of, and does not
 * count; nor does 应该 as a duty (这是我们应该的, 应该做的);</li>
 * <li>English words count whole ("hi" is not in "this"); Chinese words anywhere in the text;</li>
 * <li>a greeting is looked for in the first sentence of the conversation's first reply, a closing
 * in the last two sentences of the reply that ends it;</li>
 * <li>the honorific: a Chinese reply that calls the player 你 (你、你的、你们) outside quotes, or
 * that has twelve Han characters or more and no 您.</li>
 * </ul>
 * A check whose severity is {@link Severity#OFF} is not run; a finding is reported once per
 * check and evidence.
 */
public final class ReplyChecker {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?.\\n；;…]+");
    /** The player as the subject just before a vague word: it then says what the player should do or have. */
    private static final Pattern PLAYER_BEFORE_ZH = Pattern.compile("(您|你|玩家|大家)$");
    private static final Pattern PLAYER_BEFORE_EN = Pattern.compile("\\b(you|you're|you are|you’re)\\s+$");
    private static final int HONORIFIC_LENGTH = 12;

    private ReplyChecker() {
    }

    /**
     * The findings of every check the rules have on; {@code forbidden} gives the game's forbidden
     * phrases a text contains.
     */
    public static List<Finding> check(ReplyDraft draft, CheckRules rules, Function<String, List<String>> forbidden) {
        Set<Finding> findings = new LinkedHashSet<>();
        String text = draft.text();
        boolean chinese = HAN.matcher(text).find();
        CheckRules.Words words = chinese ? rules.chinese() : rules.english();
        String own = QUOTED.matcher(text).replaceAll(" ");
        String lower = own.toLowerCase(Locale.ROOT);

        if (on(rules, ReplyCheck.FORBIDDEN_PHRASE)) {
            forbidden.apply(text).forEach(phrase -> findings.add(finding(rules, ReplyCheck.FORBIDDEN_PHRASE, phrase)));
        }
        if (on(rules, ReplyCheck.VAGUE_WORD)) {
            for (String word : words.vague()) {
                if (vague(lower, word.toLowerCase(Locale.ROOT), chinese)) {
                    findings.add(finding(rules, ReplyCheck.VAGUE_WORD, word));
                }
            }
        }
        List<String> sentences = SENTENCE_END.splitAsStream(lower).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (draft.opensConversation() && on(rules, ReplyCheck.NO_GREETING)
                && (sentences.isEmpty() || !containsAny(sentences.get(0), words.greetings(), chinese))) {
            findings.add(finding(rules, ReplyCheck.NO_GREETING, ""));
        }
        if (draft.closesConversation() && on(rules, ReplyCheck.NO_CLOSING)) {
            String end = String.join(" ", sentences.subList(Math.max(0, sentences.size() - 2), sentences.size()));
            if (!containsAny(end, words.closings(), chinese)) {
                findings.add(finding(rules, ReplyCheck.NO_CLOSING, ""));
            }
        }
        if (chinese && on(rules, ReplyCheck.NO_HONORIFIC)) {
            if (own.contains("你")) {
                findings.add(finding(rules, ReplyCheck.NO_HONORIFIC, "你"));
            } else if (!own.contains("您") && HAN.matcher(own).results().count() >= HONORIFIC_LENGTH) {
                findings.add(finding(rules, ReplyCheck.NO_HONORIFIC, ""));
            }
        }
        if (draft.playerTyping() && on(rules, ReplyCheck.PLAYER_INTERRUPTED)) {
            findings.add(finding(rules, ReplyCheck.PLAYER_INTERRUPTED, ""));
        }
        int length = text.codePointCount(0, text.length());
        if (draft.lengthLimit() > 0 && length > draft.lengthLimit() && on(rules, ReplyCheck.TOO_LONG)) {
            findings.add(finding(rules, ReplyCheck.TOO_LONG, length + "/" + draft.lengthLimit()));
        }
        return new ArrayList<>(findings);
    }

    private static boolean on(CheckRules rules, ReplyCheck check) {
        return rules.severity(check) != Severity.OFF;
    }

    private static Finding finding(CheckRules rules, ReplyCheck check, String evidence) {
        return new Finding(check, rules.severity(check), evidence);
    }

    /** Whether {@code word} is used vaguely: once at least, not after the player as its subject, not as 应该的. */
    private static boolean vague(String text, String word, boolean chinese) {
        Matcher at = pattern(word, chinese).matcher(text);
        while (at.find()) {
            String before = text.substring(0, at.start());
            boolean player = (chinese ? PLAYER_BEFORE_ZH : PLAYER_BEFORE_EN).matcher(before).find();
            boolean duty = chinese && (text.startsWith("的", at.end()) || text.startsWith("做的", at.end()));
            if (!player && !duty) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> words, boolean chinese) {
        return words.stream().anyMatch(word -> pattern(word.toLowerCase(Locale.ROOT), chinese).matcher(text).find());
    }

    /** A word as found in a text: anywhere in Chinese, whole in English. */
    private static Pattern pattern(String word, boolean chinese) {
        return chinese || HAN.matcher(word).find() ? Pattern.compile(Pattern.quote(word))
                : Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
    }
}
