package org.playerdesk.enforcement;

import java.util.List;

import org.playerdesk.enforcement.ViolationTypeView.Rung;
import org.playerdesk.enforcement.ViolationTypeView.Starts;

/**
 * The violation types PlayerDesk ships, after the GM patrol rules of the support handbook
 * (游戏大厅巡查): offensive nickname or avatar → warning, 7-day ban, permanent ban; advertising →
 * 7-day ban, permanent ban; currency farming with alt accounts → warning, then a permanent ban
 * (partner-channel players at once); stalling → warning (partner-channel players: ban); cheating →
 * review by a GM (酌情处理); scamming players out of currency (the handbook's sixth procedure, 被骗金币) →
 * 7-day ban, then permanent (partner-channel players at once).
 *
 * <p>Severity (情节): a minor or normal case starts at the first step; a severe one (情况恶劣) starts
 * later where the handbook says so: an organised farming studio and scam advertising are banned
 * permanently at once, a grossly offensive profile is banned for 7 days at once, and a severe
 * scam (several players robbed) is banned permanently at once.
 */
final class DefaultLadders {

    private DefaultLadders() {
    }

    /** The codes of the shipped types. */
    static final java.util.Set<String> CODES = java.util.Set.of("offensive_profile", "advertising",
            "currency_farming", "stalling", "cheating", "scamming");

    record Definition(String code, String chinese, String english, List<Rung> ladder, List<Rung> partnerLadder,
            Starts starts) {
    }

    private static Starts severeFrom(int step) {
        return new Starts(1, 1, step);
    }

    private static final Rung WARNING = new Rung(Penalty.WARNING, null);
    private static final Rung WEEK = new Rung(Penalty.BAN, 7);
    private static final Rung PERMANENT = new Rung(Penalty.PERMANENT_BAN, null);
    private static final Rung REVIEW = new Rung(Penalty.REVIEW, null);

    static final List<Definition> ALL = List.of(
            new Definition("offensive_profile", "昵称/头像违规", "Offensive nickname or avatar",
                    List.of(WARNING, WEEK, PERMANENT), List.of(), severeFrom(2)),
            new Definition("advertising", "私自发布广告", "Advertising", List.of(WEEK, PERMANENT), List.of(),
                    severeFrom(2)),
            new Definition("currency_farming", "刷金币(小号)", "Currency farming with alt accounts",
                    List.of(WARNING, PERMANENT), List.of(PERMANENT), severeFrom(2)),
            new Definition("stalling", "刷时间(恶意拖延)", "Stalling", List.of(WARNING), List.of(WEEK, PERMANENT),
                    Starts.FIRST),
            new Definition("cheating", "恶意作弊", "Cheating", List.of(REVIEW), List.of(), Starts.FIRST),
            new Definition("scamming", "诈骗玩家(骗取金币)", "Scamming players out of currency",
                    List.of(WEEK, PERMANENT), List.of(PERMANENT), severeFrom(2)));
}
