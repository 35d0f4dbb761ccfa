package org.playerdesk.demo;

import java.util.List;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo game's help-center answers (常见问题), an internal article, an announcement and the
 * search synonyms; after the demo workspace, for its game only, and only once (an article
 * already there by its title is not added again).
 */
@Component
@Order(10)
class DemoKnowledge implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoKnowledge.class);

    private final GameCatalog games;
    private final KnowledgeImport knowledge;

    DemoKnowledge(GameCatalog games, KnowledgeImport knowledge) {
        this.games = games;
        this.knowledge = knowledge;
    }

    /** The demo game exists only where the demo workspace was wanted and seeded. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (game == null) {
            return;
        }
        article(game, "zh-CN", "账号安全", false, "账号被盗怎么办", """
                如果您的账号被盗、密码被改或装备丢失：

                1. 立即在登录页点击 **忘记密码**，通过绑定的手机号重设密码；
                2. 提交工单，写明最后一次正常登录的时间、丢失的物品；
                3. 客服核实后会冻结异常交易，并尽力找回物品。

                请勿把密码和验证码告诉任何人，官方不会索要密码。""", "号被人登了东西全没了", "有人改了我的密码",
                "someone logged into my account and took my stuff");
        article(game, "zh-CN", "账号安全", false, "账号被封如何申诉", """
                账号被封禁后，可在帮助中心提交 **封号申诉**，写明账号和被封时间。
                我们会核实封号原因，一般在 3 个工作日内答复。""", "我没开挂为什么被封", "号被封了怎么解封",
                "banned for no reason, how do I appeal");
        article(game, "zh-CN", "充值与支付", false, "充值未到账怎么办", """
                充值成功但钻石或元宝没有到账时，请先重新登录游戏。仍未到账请提交工单，并提供：

                - 订单号
                - 支付截图
                - 充值时间""", "钱扣了钻石没到", "付了款东西没收到", "paid but got no diamonds");
        article(game, "zh-CN", "活动与兑换", false, "如何使用兑换码", """
                在游戏 **设置 → 兑换** 中输入礼包码即可领取奖励。兑换码区分大小写，过期后无法使用。""", "礼包码在哪里输入",
                "cdk怎么用", "where do I enter a gift code");
        article(game, "zh-CN", "游戏问题", false, "游戏闪退怎么办", """
                请先更新到最新版本、清理缓存并重启手机。仍然闪退请提交工单，并附上机型和系统版本。""", "一进游戏就退出",
                "打开就黑屏然后回到桌面", "the game keeps closing itself");
        article(game, "zh-CN", "公告", true, "本周四 6:00–8:00 停服维护", """
                维护期间无法登录游戏，维护结束后将发放补偿：钻石 ×100。""");
        article(game, "en", "Account", false, "My account was stolen", """
                Reset your password at once with **Forgot password**, then send us a ticket with the time of
                your last normal login and what is missing.""");
        article(game, "en", "Payments", false, "Recharge not received", """
                Log in again first. If the gems still did not arrive, send us the order number and a
                screenshot of the payment.""");
        knowledge.publish(game.id(), "zh-CN", "客服内部", Audience.INTERNAL, false, "盗号核实步骤（内部）", """
                1. 查询注册 IP 与最近登录 IP 是否异常；
                2. 查询金币、装备流水；
                3. 异常则冻结账号并转二线处理。""", "demo");
        knowledge.replaceSynonyms(game.id(), "盗号, 被盗, 号被偷, 账号被盗\n充值, 氪金, 储值\n封号, 封禁, 被封\n闪退, 崩溃, crash");
        log.info("Demo data: help-center articles and synonyms of game '{}' are present", game.code());
    }

    /** A public article with its similar questions (set once: what players teach it later stays). */
    private void article(GameInfo game, String locale, String category, boolean announcement, String title,
            String body, String... similar) {
        knowledge.publish(game.id(), locale, category, Audience.PUBLIC, announcement, title, body, List.of(similar),
                "demo");
    }
}
