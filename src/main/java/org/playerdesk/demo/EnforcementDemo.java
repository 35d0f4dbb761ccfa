package org.playerdesk.demo;

import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionRequest;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * GM work in the demo game, after its tickets and departments: the farming studio reported by
 * 10006 is patrolled (搬砖1号 to 搬砖3号 warned, 搬砖1号 caught again, so that its permanent ban
 * waits for the lead's approval), the reported speed hacker 疾风一号 goes to a GM's review, a
 * partner-channel player is banned for a week for stalling; on the stolen account 10001 the
 * receiving account is frozen and the first line asks to give back the stolen currency (above
 * its limit, so it waits for the lead too); a VIP gift asked as a compensation was refused. So the
 * GM desk, the approvals and the tickets' GM panels have something to show. Seeded once, under
 * the same conditions as the demo workspace.
 */
@Component
@Order(40)
class EnforcementDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EnforcementDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final Enforcement enforcement;
    private final AccountActions actions;
    private final GameBackends backends;
    private final PlayerDirectory players;
    private final TicketQueries tickets;

    EnforcementDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            Enforcement enforcement, AccountActions actions, GameBackends backends, PlayerDirectory players,
            TicketQueries tickets) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.enforcement = enforcement;
        this.actions = actions;
        this.backends = backends;
        this.players = players;
        this.tickets = tickets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        GameInfo game = DemoWorkspace.wanted(properties, dataSource) ? games.byCode(DemoWorkspace.GAME).orElse(null)
                : null;
        if (game == null || !backends.connected(game.id())
                || !enforcement.recent(java.util.Set.of(game.id()), 1).isEmpty()) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember agent1 = staff.byUsername("agent1").orElse(null);
        StaffMember agent2 = staff.byUsername("agent2").orElse(null);
        StaffMember vip1 = staff.byUsername("vip1").orElse(null);
        if (lead == null || agent1 == null || agent2 == null || vip1 == null) {
            return;
        }
        UUID farmingReport = ticket(game, "10006", TicketType.CHEAT_REPORT).orElse(null);
        String farming = "与30000「工作室老板」同一注册IP、同一模拟器登录，副本收益全部交易给30000";
        for (String alt : new String[] { "30001", "30002", "30003" }) {
            enforcement.record(game.id(), alt, "currency_farming", farmingReport, farming, agent1);
        }
        enforcement.record(game.id(), "30001", "currency_farming", farmingReport, "警告后仍在玄武区副本刷金并转给30000",
                agent1);

        UUID cheatReport = ticket(game, "10005", TicketType.CHEAT_REPORT).orElse(null);
        enforcement.record(game.id(), "10050", "cheating", cheatReport, "移动速度异常，曾因同样原因封禁3天；待安全部核实数据后定处罚",
                agent2);
        enforcement.record(game.id(), "20002", "stalling", null, "竞技场连续挂机拖延对局，多名玩家举报", agent2);

        UUID stolen = ticket(game, "10001", TicketType.ACCOUNT_STOLEN).orElse(null);
        actions.request(new ActionRequest(game.id(), stolen, "10666", "freeze", null, null,
                "接收10001被盗金币的账号，与盗号登录同IP同设备，冻结待核实", null), agent2);
        long taken = backends.of(game.id()).ledger("10001", null, null).stream()
                .filter(entry -> "10666".equals(entry.counterparty()) && entry.amount() < 0)
                .mapToLong(LedgerEntry::amount).sum();
        if (taken < 0) {
            actions.request(new ActionRequest(game.id(), stolen, "10001", "compensate", -taken, null,
                    "账号被盗后金币被交易给10666，按流水补回被转走的金币", null), agent1);
        }

        UUID vipQuestion = ticket(game, "50001", TicketType.CONSULTATION).orElse(null);
        ActionView gift = actions.request(new ActionRequest(game.id(), vipQuestion, "50001", "compensate", 20_000L,
                null, "VIP15 生日礼包补发", null), vip1);
        actions.reject(gift.id(), lead, "生日礼包由VIP活动统一发放，不走补偿流程");
        log.info("Demo data: GM violations and account actions of the demo game; two wait for lead's approval");
    }

    /** The player's latest ticket of this type. */
    private Optional<UUID> ticket(GameInfo game, String accountId, TicketType type) {
        return players.find(game.id(), accountId)
                .flatMap(player -> tickets.byPlayer(game.id(), player.id(), 10).stream()
                        .filter(ticket -> ticket.type() == type).findFirst())
                .map(TicketView::id);
    }
}
