package org.playerdesk.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What players and agents write, in Simplified Chinese and English, per ticket type: the words a
 * support department actually searches for (充值, 外挂, refund, login…).
 */
final class Texts {

    record Topic(List<String> subjectsZh, List<String> subjectsEn, List<String> bodiesZh, List<String> bodiesEn) {
    }

    static final List<String> TYPES = List.of("consultation", "complaint", "suggestion", "bug", "cheat_report",
            "account_stolen", "ban_appeal", "account_other", "payment", "redemption", "other");

    static final Map<String, Topic> TOPICS = Map.ofEntries(
            Map.entry("consultation", new Topic(
                    List.of("新版本活动怎么参加", "公会战时间咨询", "转服规则咨询", "装备强化概率是多少"),
                    List.of("How do I join the new event", "When does the guild war start", "Question about server transfer"),
                    List.of("请问新版本的限时活动在哪里报名？我找了很久没有找到入口。", "想问一下跨服公会战每周几开启，需要多少人才能报名？"),
                    List.of("Where do I sign up for the limited-time event? I cannot find the entry in the menu.",
                            "Can I transfer my character to another server, and will I keep my items?"))),
            Map.entry("complaint", new Topic(
                    List.of("客服回复太慢", "匹配机制不公平", "活动奖励与公告不符"),
                    List.of("Support is too slow", "Matchmaking is unfair", "Event rewards differ from the announcement"),
                    List.of("我三天前提交的问题到现在都没有人处理，希望尽快给个答复。", "活动公告写的是十连抽必出金色，实际没有出，要求补偿。"),
                    List.of("I reported this three days ago and nobody answered. Please look into it.",
                            "The announcement promised a golden item in ten pulls, I did not get one. I want compensation."))),
            Map.entry("suggestion", new Topic(
                    List.of("建议增加一键分解功能", "希望优化背包容量"),
                    List.of("Please add a salvage-all button", "Bigger inventory please"),
                    List.of("背包太小了，每次打完副本都要手动分解装备，建议增加一键分解。"),
                    List.of("The inventory fills up after every dungeon; a salvage-all button would save a lot of time."))),
            Map.entry("bug", new Topic(
                    List.of("登录后闪退", "副本卡在加载界面", "任务无法提交", "技能特效不显示"),
                    List.of("Game crashes after login", "Stuck on the loading screen", "Quest cannot be completed", "Login fails with error 1003"),
                    List.of("更新到最新版本后，每次登录进入主城就闪退，已经重装过一次还是不行。设备是小米13。",
                            "第三章主线任务对话完以后无法提交，任务一直显示进行中。"),
                    List.of("Since the last update the game crashes right after login, every time. I reinstalled it, no change.",
                            "The dungeon is stuck on the loading screen at 99%, I lost my stamina twice."))),
            Map.entry("cheat_report", new Topic(
                    List.of("举报外挂玩家", "有人使用加速外挂", "举报刷金工作室"),
                    List.of("Reporting a cheater", "Speed hack in the arena", "Gold farming bots on my server"),
                    List.of("竞技场遇到一个玩家明显开了外挂，移动速度异常，截图和录像已保存。", "S12服有大量刷金工作室账号，影响正常玩家。"),
                    List.of("A player in the arena is clearly using a speed hack, I have a recording.",
                            "There are dozens of gold farming bots on S12, please ban them."))),
            Map.entry("account_stolen", new Topic(
                    List.of("账号被盗，装备被转走", "账号异地登录"),
                    List.of("My account was stolen", "Someone logged into my account"),
                    List.of("今天早上发现账号在异地登录，背包里的神器和钻石都不见了，请帮忙找回。"),
                    List.of("Someone logged into my account last night and traded away my legendary weapon. Please help me recover it."))),
            Map.entry("ban_appeal", new Topic(
                    List.of("申诉：账号被误封", "封号申诉"),
                    List.of("Ban appeal", "My account was banned by mistake"),
                    List.of("我的账号被封禁七天，理由是使用外挂，但我从来没有用过任何第三方软件，申请复查。"),
                    List.of("My account was banned for cheating but I never used any third-party software. I ask for a review."))),
            Map.entry("account_other", new Topic(
                    List.of("更换绑定手机号", "实名认证失败"),
                    List.of("Change the phone number on my account", "Identity verification fails"),
                    List.of("原来绑定的手机号已经停用，想更换新的手机号，收不到验证码。"),
                    List.of("My old phone number is no longer in use and I cannot receive the verification code."))),
            Map.entry("payment", new Topic(
                    List.of("充值未到账", "重复扣款", "充值648元钻石没到", "申请退款"),
                    List.of("Top-up not received", "Charged twice", "Refund request", "Diamonds missing after purchase"),
                    List.of("充值 648 元后钻石没有到账，订单号 2026112312345678，请尽快处理。", "同一笔充值被扣了两次款，申请退款。"),
                    List.of("I paid 99.99 USD for the diamond pack but nothing arrived. Order number GPA.3312-5521-0042.",
                            "I was charged twice for the same purchase, please refund one of them."))),
            Map.entry("redemption", new Topic(
                    List.of("兑换码无效", "礼包码提示已使用"),
                    List.of("Gift code does not work", "Redeem code already used"),
                    List.of("直播间领取的兑换码提示无效，确认没有输错。"),
                    List.of("The gift code from the livestream says it is invalid. I typed it correctly."))),
            Map.entry("other", new Topic(
                    List.of("其他问题", "合作咨询"),
                    List.of("Other question", "Partnership inquiry"),
                    List.of("想咨询一下游戏的主播合作方式。"),
                    List.of("I would like to ask about content creator partnerships."))));

