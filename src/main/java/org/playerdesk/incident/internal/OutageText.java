package org.playerdesk.incident.internal;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a player's outage report (服务器卡顿、掉线、登不上、闪退…) in Chinese or English,
 * without any outside service: the text is normalised (full-width to half-width, lower case,
 * spaces, punctuation and apostrophes dropped, a letter repeated three times or more kept once:
 * "can't  log-in" is {@code cantlogin}, "laggggg" is {@code lag}), then looked up in a lexicon of
 * outage words by kind: Chinese words anywhere in the text, English phrases word by word (so that
 * "flag" is no "lag"). Bare 卡 is not an outage word (充值卡, 卡牌): only its outage forms are.
 * {@link #similarity} compares two texts by their character bigrams, for a quick look at how
 * alike two reports are.
 */
public final class OutageText {

    /** The kinds of outage a report speaks of. */
    public enum Kind {
        LAG, DISCONNECT, LOGIN, CRASH, DOWN
    }

    /** Chinese outage words, looked up in the normalised text. */
    private static final Map<Kind, List<String>> CHINESE = Map.of(
            Kind.LAG, List.of("卡顿", "很卡", "好卡", "太卡", "超卡", "卡死", "卡住", "卡了", "卡爆", "卡成", "巨卡", "一卡一卡",
                    "延迟", "延时", "ping高"),
            Kind.DISCONNECT, List.of("掉线", "断线", "断开连接", "连接断开", "连不上", "网络异常", "重连", "踢下线", "被踢"),
            Kind.LOGIN, List.of("登不上", "登录不了", "登陆不了", "登录不上", "登陆不上", "无法登录", "无法登陆", "登录失败",
                    "登陆失败", "进不去", "进不了", "上不去"),
            Kind.CRASH, List.of("闪退", "崩溃", "黑屏", "白屏"),
            Kind.DOWN, List.of("服务器维护", "服务器炸", "服务器崩", "服务器挂", "服务器爆", "服务器卡", "服务器出问题", "服务器异常",
                    "服务器又", "宕机"));

    /** English outage phrases, matched word by word (apostrophes dropped: "can't" is "cant"). */
    private static final Map<Kind, Pattern> ENGLISH = Map.of(
            Kind.LAG, Pattern.compile("\\b(lag\\w*|latency|high ping|ping (is )?(high|\\d{3,})|rubber ?band\\w*|freez\\w*|froze)\\b"),
            Kind.DISCONNECT, Pattern.compile("\\b(disconnect\\w*|dc(ed|d|ing)?|lost connection|connection (lost|error|failed|timed out)"
                    + "|kicked out|timed out|(cant|cannot|can not|unable to|couldnt|could not) connect)\\b"),
            Kind.LOGIN, Pattern.compile("\\b((cant|cannot|can not|unable to|couldnt|could not) (log ?in|log on|sign in|get in"
                    + "|enter the game)|log ?in (failed|fails|error|problem)|stuck (on|at) (the )?loading)\\b"),
            Kind.CRASH, Pattern.compile("\\b(crash\\w*|force clos\\w*|black screen)\\b"),
            Kind.DOWN, Pattern.compile("\\b(servers? (is |are )?down|outage|server (issue|problem)s?)\\b"));

    private OutageText() {
    }

    /** The normalised form the lexicon is matched against. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        char previous = 0;
        int run = 0;
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : 0;
            if (c != 0 && !Character.isLetterOrDigit(c)) {
                continue;
            }
            if (c == previous && c != 0) {
                run++;
                continue;
            }
            // the run of the previous character ends: "laggggg" keeps one g, "off" keeps both
            boolean latinRun = previous < 0x80 && Character.isLetter(previous) && run >= 3;
            for (int k = 0; previous != 0 && k < (latinRun ? 1 : run); k++) {
                out.append(previous);
            }
            previous = c;
            run = 1;
        }
        return out.toString();
    }

    /** The kinds of outage the text speaks of; empty when it is not an outage report. */
    public static Set<Kind> kinds(String text) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        String normal = normalise(text);
        if (normal.isEmpty()) {
            return found;
        }
        CHINESE.forEach((kind, words) -> {
            for (String word : words) {
                if (normal.contains(word)) {
                    found.add(kind);
                    break;
                }
            }
        });
        String words = words(text);
        ENGLISH.forEach((kind, phrase) -> {
            if (phrase.matcher(words).find()) {
                found.add(kind);
            }
        });
        return found;
    }

    /** The text's words, in lower case, one space apart, apostrophes and stretched letters dropped. */
    static String words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("'", "").replace("\u2019", "");
        StringBuilder out = new StringBuilder();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(normalise(word));
            }
        }
        return out.toString();
    }

    public static boolean isOutage(String text) {
        return !kinds(text).isEmpty();
    }

    /** How alike two texts are, 0 to 100: the Dice coefficient of their character bigrams. */
    public static int similarity(String a, String b) {
        Set<String> x = bigrams(normalise(a));
        Set<String> y = bigrams(normalise(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String gram : x) {
            if (y.contains(gram)) {
                shared++;
            }
        }
        return 200 * shared / (x.size() + y.size());
    }

    private static Set<String> bigrams(String normal) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= normal.length(); i++) {
            grams.add(normal.substring(i, i + 2));
        }
        return grams;
    }
}
