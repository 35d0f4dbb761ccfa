package org.playerdesk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.workforce.PatternView;
import org.playerdesk.workforce.RosterPlanning;
import org.playerdesk.workforce.ShiftView;
import org.playerdesk.workforce.Teams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's roster, after the demo workspace: the ready-made shifts and patterns (早班, 中班, 夜班;
 * 三班倒, 做三休一), and a team 一组（三班倒） of four first-line agents (shift1 to shift4) led by the lead,
 * each on 三班倒 two days after the one before, so that every hour has one of them on shift; one
 * agent on each shift as the team's minimum, the lead on duty for today's 早班, and a swap waiting
 * for the lead. agent1, agent2 and vip1 keep their weekly shifts. Seeded once, under the same
 * conditions as the demo workspace.
 */
@Component
@Order(60)
class RosterDemo implements ApplicationRunner {

    static final String TEAM = "一组（三班倒）";
    private static final Logger log = LoggerFactory.getLogger(RosterDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DemoPassword password;
    private final Teams teams;
    private final RosterPlanning planning;
    private final Clock clock;

    RosterDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, StaffDirectory staff,
            Teams teams, RosterPlanning planning, Clock clock, DemoPassword password) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.staff = staff;
        this.password = password;
        this.teams = teams;
        this.planning = planning;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws Exception {
        GameInfo game = games.byCode(DemoWorkspace.GAME).orElse(null);
        if (!DemoWorkspace.wanted(properties, dataSource) || game == null
                || teams.all().stream().anyMatch(t -> t.name().equals(TEAM))) {
            return;
        }
        StaffMember lead = staff.byUsername("lead").orElse(null);
        StaffMember admin = staff.byUsername("admin").orElse(null);
        if (lead == null || admin == null) {
            return;
        }
        String[] names = {"小周（早晚班）", "小吴（早晚班）", "小郑（早晚班）", "小冯（早晚班）"};
        List<StaffMember> agents = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String username = "shift" + (i + 1);
            int n = i;
            agents.add(staff.byUsername(username).orElseGet(() -> staff.enrol(username, names[n],
                    password.get(), StaffRole.AGENT_L1, "zh-CN", Set.of(game.id()))));
        }
        var team = teams.define(null, TEAM, lead.id(), agents.stream().map(StaffMember::id).toList(), admin);
        planning.addReadyMade(true, lead);
        PatternView threeShifts = planning.patterns().stream().filter(p -> p.name().equals("三班倒")).findFirst()
                .orElse(null);
        if (threeShifts == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(games.profile(game.id()).zone()));
        for (int i = 0; i < agents.size(); i++) {
            planning.assign(agents.get(i).id(), null, threeShifts.id(), today.minusDays(2L * i).toString(), "",
                    games.profile(game.id()).zone().getId(), lead);
        }
        for (ShiftView shift : planning.shifts()) {
            planning.setMinimum(team.id(), shift.id(), "", 1, lead);
        }
        planning.shifts().stream().filter(s -> s.name().equals("早班")).findFirst()
                .ifPresent(early -> planning.setDutyLead(early.id(), today.toString(), lead.id(), lead));
        planning.requestSwap(agents.get(0), agents.get(1).id(), today.plusDays(3).toString(), "家里有事，想和小吴换一天班。");
        log.info("Demo data: team {} on 三班倒 (shift1 to shift4), with minimum staffing and a swap waiting", TEAM);
    }
}
