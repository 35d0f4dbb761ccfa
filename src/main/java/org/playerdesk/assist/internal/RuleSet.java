package org.playerdesk.assist.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.assist.Classification;
import org.playerdesk.assist.GameArea;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

/**
 * The keyword rules: keywords in Chinese and English per ticket type and words that make a
 * ticket urgent (the mood's words are {@link MoodCues}). What they find is part of what the
 * model reads; while the model is not ready (the embedding model loading, or off) they decide
 * alone.
 */
final class RuleSet {

    static final Map<TicketType, List<String>> KEYWORDS = new EnumMap<>(TicketType.class);

    static {
        KEYWORDS.put(TicketType.ACCOUNT_STOLEN, List.of("盗号", "被盗", "号被偷", "被偷", "被人登录", "别人登录", "异地登录",
                "密码被改", "改了密码", "装备没了", "东西全没", "hacked", "stolen", "someone logged", "password was changed",
                "password changed", "someone else", "unauthorized"));
        KEYWORDS.put(TicketType.BAN_APPEAL, List.of("封号", "封禁", "被封", "解封", "申诉", "冻结", "误封", "banned", "ban",
                "suspended", "unban", "appeal", "blocked my account", "locked out"));
        KEYWORDS.put(TicketType.PAYMENT, List.of("充值", "氪金", "到账", "扣款", "扣了钱", "付款", "支付", "订单", "退款",
                "扣费", "月卡", "钻石没", "元宝", "recharge", "top up", "top-up", "payment", "charged", "refund", "purchase",
                "paid", "billing", "diamonds", "gems", "transaction"));
        KEYWORDS.put(TicketType.REDEMPTION, List.of("兑换", "礼包码", "兑换码", "激活码", "cdk", "礼包", "魅力值", "奖励没",
                "活动奖励", "redeem", "gift code", "voucher", "promo code", "reward", "coupon"));
        KEYWORDS.put(TicketType.BUG, List.of("闪退", "卡死", "bug", "报错", "进不去", "黑屏", "掉线", "卡顿", "白屏", "无法登录",
                "登录不上", "加载", "更新失败", "显示错误", "crash", "freeze", "frozen", "error", "black screen", "disconnect",
                "lag", "stuck", "glitch", "won't load", "can't log in", "not loading"));
        KEYWORDS.put(TicketType.CHEAT_REPORT, List.of("外挂", "作弊", "开挂", "刷金币", "举报", "脚本", "挂机", "加速器",
                "透视", "自瞄", "小号输给大号", "cheat", "cheater", "hacker", "aimbot", "wallhack", "exploit", "botting",
                "report a player", "report player", "scripting"));
        KEYWORDS.put(TicketType.SCAM, List.of("被骗", "骗走", "骗了我", "低价出金", "私下交易", "收了金币", "不给钻石",
                "scammed", "scammer", "ripped off", "never delivered", "took my gold"));
        KEYWORDS.put(TicketType.COMPLAINT, List.of("投诉", "态度", "不满", "太差", "坑钱", "骗钱", "不公平", "失望", "客服怎么",
                "没人回", "complaint", "complain", "terrible", "unfair", "rude", "disappointed", "scam", "worst",
                "nobody answers"));
        KEYWORDS.put(TicketType.SUGGESTION, List.of("建议", "希望", "能不能加", "可以加", "增加一个", "优化", "改进", "新功能",
                "suggest", "suggestion", "would be nice", "please add", "feature request", "idea", "improve"));
        KEYWORDS.put(TicketType.CONSULTATION, List.of("怎么", "如何", "请问", "在哪", "什么时候", "是什么", "有没有", "能否",
                "how do", "how to", "how can", "where", "when will", "what is", "is there", "can i"));
        KEYWORDS.put(TicketType.ACCOUNT_OTHER, List.of("绑定", "手机号", "实名", "改名", "注销", "换绑", "解绑", "邮箱",
                "忘记密码", "找回密码", "bind", "phone number", "change email", "rename", "delete my account",
                "forgot password", "reset password", "link account"));
    }

    static final List<String> URGENT = List.of("急", "马上", "立刻", "尽快", "赶紧", "urgent", "asap", "immediately",
            "right now", "emergency");

    private RuleSet() {
    }

    static Classification judge(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        Map<TicketType, Integer> hits = new EnumMap<>(TicketType.class);
        int total = 0;
        for (Map.Entry<TicketType, List<String>> entry : KEYWORDS.entrySet()) {
            int count = Keywords.count(lower, entry.getValue());
            // a question word says less than a topic word: it only decides when nothing else matched
            if (entry.getKey() == TicketType.CONSULTATION) {
                count = Math.min(count, 1);
            }
            if (count > 0) {
                hits.put(entry.getKey(), count);
                total += count;
            }
        }
        TicketType type = TicketType.OTHER;
        int best = 0;
        for (Map.Entry<TicketType, Integer> entry : hits.entrySet()) {
            boolean beats = entry.getValue() > best
                    || (entry.getValue() == best && type == TicketType.CONSULTATION);
            if (beats) {
                type = entry.getKey();
                best = entry.getValue();
            }
        }
        double typeConfidence = best == 0 ? 0.2 : (double) best / total * (best >= 2 ? 0.9 : 0.7);
        boolean urgent = Keywords.count(lower, URGENT) > 0;
        TicketPriority priority = basePriority(type);
        if (urgent) {
            priority = priority == TicketPriority.HIGH ? TicketPriority.URGENT : TicketPriority.HIGH;
        }
        return new Classification(type, typeConfidence, priority, best == 0 ? 0.3 : 0.6, GameArea.of(type),
                MoodCues.judge(text), "rules");
    }

    /** How many features {@link #features} gives. */
    static final int SIZE = TicketType.values().length + 1;

    /**
     * What the rules see, as features for the model: per ticket type, its keywords found (at most
     * 3, as a share of 3), then whether an urgency word is there.
     */
    static double[] features(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        double[] f = new double[SIZE];
        for (TicketType type : TicketType.values()) {
            List<String> keywords = KEYWORDS.get(type);
            f[type.ordinal()] = keywords == null ? 0 : Math.min(3, Keywords.count(lower, keywords)) / 3.0;
        }
        f[SIZE - 1] = Keywords.count(lower, URGENT) > 0 ? 1 : 0;
        return f;
    }

    static TicketPriority basePriority(TicketType type) {
        return switch (type) {
            case ACCOUNT_STOLEN, PAYMENT -> TicketPriority.HIGH;
            case SUGGESTION, CONSULTATION -> TicketPriority.LOW;
            default -> TicketPriority.NORMAL;
        };
    }
}
