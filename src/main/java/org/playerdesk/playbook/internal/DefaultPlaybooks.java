package org.playerdesk.playbook.internal;

import static org.playerdesk.playbook.DataKind.BANS;
import static org.playerdesk.playbook.DataKind.LEDGER;
import static org.playerdesk.playbook.DataKind.LOGINS;
import static org.playerdesk.playbook.DataKind.NONE;
import static org.playerdesk.playbook.DataKind.PROFILE;
import static org.playerdesk.playbook.DataKind.REDEMPTIONS;
import static org.playerdesk.playbook.DataKind.TRADES;

import java.util.List;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.ticket.TicketType;

/**
 * The procedures PlayerDesk ships, after the handling flows of the support handbook (常见问题处理):
 * ban appeal, lost currency, stolen account, game bug, prize redemption, and scammed out of
 * currency (被骗金币, named by the handbook without steps; written here in the spirit of the
 * others). A game gets them in its own language (Chinese for a Chinese game, English otherwise) the
 * first time its procedures are asked for, and a procedure shipped later when next asked; from then
 * on they are the game's own data, edited by its administrators.
 */
public final class DefaultPlaybooks {

    private DefaultPlaybooks() {
    }

    public record Definition(String code, TicketType type, String title, String notice, List<Step> steps) {
    }

    public record Step(String title, String instructions, DataKind data, ActionKind action, Integer windowHours) {
        static Step of(String title, String instructions, DataKind data) {
            return new Step(title, instructions, data, null, null);
        }
    }

    public static List<Definition> of(boolean chinese) {
        return chinese ? CHINESE : ENGLISH;
    }

    /** The codes of the shipped procedures (the same in both languages). */
    public static final java.util.Set<String> CODES = java.util.Set.of("ban_appeal", "lost_currency",
            "stolen_account", "game_bug", "prize_redemption", "scammed_currency");

