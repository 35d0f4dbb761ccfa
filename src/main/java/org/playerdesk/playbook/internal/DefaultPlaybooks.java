package org.playerdesk.playbook.internal;

import static org.playerdesk.playbook.DataKind.BANS;
import static org.playerdesk.playbook.DataKind.LEDGER;
import static org.playerdesk.playbook.DataKind.LOGINS;
import static org.playerdesk.playbook.DataKind.NONE;
import static org.playerdesk.playbook.DataKind.PROFILE;
import static org.playerdesk.playbook.DataKind.REDEMPTIONS;

import java.util.List;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.ticket.TicketType;

/**
 * The procedures PlayerDesk ships, after the handling flows of the support handbook (常见问题处理):
 * ban appeal, lost currency, stolen account, game bug and prize redemption. A game gets them in its
 * own language (Chinese for a Chinese game, English otherwise) the first time its procedures are
 * asked for; from then on they are the game's own data, edited by its administrators.
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
                    List.of(Step.of("了解时间", "询问减少发生的时间,填入「玩家反映的时间」。", NONE),
                            Step.of("查询玩家账号", "核对账号和当前余额。", PROFILE),
                            new Step("查询数据是否异常", "查看反映时间前后的金币流水。", LEDGER, null, 24),
                            Step.of("原因(是否兑换礼物、是否被盗号兑换)", "核对兑换记录。", REDEMPTIONS),
                            Step.of("向玩家解释说明", "说明查询到的原因。", NONE),
                            new Step("处理结果", "确属异常的,按权限补偿;超出权限的逐级上报。", LEDGER, ActionKind.COMPENSATE, 24))),
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
                            Step.of("处理结果", "记录补发或说明的结果。", NONE))));

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
                    List.of(Step.of("When did it happen", "Ask for the time and enter it as the reported time.", NONE),
                            Step.of("Look up the account", "Check the account and its balance.", PROFILE),
                            new Step("Anything unusual in the data", "Read the ledger around the reported time.", LEDGER,
                                    null, 24),
                            Step.of("Cause: a redemption, or a thief's?", "Check the redemptions.", REDEMPTIONS),
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
                            Step.of("Result", "Note the reshipment or the explanation.", NONE))));
}
