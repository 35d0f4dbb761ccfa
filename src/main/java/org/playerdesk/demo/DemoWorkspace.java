package org.playerdesk.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo workspace once. It is never seeded into an external database unless
 * {@code playerdesk.demo} (PLAYERDESK_DEMO) is true.
 */
@Component
@Order(0)
class DemoWorkspace implements ApplicationRunner {

    static final String GAME = "demo";
    static final String API_KEY = "demo-key";
    static final String PASSWORD = "playerdesk";

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DemoPassword password;
    private final ApiKeys keys;
    private final TicketDesk desk;

    DemoWorkspace(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            ApiKeys keys, TicketDesk desk, DemoPassword password) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.password = password;
        this.keys = keys;
        this.desk = desk;
    }

    /** One transaction: a start interrupted while seeding leaves no half workspace that would never be completed. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        if (!wanted(properties, dataSource)) {
            log.info("Demo data: not seeded (set PLAYERDESK_DEMO=true to seed a demo workspace)");
            return;
        }
        if (games.byCode(GAME).isPresent()) {
            log.info("Demo data: the demo workspace is already present");
            return;
        }
        seed();
        log.info("Demo data: seeded the demo workspace (game '{}', API key '{}', staff admin, lead, agent1, agent2, "
                + "vip1 with password '{}')", GAME, API_KEY, PASSWORD);
    }

    /** Whether the demo is wanted: as {@code playerdesk.demo} says, else on the embedded database only. */
    static boolean wanted(PlayerDeskProperties properties, DataSource dataSource) throws java.sql.SQLException {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        return properties.demo() != null ? properties.demo() : embedded;
    }

    private void seed() {
        GameInfo game = games.register(GAME, "幻境传说（演示）", "zh-CN");
        keys.register(game.id(), "演示游戏服务器", API_KEY, "demo");
        Set<UUID> demoGame = Set.of(game.id());
        staff.enrol("admin", "系统管理员", password.get(), StaffRole.ADMIN, "zh-CN", Set.of());
        StaffMember lead = staff.enrol("lead", "王组长", password.get(), StaffRole.SUPERVISOR, "zh-CN", demoGame);
        StaffMember agent1 = staff.enrol("agent1", "小林（一线）", password.get(), StaffRole.AGENT_L1, "zh-CN", demoGame);
        StaffMember agent2 = staff.enrol("agent2", "阿杰（二线）", password.get(), StaffRole.AGENT_L2, "zh-CN", demoGame);
        StaffMember vip1 = staff.enrol("vip1", "Vivian（VIP客服）", password.get(), StaffRole.AGENT_VIP, "en", demoGame);

        open(game, "10001", "夜雨听风", "S1 青龙区", "剑客", "account_stolen", "in_game", "urgent",
                "我的号被盗了，装备全没了", "昨晚11点左右我的账号在异地登录，今天上线发现背包里的装备和金币都没了，求找回！",
                Map.of("client_version", "3.2.1", "device", "iPhone 15"));
        Opened banAppeal = open(game, "10002", "小白兔", "S2 白虎区", "法师", "ban_appeal", "web", "high",
                "账号被封，申请解封", "我没有使用外挂，为什么我的账号被封了七天？请核实。", Map.of());
        Opened lostCoins = open(game, "10003", "狂战天下", "S1 青龙区", "战士", "payment", "in_game", "normal",
                "充值648没有到账", "今天下午充值了648元，钻石一直没有到账，订单号 20261122-8842。",
                Map.of("order_id", "20261122-8842", "client_version", "3.2.1"));
        Opened bug = open(game, "10004", "月下独酌", "S3 朱雀区", "刺客", "bug", "in_game", "normal",
                "副本卡死无法退出", "进入\"幽冥地宫\"第三层后画面卡住，重新登录还是在副本里出不来。",
                Map.of("client_version", "3.2.0", "device", "Android 14 / 小米14"));
        Opened cheat = open(game, "10005", "正义使者", "S2 白虎区", "牧师", "cheat_report", "in_game", "normal",
                "举报玩家使用加速外挂", "白虎区的玩家\"疾风一号\"移动速度明显异常，疑似使用加速挂，附上截图说明。", Map.of());
        open(game, "10006", "咸鱼翻身", "S1 青龙区", "弓手", "consultation", "web", "low",
                "如何参加周末的跨服活动？", "请问周末的跨服战场活动需要多少级才能参加？在哪里报名？", Map.of());
        Opened redemption = open(game, "10007", "幸运星", "S3 朱雀区", "法师", "redemption", "web", "normal",
                "兑换的实物奖品一直没收到", "上个月用积分兑换了游戏周边手办，到现在还没有收到快递。", Map.of());
        Opened suggestion = open(game, "10008", "老玩家", "S1 青龙区", "战士", "suggestion", "web", "low",
                "建议增加自动拾取功能", "挂机的时候经常漏捡材料，希望能增加自动拾取的设置。", Map.of());
        open(game, "10010", "魅力四射", "S3 朱雀区", "牧师", "account_other", "in_game", "normal",
                "魅力值少了8000", "昨天上线发现魅力值少了八千多，金币倒是没少，我没有给别人，是不是系统出错了？", Map.of());
        open(game, "10011", "被骗的小李", "S2 白虎区", "战士", "scam", "in_game", "high",
                "卖金币被骗了", "昨天把三万金币卖给了\"低价出金\"，说好给我钻石，收了金币就不理我了，能追回吗？",
                Map.of("client_version", "3.2.1"));
        open(game, "10009", "Nightfall", "S5 International", "Ranger", "complaint", "email", "high",
                "Rude reply from support", "I asked about my refund twice and the answer I got was just \"不知道\". Not acceptable.",
                Map.of());

        Actor a1 = Actor.agent(agent1.id(), agent1.displayName());
        Actor a2 = Actor.agent(agent2.id(), agent2.displayName());
        Actor leadActor = Actor.agent(lead.id(), lead.displayName());

        desk.assign(banAppeal.ticket().id(), agent1.id(), a1);
        desk.reply(banAppeal.ticket().id(), a1, "您好，亲爱的玩家，已收到您的解封申请。请提供被封号前最后一次登录的大致时间，我们将为您核实。",
                List.of(), TicketStatus.PENDING_PLAYER);

        desk.assign(lostCoins.ticket().id(), agent2.id(), a2);
        desk.note(lostCoins.ticket().id(), a2, "已联系财务核对订单 20261122-8842，等待回复。", List.of());
        desk.changeStatus(lostCoins.ticket().id(), TicketStatus.PENDING_INTERNAL, a2);

        desk.assign(bug.ticket().id(), agent2.id(), a2);
        desk.tag(bug.ticket().id(), "副本", a2);
        desk.reply(bug.ticket().id(), a2, "您好，问题已提交技术部门处理，我们已将您的角色移出副本，请重新登录查看。感谢您的反馈！",
                List.of(), TicketStatus.RESOLVED);

        desk.tag(cheat.ticket().id(), "外挂", leadActor);
        desk.prioritize(cheat.ticket().id(), TicketPriority.HIGH, leadActor);

        desk.assign(redemption.ticket().id(), agent1.id(), a1);
        desk.reply(redemption.ticket().id(), a1, "您好，已为您查询，您兑换的奖品已于本周一发出，快递单号 SF1234567890，请注意查收。",
                List.of(), TicketStatus.RESOLVED);
        desk.changeStatus(redemption.ticket().id(), TicketStatus.CLOSED, a1);

        desk.assign(suggestion.ticket().id(), vip1.id(), leadActor);
    }

    private Opened open(GameInfo game, String account, String nickname, String server, String role, String type,
            String channel, String priority, String subject, String message, Map<String, String> metadata) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, nickname, server, role), type, channel,
                priority, subject, message, null, metadata, false), List.of());
    }
}