    private static final List<Definition> CHINESE = List.of(
            new Definition("ban_appeal", TicketType.BAN_APPEAL, "玩家投诉封号",
                    "{nickname} 您好,关于工单 #{ticket}(账号 {account})的封号申诉,我们已核实处理,结果:{outcome}。"
                            + "如果还有什么需要咨询的,请随时联系我们,祝您玩得开心!",
                    List.of(Step.of("了解详细情况", "询问玩家被封的时间、账号和经过。", NONE),
                            Step.of("查询玩家账号", "核对账号、昵称和状态。", PROFILE),
                            Step.of("是否合作方用户", "看资料中的联运渠道:合作方用户按合作方规则处理。", PROFILE),
                            Step.of("封号原因", "查看封号记录和原因。", BANS),
                            Step.of("向玩家解释说明", "用婉转的语气说明封号原因和依据,决不与玩家争辩。", NONE),
                            new Step("普通用户情况不严重的尽量解封", "合作方用户或情节严重的不解封;需要时在此解封。", BANS,
                                    ActionKind.UNBAN, null))),
            new Definition("lost_currency", TicketType.ACCOUNT_OTHER, "魅力值、金币减少",
                    "{nickname} 您好,关于工单 #{ticket}(账号 {account})反映的金币减少问题,我们已查询处理,结果:{outcome}。"
                            + "如果还有什么需要咨询的,请随时联系我们,祝您玩得开心!",
                    List.of(Step.of("了解时间", "询问少的是金币还是魅力值、少了多少、什么时候发生的,填入「玩家反映的时间」。",
                                    NONE),
                            Step.of("查询玩家账号", "核对账号和各币种当前余额。", PROFILE),
                            new Step("查询数据是否异常", "查看反映时间前后各币种的流水,留意标出的大额转出和转给他人。", LEDGER,
                                    null, 24),
                            Step.of("原因(是否兑换礼物、是否被盗号兑换)",
                                    "核对兑换记录:魅力值用于兑换奖品,用魅力值兑换了奖品的,告诉玩家兑换了什么。", REDEMPTIONS),
                            Step.of("向玩家解释说明", "说明查询到的原因。", NONE),
                            new Step("处理结果", "确属异常的,按少了的币种按权限补偿;超出权限的逐级上报。", LEDGER,
                                    ActionKind.COMPENSATE, 24))),
            new Definition("stolen_account", TicketType.ACCOUNT_STOLEN, "盗号",
                    "{nickname} 您好,关于工单 #{ticket}(账号 {account})的盗号问题,我们已核实处理,结果:{outcome}。"
                            + "请及时修改密码,妥善保管账号信息。如果还有什么需要咨询的,请随时联系我们!",
                    List.of(Step.of("询问玩家账号、昵称、盗号时间", "填入「玩家反映的时间」。", NONE),
                            Step.of("查询注册IP与上次登录IP是否异常", "对比注册IP与最近登录,注意新地区、新设备。", LOGINS),
                            new Step("金币是否缺少", "查看被盗时间前后的金币流水。", LEDGER, null, 48),
                            new Step("确认是否属于盗号、能否追回", "确认盗号后先冻结账号,防止继续损失。", LOGINS,
                                    ActionKind.FREEZE, null),
                            new Step("处理结果", "追回被盗金币:按权限补偿,超出权限的由主管审批。", LEDGER,
                                    ActionKind.COMPENSATE, 48))),
            new Definition("game_bug", TicketType.BUG, "游戏BUG",
                    "{nickname} 您好,感谢您反映工单 #{ticket} 中的游戏问题,相关部门已经在处理:{outcome}。"
                            + "感谢您的反馈,我们会做得更好!",
                    List.of(Step.of("了解详细情况", "问清现象、时间、设备和复现步骤。", NONE),
                            Step.of("确定是某个游戏还是大厅", "确认出问题的位置。", NONE),
                            Step.of("确定目前造成的影响", "核对玩家账号状态和影响范围。", PROFILE),
                            Step.of("第一时间向相关人员反馈", "把复现步骤交给技术人员。", NONE),
                            Step.of("确认是否有应急方案", "记录应急方案。", NONE),
                            Step.of("确认大概修正时间", "记录预计修正时间。", NONE),
                            Step.of("向玩家说明已经处理此事并表示感谢", "", NONE),
                            new Step("给予一定的金币奖励", "按权限发放感谢奖励。", PROFILE, ActionKind.COMPENSATE, null))),
            new Definition("prize_redemption", TicketType.REDEMPTION, "询问兑换奖品",
                    "{nickname} 您好,关于工单 #{ticket}(账号 {account})的奖品兑换,我们已查询处理,结果:{outcome}。"
                            + "如果还有什么需要咨询的,请随时联系我们,祝您玩得开心!",
                    List.of(Step.of("询问玩家账号、兑换礼物和时间", "", NONE),
                            Step.of("查询玩家数据是否异常", "核对兑换记录和金币流水。", REDEMPTIONS),
                            Step.of("找技术询问是否已发货", "查看发货状态,未发货的问技术原因。", REDEMPTIONS),
                            Step.of("未发货向玩家说明是否违规", "违规兑换的说明依据。", NONE),
                            Step.of("处理结果", "记录补发或说明的结果。", NONE))),
            new Definition("scammed_currency", TicketType.SCAM, "被骗金币",
                    "{nickname} 您好,关于工单 #{ticket}(账号 {account})反映的被骗问题,我们已核实处理,结果:{outcome}。"
                            + "请不要相信私下低价出售金币、代充等信息,交易请走游戏内正规渠道。"
                            + "如果还有什么需要咨询的,请随时联系我们!",
                    List.of(Step.of("了解交易经过",
                                    "询问和谁交易(对方账号、昵称)、给出了什么(金币、钻石、道具)和数量、对方承诺了什么、时间;"
                                            + "请玩家提供聊天截图,填入「玩家反映的时间」。", NONE),
                            new Step("查询双方账号流水与交易记录",
                                    "核对玩家转出的记录和对方账号同期的收入,看对方是否还从其他玩家处收取。", TRADES, null, 48),
                            Step.of("确认是否被骗、能否追回",
                                    "对方未履约且证据属实的确认为被骗;对方账号中的所得尚未转走的可以追回。", NONE),
                            new Step("对骗子按处罚阶梯处罚",
                                    "对对方账号记录「诈骗玩家」违规,按处罚阶梯执行;屡次骗取多名玩家的从严处理。", TRADES, null, 48),
                            new Step("处理结果", "能追回的按被骗的币种按权限补偿给玩家,超出权限的由主管审批;不能追回的向玩家说明原因。",
                                    LEDGER, ActionKind.COMPENSATE, 48))));