    static final List<String> AGENT_REPLIES_ZH = List.of(
            "您好，已经收到您的反馈，我们正在核实，请耐心等待。",
            "您好，请提供一下角色名、区服和问题发生的大致时间，方便我们排查。",
            "已为您补发到游戏邮箱，请重新登录查收。如仍有问题请随时联系我们。",
            "经核实，问题已处理完毕，感谢您的耐心等待。");
    static final List<String> AGENT_REPLIES_EN = List.of(
            "Hello, thank you for reaching out. We are checking this with the team.",
            "Could you send us your character name, server and the approximate time it happened?",
            "We have sent the items to your in-game mailbox; please log in again to collect them.",
            "This has been fixed on our side. Thank you for your patience!");
    static final List<String> PLAYER_FOLLOW_UPS_ZH = List.of(
            "还是没有解决，请尽快处理。", "角色名：风之子，区服：S12，时间大概是昨晚九点。", "收到了，谢谢！");
    static final List<String> PLAYER_FOLLOW_UPS_EN = List.of(
            "It is still not fixed, please hurry.", "Character: Windrunner, server S12, around 9 pm yesterday.", "Got it, thanks!");
    static final List<String> NOTES = List.of(
            "已转交二线核查订单。", "支付平台确认已扣款，等待补单。", "Checked logs: client crash in renderer, forwarded to QA.",
            "VIP player, handle with care.");
    static final List<String> TAGS = List.of("充值", "退款", "外挂", "封号", "闪退", "登录", "vip", "refund",
            "crash", "lag", "duplicate", "urgent-review", "bug-confirmed", "compensation");

    static final List<String> NICKNAMES = List.of("风之子", "夜雨", "小白", "剑圣", "猫猫", "龙骑士", "Shadow", "Luna",
            "Kaiser", "Nova", "DragonSlayer", "Mira", "老王", "阿狸", "追风少年");
    static final List<String> ROLES = List.of("法师", "战士", "刺客", "牧师", "Ranger", "Paladin", "弓箭手");
    static final List<String> DEVICES = List.of("iPhone 15", "iPhone 13", "Xiaomi 13", "HUAWEI Mate 60", "Galaxy S23",
            "PC", "iPad Air");
    static final List<String> ZONES = List.of("华东一区", "华南二区", "华北一区", "Asia", "Europe", "NA West");

    private Texts() {
    }

    static <T> T pick(List<T> choices, SplittableRandom random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
