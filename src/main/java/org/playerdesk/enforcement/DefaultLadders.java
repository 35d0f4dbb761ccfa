package org.playerdesk.enforcement;

import java.util.List;

import org.playerdesk.enforcement.ViolationTypeView.Rung;

/**
 * The violation types PlayerDesk ships, after the GM patrol rules of the support handbook
 * (游戏大厅巡查): offensive nickname or avatar → warning, 7-day ban, permanent ban; advertising →
 * 7-day ban, permanent ban; currency farming with alt accounts → warning, then a permanent ban
 * (partner-channel players at once); stalling → warning (partner-channel players: ban); cheating →
 * review by a GM (酌情处理); scamming players out of currency (the handbook's sixth procedure, 被骗金币) →
 * 7-day ban, then permanent (partner-channel players at once).
 */
final class DefaultLadders {

    private DefaultLadders() {
    }

    record Definition(String code, String chinese, String english, List<Rung> ladder, List<Rung> partnerLadder) {
    }

    private static final Rung WARNING = new Rung(Penalty.WARNING, null);
    private static final Rung WEEK = new Rung(Penalty.BAN, 7);
    private static final Rung PERMANENT = new Rung(Penalty.PERMANENT_BAN, null);
    private static final Rung REVIEW = new Rung(Penalty.REVIEW, null);

    static final List<Definition> ALL = List.of(
            new Definition("offensive_profile", "昵称/头像违规", "Offensive nickname or avatar",
                    List.of(WARNING, WEEK, PERMANENT), List.of()),
            new Definition("advertising", "私自发布广告", "Advertising", List.of(WEEK, PERMANENT), List.of()),
            new Definition("currency_farming", "刷金币(小号)", "Currency farming with alt accounts",
                    List.of(WARNING, PERMANENT), List.of(PERMANENT)),
            new Definition("stalling", "刷时间(恶意拖延)", "Stalling", List.of(WARNING), List.of(WEEK, PERMANENT)),
            new Definition("cheating", "恶意作弊", "Cheating", List.of(REVIEW), List.of()),
            new Definition("scamming", "诈骗玩家(骗取金币)", "Scamming players out of currency",
                    List.of(WEEK, PERMANENT), List.of(PERMANENT)));
}
