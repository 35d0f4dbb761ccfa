package org.playerdesk.demo;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.Departments;
import org.playerdesk.department.Transfers;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo game's departments, after the demo workspace: 技术部, 运营部, 安全部, 财务部 and 发货/履约,
 * answered in the console by their members (tech1, a technical and security account, and the lead),
 * and two tickets already waiting on a department: the speed-hack report (asked of 安全部, for tech1
 * to answer at /console/departments/inbox) and the missing 648 top-up (asked of 财务部). Seeded once,
 * under the same conditions as the demo workspace.
 */
@Component
@Order(30)
class DepartmentDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DepartmentDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DemoPassword password;
    private final Departments departments;
    private final Transfers transfers;
    private final PlayerDirectory players;
    private final TicketQueries tickets;

    DepartmentDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            Departments departments, Transfers transfers, PlayerDirectory players, TicketQueries tickets,
            DemoPassword password) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.password = password;
        this.departments = departments;
        this.transfers = transfers;
        this.players = players;
        this.tickets = tickets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!wanted || game == null || departments.find(game.id(), "technical").isPresent()) {
            return;
        }
        StaffMember admin = staff.byUsername("admin").orElse(null);
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember agent2 = staff.byUsername("agent2").orElse(null);
        if (admin == null || lead == null || agent2 == null) {
            return;
        }
        StaffMember tech1 = staff.byUsername("tech1").orElseGet(() -> staff.enrol("tech1", "小陈（技术部）",
                password.get(), StaffRole.AGENT_L2, "zh-CN", Set.of(game.id())));
        department(game, "technical", "技术部", 4, true, Set.of(tech1.id()), admin);
        department(game, "operations", "运营部", 24, false, Set.of(lead.id()), admin);
        DepartmentView security = department(game, "security", "安全部", 8, false, Set.of(tech1.id()), admin);
        DepartmentView finance = department(game, "finance", "财务部", 24, true, Set.of(lead.id()), admin);
        department(game, "fulfilment", "发货/履约", 48, false, Set.of(lead.id()), admin);

        ask(game, "10005", security, "玩家举报白虎区“疾风一号”移动速度异常，疑似加速外挂。请核查该角色近期的移动与登录数据，是否可以确认作弊？",
                agent2);
        ask(game, "10003", finance, "订单 20261122-8842（648元）玩家称钻石未到账，请核对支付渠道是否已扣款、是否需要补发。",
                agent2);
        log.info("Demo data: five departments of the demo game; tech1 answers 安全部's question at /console/departments/inbox");
    }

    private DepartmentView department(GameInfo game, String code, String name, int hours, boolean businessHours,
            Set<UUID> members, StaffMember admin) {
        return departments.create(new DepartmentForm(game.id(), code, name, "members", null, null, null,
                String.valueOf(hours), businessHours, true, members), admin);
    }

    private void ask(GameInfo game, String accountId, DepartmentView department, String question, StaffMember agent) {
        players.find(game.id(), accountId).ifPresent(player -> {
            List<TicketView> found = tickets.byPlayer(game.id(), player.id(), 1);
            if (!found.isEmpty() && found.getFirst().status().isActive()) {
                transfers.ask(found.getFirst().id(), department.id(), question, agent);
            }
        });
    }
}