    private static final List<Definition> ENGLISH = List.of(
            new Definition("ban_appeal", TicketType.BAN_APPEAL, "Ban appeal",
                    "Hello {nickname}, we have looked into the ban appeal of ticket #{ticket} (account {account}). "
                            + "Result: {outcome}. If you have any other question, just contact us. Have fun!",
                    List.of(Step.of("Hear the details", "Ask when the ban happened and what the player did.", NONE),
                            Step.of("Look up the account", "Check account, nickname and status.", PROFILE),
                            Step.of("Partner-channel player?", "Partner-channel players follow the partner's rules.", PROFILE),
                            Step.of("Reason for the ban", "Read the ban records and their reasons.", BANS),
                            Step.of("Explain to the player", "Explain the reason calmly; never argue.", NONE),
                            new Step("Lift minor bans of regular players", "Not for partner players or serious cases.",
                                    BANS, ActionKind.UNBAN, null))),
            new Definition("lost_currency", TicketType.ACCOUNT_OTHER, "Lost currency",
                    "Hello {nickname}, we have looked into the missing coins of ticket #{ticket} (account {account}). "
                            + "Result: {outcome}. If you have any other question, just contact us. Have fun!",
                    List.of(Step.of("When did it happen",
                                    "Ask whether gold or charm points went missing, how much and when; enter the reported time.",
                                    NONE),
                            Step.of("Look up the account", "Check the account and the balance of each currency.",
                                    PROFILE),
                            new Step("Anything unusual in the data",
                                    "Read every currency's ledger around the reported time; mind the marked large outflows "
                                            + "and what went to other accounts.", LEDGER, null, 24),
                            Step.of("Cause: a redemption, or a thief's?",
                                    "Check the redemptions: charm points pay for prizes; tell the player what they redeemed.",
                                    REDEMPTIONS),
                            Step.of("Explain to the player", "Explain the cause found.", NONE),
                            new Step("Result", "Compensate what was truly lost, within your limit or with approval.",
                                    LEDGER, ActionKind.COMPENSATE, 24))),
            new Definition("stolen_account", TicketType.ACCOUNT_STOLEN, "Stolen account",
                    "Hello {nickname}, we have handled the stolen account of ticket #{ticket} (account {account}). "
                            + "Result: {outcome}. Please change your password and keep your account details safe.",
                    List.of(Step.of("Account, nickname and time of the theft", "Enter the reported time.", NONE),
                            Step.of("Registration IP against recent logins",
                                    "Compare the registration IP with recent logins; watch new regions and devices.", LOGINS),
                            new Step("Is currency missing", "Read the ledger around the theft.", LEDGER, null, 48),
                            new Step("Confirm the theft; can it be recovered", "Freeze the account first to stop losses.",
                                    LOGINS, ActionKind.FREEZE, null),
                            new Step("Result", "Restore the drained currency, within your limit or with approval.",
                                    LEDGER, ActionKind.COMPENSATE, 48))),
            new Definition("game_bug", TicketType.BUG, "Game bug",
                    "Hello {nickname}, thank you for reporting the problem of ticket #{ticket}; the team is on it: "
                            + "{outcome}. Thanks for helping us do better!",
                    List.of(Step.of("Hear the details", "What happens, when, on which device, how to reproduce.", NONE),
                            Step.of("A game or the lobby", "Where it happens.", NONE),
                            Step.of("Impact so far", "Check the account and how many are affected.", PROFILE),
                            Step.of("Report to the team at once", "Hand the steps to reproduce to the developers.", NONE),
                            Step.of("Is there a workaround", "Note the workaround.", NONE),
                            Step.of("When will it be fixed", "Note the expected fix time.", NONE),
                            Step.of("Tell the player it is handled, with thanks", "", NONE),
                            new Step("A coin reward", "Give a thank-you reward within your limit.", PROFILE,
                                    ActionKind.COMPENSATE, null))),
            new Definition("prize_redemption", TicketType.REDEMPTION, "Prize redemption",
                    "Hello {nickname}, we have looked into the redemption of ticket #{ticket} (account {account}). "
                            + "Result: {outcome}. If you have any other question, just contact us. Have fun!",
                    List.of(Step.of("Account, prize and time", "", NONE),
                            Step.of("Anything unusual in the data", "Check redemptions and the ledger.", REDEMPTIONS),
                            Step.of("Shipped or not", "Read the fulfilment state; ask the team why if unshipped.",
                                    REDEMPTIONS),
                            Step.of("If unshipped, explain whether it broke the rules", "", NONE),
                            Step.of("Result", "Note the reshipment or the explanation.", NONE))),
            new Definition("scammed_currency", TicketType.SCAM, "Scammed out of currency",
                    "Hello {nickname}, we have looked into the scam reported in ticket #{ticket} (account {account}). "
                            + "Result: {outcome}. Never trust offers of cheap gold or top-ups outside the game; trade "
                            + "only through the game itself. If you have any other question, just contact us.",
                    List.of(Step.of("What was traded, and with whom",
                                    "Ask for the other account and nickname, what the player gave (gold, diamonds, items) and how "
                                            + "much, what was promised in return and when; ask for chat screenshots and enter "
                                            + "the reported time.", NONE),
                            new Step("Both accounts' ledgers and trades",
                                    "Compare what the player gave with what the other account received then, and whether "
                                            + "it took from other players too.", TRADES, null, 48),
                            Step.of("Scammed? Recoverable?",
                                    "A scam is confirmed when the other side did not deliver and the evidence holds; what is "
                                            + "still on the other account can be recovered.", NONE),
                            new Step("Sanction the scammer on the ladder",
                                    "Record a scamming violation for the other account and apply its ladder; repeat "
                                            + "scammers of several players are dealt with strictly.", TRADES, null, 48),
                            new Step("Result",
                                    "Give back what can be recovered in the currency that was lost, within your limit or "
                                            + "with approval; otherwise explain why to the player.",
                                    LEDGER, ActionKind.COMPENSATE, 48))));
}
