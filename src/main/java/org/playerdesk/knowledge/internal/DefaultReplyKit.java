package org.playerdesk.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.playerdesk.knowledge.ReplyStage;

/**
 * The reply kit a new game starts with, written from the standard phrases of game customer
 * service (开头语, 询问语, 回复语, 结束语) and its list of phrases never to use (服务忌语).
 */
final class DefaultReplyKit {

    record Reply(String locale, ReplyStage stage, String title, String body) {
    }

    static final List<Reply> REPLIES = List.of(
            new Reply("zh-CN", ReplyStage.GREETING, "开头语", "您好！我是{game.name}客服{agent.name}，请问有什么能为您服务的吗？"),
            new Reply("zh-CN", ReplyStage.GREETING, "称呼玩家", "{player.nickname}您好，您的工单 {ticket.number} 已由我来处理。"),
            new Reply("zh-CN", ReplyStage.INQUIRY, "询问账号", "请问您的游戏账号是多少？"),
            new Reply("zh-CN", ReplyStage.INQUIRY, "询问时间", "请问是什么时候发生的？"),
            new Reply("zh-CN", ReplyStage.INQUIRY, "询问损失", "请问您的金币（魅力值）少了多少？"),
            new Reply("zh-CN", ReplyStage.REPLY, "稍等查询", "请稍等，我帮您查询下！"),
            new Reply("zh-CN", ReplyStage.REPLY, "封号说明",
                    "您好，您的账号是 {player.account}，在**月**日由于******的原因，我们已经对此账号进行了暂时封号。"),
            new Reply("zh-CN", ReplyStage.REPLY, "兑换记录", "您好，您的账号是 {player.account}，在**月**日用魅力值兑换了******。"),
            new Reply("zh-CN", ReplyStage.CLOSING, "结束语", "如果还有什么需要咨询的，请随时联系我，祝您玩得开心！"),
            new Reply("zh-CN", ReplyStage.CLOSING, "感谢建议", "感谢您的建议！感谢您反映游戏中存在的问题，我们会做得更好！"),
            new Reply("zh-CN", ReplyStage.CLOSING, "不客气", "不客气！感谢您对我们的关注！"),
            new Reply("en", ReplyStage.GREETING, "Greeting",
                    "Hello {player.nickname}, this is {agent.name} from {game.name} support. How can I help you?"),
            new Reply("en", ReplyStage.INQUIRY, "Ask for the account", "Could you tell me your game account, please?"),
            new Reply("en", ReplyStage.INQUIRY, "Ask when", "When did this happen?"),
            new Reply("en", ReplyStage.REPLY, "Checking", "One moment please, I am checking this for you."),
            new Reply("en", ReplyStage.CLOSING, "Closing",
                    "If there is anything else, just contact us again. Have fun playing!"),
            new Reply("en", ReplyStage.CLOSING, "Thanks for the suggestion",
                    "Thank you for your suggestion! It helps us make the game better."));

    /** A macro: a reply, then a status, a type and tags (null: left as they are). */
    record DefaultMacro(String name, String reply, String status, String type, List<String> tags) {
    }

    /** What an agent does several times a day in one step: ask for details, pass a bug on, close with thanks. */
    static final List<DefaultMacro> MACROS_ZH = List.of(
            new DefaultMacro("请玩家补充信息",
                    "您好，为了尽快为您处理，请提供您的游戏账号、所在服务器、问题发生的时间和截图，谢谢！",
                    "pending_player", null, List.of("待补充")),
            new DefaultMacro("记录为BUG并转技术",
                    "感谢您的反馈！问题已记录并转交技术部门核查，有进展会第一时间通知您。",
                    "pending_internal", "bug", List.of("已转技术")),
            new DefaultMacro("已解决并致谢",
                    "您的问题已处理完毕。如果还有什么需要咨询的，请随时联系我，祝您玩得开心！",
                    "resolved", null, List.of()));

    static final List<DefaultMacro> MACROS_EN = List.of(
            new DefaultMacro("Ask for details",
                    "Hello, to help you quickly, please send your game account, server, when it happened and a screenshot. Thank you!",
                    "pending_player", null, List.of("needs-details")),
            new DefaultMacro("Pass a bug on",
                    "Thank you for reporting this! We have passed it to our developers and will tell you as soon as we know more.",
                    "pending_internal", "bug", List.of("bug-passed-on")),
            new DefaultMacro("Solved, with thanks",
                    "Your issue is solved. If there is anything else, just contact us again. Have fun playing!",
                    "resolved", null, List.of()));

    /** The default macros in the game's default language: a macro sends one text, so one language. */
    static List<DefaultMacro> macros(String gameLocale) {
        return gameLocale != null && gameLocale.startsWith("zh") ? MACROS_ZH : MACROS_EN;
    }

    /** Phrase → forbidden only bare (as a whole sentence). */
    static final Map<String, Boolean> FORBIDDEN = new LinkedHashMap<>();

    static {
        for (String phrase : List.of("你懂不懂", "你怎么用也不会", "这不归我们管", "我也没办法", "这是规定", "爱玩不玩",
                "你有完没完", "自己看公告", "不是跟你说了吗", "not my problem", "that's your problem",
                "read the rules yourself")) {
            FORBIDDEN.put(phrase, false);
        }
        for (String phrase : List.of("不清楚", "不知道", "没办法", "I don't know", "no idea")) {
            FORBIDDEN.put(phrase, true);
        }
    }

    private DefaultReplyKit() {
    }
}
