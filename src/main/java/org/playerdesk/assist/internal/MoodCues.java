package org.playerdesk.assist.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.playerdesk.assist.Mood;
import org.playerdesk.assist.Mood.Category;
import org.playerdesk.assist.Mood.Level;

/**
 * The words and marks that say how a player feels, in Chinese and English: a lexicon per mood
 * category (insults, contempt, threats to go to a regulator, an app store, a bank or the forums,
 * ultimatums, swearing; frustration, anxiety, despair, disappointment) and the shape of the text
 * (share of capital letters, runs of exclamation marks). The classifier reads them as features
 * beside the text's vector; while the model is not ready they decide alone.
 */
final class MoodCues {

    static final Map<Category, List<String>> LEXICON = Map.of(
            Category.INSULT, List.of("傻逼", "煞笔", "sb客服", "傻b", "脑残", "废物", "垃圾客服", "狗客服", "智障", "白痴",
                    "蠢货", "猪脑子", "弱智", "死全家", "去死", "滚蛋", "人渣", "畜生", "idiot", "idiots", "stupid", "moron",
                    "morons", "retard", "dumb", "clown", "clowns", "pathetic", "useless", "incompetent", "braindead",
                    "brain dead", "scum", "loser", "losers", "trash support", "garbage support"),
            Category.CONTEMPT, List.of("垃圾游戏", "破游戏", "垃圾公司", "什么玩意", "可笑", "笑死", "呵呵", "就这", "骗子公司",
                    "吸血", "坑钱", "一群骗子", "不要脸", "无耻", "恶心", "garbage", "trash game", "joke of a", "what a joke",
                    "laughable", "disgusting", "shameless", "greedy", "cash grab", "scam company", "bunch of thieves",
                    "thieves", "thief", "con artists"),
            Category.THREAT, List.of("投诉到", "12315", "消协", "消费者协会", "工信部", "文化部", "网信办", "市场监管", "315晚会",
                    "举报你们", "曝光", "发微博", "发到微博", "发贴", "发帖", "贴吧", "小红书", "抖音", "黑猫投诉", "律师",
                    "起诉", "告你们", "法院", "差评", "一星", "拒付", "银行拒付", "申请退单", "苹果退款", "应用商店",
                    "regulator", "consumer protection", "ftc", "lawyer", "attorney", "sue you", "sue your", "lawsuit",
                    "small claims", "chargeback", "charge back", "dispute the charge", "dispute with my bank",
                    "report you to", "better business bureau", "bbb", "app store", "google play", "one star",
                    "1 star", "1-star", "bad review", "review bomb", "reddit", "twitter", "youtube", "tiktok",
                    "go public", "expose you", "tell everyone"),
            Category.ULTIMATUM, List.of("最后一次", "最后通牒", "不然我", "否则我", "再不处理", "再不解决", "今天之内", "24小时内",
                    "小时内不", "给你们一天", "限你们", "马上给我", "立刻给我", "不给个说法", "last chance", "last warning",
                    "or else", "or i will", "or i'll", "otherwise i", "within 24 hours", "by tomorrow", "by today",
                    "final warning", "i demand", "you have until", "if you don't", "if this isn't fixed"),
            Category.PROFANITY, List.of("操你", "草泥马", "你妈", "尼玛", "妈的", "他妈", "tmd", "卧槽", "我操", "日了狗",
                    "fuck", "fucking", "fucked", "wtf", "shit", "bullshit", "asshole", "damn", "bitch", "crap", "bastard",
                    "ffs", "stfu"),
            Category.ANGER, List.of("气死", "火大", "愤怒", "忍无可忍", "受够了", "太过分", "岂有此理", "fed up", "furious",
                    "outraged", "unacceptable", "sick of", "had enough", "enough is enough"),
            Category.FRUSTRATION, List.of("又", "还是不行", "第三次", "好几次", "一直", "无语", "烦", "郁闷", "折腾", "到底",
                    "again", "still not", "still doesn't", "third time", "keeps", "every time", "annoying", "frustrating",
                    "frustrated", "ridiculous", "seriously"),
            Category.ANXIETY, List.of("着急", "担心", "怕", "急死", "慌", "怎么办", "求求", "拜托", "急", "worried", "anxious",
                    "scared", "afraid", "nervous", "please help", "panicking", "what do i do", "asap", "urgent"),
            Category.DESPAIR, List.of("绝望", "心态崩", "崩溃", "不想玩了", "退游", "没意思", "算了", "白玩", "心累", "哭了",
                    "give up", "giving up", "quit the game", "quitting", "hopeless", "pointless", "devastated",
                    "heartbroken", "crying", "all for nothing"),
            Category.DISAPPOINTMENT, List.of("失望", "寒心", "伤心", "没想到", "本来以为", "可惜", "不如以前", "disappointed",
                    "disappointing", "let down", "expected better", "used to be", "sad", "shame"));

    /**
     * The hostile categories whose words alone make the rules say hostile: a threat's or an
     * ultimatum's words ("app store", "24小时内") say too little without the model.
     */
    static final List<Category> RULE_HOSTILE = List.of(Category.INSULT, Category.PROFANITY, Category.CONTEMPT,
            Category.ANGER);

    /**
     * The words of a threat or an ultimatum that say enough alone: going to a regulator, a court,
     * a bank or the public, a last warning. The rest of those categories' words ("app store",
     * "24小时内", "reddit") also come in calm messages and are left to the model.
     */
    static final Map<Category, List<String>> DECISIVE = Map.of(
            Category.THREAT, List.of("12315", "消协", "消费者协会", "工信部", "网信办", "市场监管", "黑猫投诉", "投诉到",
                    "起诉", "告你们", "找律师", "拒付", "曝光你们", "截图曝光", "去曝光", "315晚会", "consumer protection",
                    "consumer council", "ftc", "better business bureau", "sue you", "sue your", "lawsuit", "my lawyer",
                    "a lawyer", "small claims", "chargeback", "charge back", "dispute the charge", "dispute the payment",
                    "report you to", "expose you", "go public"),
            Category.ULTIMATUM, List.of("最后通牒", "final warning", "last warning", "you have until"));

    /** The order of the categories in the features. */
    static final List<Category> CATEGORIES = List.of(Category.values());

    private static final Pattern EXCLAMATIONS = Pattern.compile("[!！]{2,}");
    private static final Pattern QUESTIONS = Pattern.compile("[?？]{2,}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    /** How many features {@link #features} gives. */
    static final int SIZE = CATEGORIES.size() + 5;

    private MoodCues() {
    }

    /**
     * Per category the number of its words found (at most 3, as a share of 3), then the share of
     * capital letters among the Latin ones (0 for fewer than 8), whether there is a run of
     * exclamation marks, of question marks, a shouted word (four or more capitals), and the length.
     */
    static double[] features(String text) {
        String plain = text == null ? "" : text;
        String lower = plain.toLowerCase(Locale.ROOT);
        double[] f = new double[SIZE];
        int i = 0;
        for (Category category : CATEGORIES) {
            f[i++] = Math.min(3, Keywords.count(lower, LEXICON.get(category))) / 3.0;
        }
        f[i++] = capsRatio(plain);
        f[i++] = EXCLAMATIONS.matcher(plain).find() ? 1 : 0;
        f[i++] = QUESTIONS.matcher(plain).find() ? 1 : 0;
        f[i++] = shouts(plain) ? 1 : 0;
        f[i] = Math.min(1, plain.length() / 300.0);
        return f;
    }

    /**
     * The mood by the cues alone: any hostile category's words, or shouting with exclamation
     * marks, make it hostile (the category with most words; anger for shouting); else an upset
     * category's words make it upset; else calm.
     */
    static Mood judge(String text) {
        String plain = text == null ? "" : text;
        String lower = plain.toLowerCase(Locale.ROOT);
        Category best = null;
        int most = 0;
        for (Category category : RULE_HOSTILE) {
            int n = Keywords.count(lower, LEXICON.get(category));
            if (n > most) {
                most = n;
                best = category;
            }
        }
        for (Category category : List.of(Category.THREAT, Category.ULTIMATUM)) {
            int n = Keywords.count(lower, DECISIVE.get(category));
            if (n > most) {
                most = n;
                best = category;
            }
        }
        if (best == null && shouts(plain) && EXCLAMATIONS.matcher(plain).find()) {
            best = Category.ANGER;
        }
        if (best != null) {
            return new Mood(Level.HOSTILE, best, 0.7);
        }
        for (Category category : CATEGORIES) {
            if (category.level() != Level.UPSET) {
                continue;
            }
            int n = Keywords.count(lower, LEXICON.get(category));
            if (n > most) {
                most = n;
                best = category;
            }
        }
        return best == null ? new Mood(Level.CALM, null, 0.6) : new Mood(Level.UPSET, best, 0.5);
    }

    /**
     * The threat or ultimatum whose decisive words a text (lower-cased) holds, the one with more of
     * them first: such a text is hostile whatever the model says.
     */
    static Optional<Category> decisive(String lower) {
        Category best = null;
        int most = 0;
        for (Category category : List.of(Category.THREAT, Category.ULTIMATUM)) {
            int n = Keywords.count(lower, DECISIVE.get(category));
            if (n > most) {
                most = n;
                best = category;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The share of capitals among the Latin letters, when there are at least eight. */
    static double capsRatio(String text) {
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                letters++;
                capitals += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters < 8 ? 0 : (double) capitals / letters;
    }

    /** A shouted word: four or more capitals in a row that are not an abbreviation alone in a sentence. */
    static boolean shouts(String text) {
        var words = LATIN_WORD.matcher(text);
        int shouted = 0;
        while (words.find()) {
            String word = words.group();
            if (word.length() >= 4 && word.equals(word.toUpperCase(Locale.ROOT))) {
                shouted++;
            }
        }
        return shouted >= 2 || shouted >= 1 && capsRatio(text) > 0.5;
    }
}
