package org.playerdesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The roster stored and read: routing gives work only to agents on their rostered shift, a swap
 * changes the roster once a lead approves it, the board shows the shifts by name and the gaps
 * against the minimum staffing, and bad input changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class RostersIntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Rosters rosters;
    @Autowired
    RosterPlanning planning;
    @Autowired
    Teams teams;
    @Autowired
    RoutingSetup routing;
    @Autowired
    ChatSeats seats;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void routingGivesNoWorkToAnAgentOffTheirRosteredShiftAndGivesItToTheOneOnShift() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember onShift = online(game);
        StaffMember offShift = online(game);
        ShiftView allDay = planning.defineShift(null, TestWorkspace.unique("全天"), "00:00", "24:00", lead);
        PatternView every = planning.definePattern(null, TestWorkspace.unique("每天"), false, List.of(id(allDay)), lead);
        PatternView everyOther = planning.definePattern(null, TestWorkspace.unique("隔天"), false,
                List.of(id(allDay), ""), lead);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        planning.assign(onShift.id(), null, every.id(), today.minusDays(3).toString(), "", "Asia/Shanghai", lead);
        // yesterday a working day, today off
        planning.assign(offShift.id(), null, everyOther.id(), today.minusDays(1).toString(), "", "Asia/Shanghai",
                lead);
        assertThat(rosters.onShift(offShift.id(), clock.instant())).contains(false);
        assertThat(rosters.onShift(onShift.id(), clock.instant())).contains(true);
        routing.defineQueue(game.id(), null,
                new QueueRules("在班", 1, "round_robin", false, null, null, null, null, null, null, Set.of()), lead);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(workspace.ticket(game, "roster-" + i, "consultation").ticket().id());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids.stream()
                .map(id -> tickets.head(id).assigneeId()).toList()).containsOnly(onShift.id()));
        assertThat(tickets.heldBy(List.of(offShift.id()))).isEmpty();
    }

    @Test
    void aSwapChangesTheRosterOnlyOnceTheLeadApprovesIt() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember early = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember night = workspace.staff(StaffRole.AGENT_L1, game);
        ShiftView earlyShift = planning.defineShift(null, TestWorkspace.unique("早"), "08:00", "16:00", lead);
        ShiftView nightShift = planning.defineShift(null, TestWorkspace.unique("夜"), "22:00", "06:00", lead);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        planning.assign(early.id(), null, planning.definePattern(null, TestWorkspace.unique("早"), false,
                List.of(id(earlyShift)), lead).id(), today.toString(), "", "Asia/Shanghai", lead);
        planning.assign(night.id(), null, planning.definePattern(null, TestWorkspace.unique("夜"), false,
                List.of(id(nightShift)), lead).id(), today.toString(), "", "Asia/Shanghai", lead);
        LocalDate day = today.plusDays(2);

        UUID swap = planning.requestSwap(early, night.id(), day.toString(), "家里有事");
        assertThat(names(early, day)).containsExactly(earlyShift.name());
        assertThatThrownBy(() -> planning.decideSwap(swap, true, night)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> planning.requestSwap(night, early.id(), day.toString(), null))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("roster.swap.open");

        planning.decideSwap(swap, true, lead);
        assertThat(names(early, day)).containsExactly(nightShift.name());
        assertThat(names(night, day)).containsExactly(earlyShift.name());
        assertThat(rosters.roster(List.of(early.id()), day, day)).extracting(RosteredShift::kind)
                .containsExactly(RosteredShift.Kind.SWAP);
        assertThat(names(early, day.plusDays(1))).containsExactly(earlyShift.name());
        assertThatThrownBy(() -> planning.decideSwap(swap, false, lead)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("roster.swap.decided");
        assertThatThrownBy(() -> planning.withdrawSwap(swap, early)).isInstanceOf(RuleViolation.class);

        // a day gone by, or oneself as the colleague: refused field by field, nothing stored
        int before = jdbc.queryForObject("select count(*) from workforce_swap", Integer.class);
        assertThatThrownBy(() -> planning.requestSwap(early, early.id(), today.minusDays(1).toString(), null))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).errors().stream()
                        .map(InvalidInput.FieldError::key).toList())
                .isEqualTo(List.of("invalid.rota.past", "invalid.rota.colleague"));
        assertThat(jdbc.queryForObject("select count(*) from workforce_swap", Integer.class)).isEqualTo(before);
    }

    @Test
    void theBoardShowsShiftNamesAndMarksTheShiftsShortOfTheirMinimum() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember teamLead = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember a = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember b = workspace.staff(StaffRole.AGENT_L1, game);
        TeamView team = teams.define(null, TestWorkspace.unique("一组"), teamLead.id(), List.of(a.id(), b.id()), admin);
        ShiftView early = planning.defineShift(null, TestWorkspace.unique("早班"), "08:00", "16:00", teamLead);
        PatternView threeOnOneOff = planning.definePattern(null, TestWorkspace.unique("做三休一"), false,
                Arrays.asList(id(early), id(early), id(early), ""), teamLead);
        LocalDate monday = LocalDate.of(2031, 3, 3);
        planning.assign(null, team.id(), threeOnOneOff.id(), monday.toString(), "", "Asia/Shanghai", teamLead);
        planning.changeDay(b.id(), monday.plusDays(1).toString(), "leave", null, null, teamLead);
        planning.setMinimum(team.id(), early.id(), "", 2, teamLead);
        planning.setDutyLead(early.id(), monday.toString(), teamLead.id(), teamLead);

        String page = mvc.perform(get("/console/roster").param("team", team.id().toString())
                .param("week", monday.toString()).with(user(new StaffUser(teamLead, ""))).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-agent=\"" + a.displayName() + "\"")
                .contains("data-shifts=\"" + early.name() + "\"").contains(early.name())
                .doesNotContain("data-shifts=\"" + early.id());
        // Monday: both on 早班 (2 of 2); Tuesday: b on leave (1 of 2, a gap); Thursday: the day off (0 of 2)
        assertThat(page).contains("data-date=\"" + monday + "\" data-count=\"2\" data-minimum=\"2\" data-gap=\"false\"")
                .contains("data-date=\"" + monday.plusDays(1) + "\" data-count=\"1\" data-minimum=\"2\" data-gap=\"true\"")
                .contains("data-date=\"" + monday.plusDays(3) + "\" data-count=\"0\" data-minimum=\"2\" data-gap=\"true\"")
                .contains("On duty: " + teamLead.displayName());
        // an agent sees their own shifts only
        String own = mvc.perform(get("/console/roster").param("week", monday.toString())
                .with(user(new StaffUser(a, ""))).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString();
        assertThat(own).contains("data-staff=\"" + a.id() + "\"").doesNotContain("data-staff=\"" + b.id() + "\"")
                .doesNotContain("roster-coverage");

        // an agent may not change the roster; a bad form is refused in the reader's language, nothing stored
        assertThatThrownBy(() -> planning.changeDay(b.id(), monday.toString(), "sick", null, null, a))
                .isInstanceOf(AccessDeniedException.class);
        int changes = jdbc.queryForObject("select count(*) from workforce_roster_change", Integer.class);
        String problem = (String) mvc.perform(post("/console/roster/days").param("agent", b.id().toString())
                .param("date", "2031-02-30").param("kind", "extra").param("team", team.id().toString())
                .with(user(new StaffUser(teamLead, ""))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getFlashMap().get("problem");
        assertThat(problem).contains("日期").contains("班次");
        assertThat(jdbc.queryForObject("select count(*) from workforce_roster_change", Integer.class))
                .isEqualTo(changes);
    }

    @Test
    void shiftsAndPatternsAreCheckedFieldByField() {
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        assertThatThrownBy(() -> planning.defineShift(null, " ", "25:00", "08:00", lead))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).errors().stream()
                        .map(InvalidInput.FieldError::field).toList())
                .isEqualTo(List.of("name", "start"));
        assertThatThrownBy(() -> planning.defineShift(null, "x", "08:00", "08:00", lead))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> planning.definePattern(null, TestWorkspace.unique("空"), false, List.of("", ""), lead))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).errors().getFirst().key())
                .isEqualTo("invalid.rota.noShift");
        assertThatThrownBy(() -> planning.defineShift(null, "早班x", "08:00", "16:00", agent))
                .isInstanceOf(AccessDeniedException.class);
        ShiftView used = planning.defineShift(null, TestWorkspace.unique("用"), "08:00", "16:00", lead);
        planning.definePattern(null, TestWorkspace.unique("用"), false, List.of(id(used)), lead);
        assertThatThrownBy(() -> planning.removeShift(used.id(), lead)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void currentOrNextAndTheHandoverWindow() {
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        ShiftView later = planning.defineShift(null, TestWorkspace.unique("晚"), "20:00", "23:00", lead);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        planning.changeDay(agent.id(), today.plusDays(1).toString(), "extra", later.id(), null, lead);

        RosteredShift next = rosters.currentOrNext(agent.id(), clock.instant()).orElseThrow();
        assertThat(next.shiftName()).isEqualTo(later.name());
        assertThat(next.start()).isEqualTo(today.plusDays(1).atTime(20, 0).atZone(SHANGHAI).toInstant());
        assertThat(Duration.between(next.handoverFrom(), next.start())).isEqualTo(rosters.handoverWindow())
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(rosters.arriving(next.start().minusSeconds(60))).extracting(RosteredShift::staffId)
                .contains(agent.id());
        assertThat(rosters.onDuty(next.start().plusSeconds(60))).extracting(RosteredShift::staffId)
                .contains(agent.id());
        assertThat(rosters.onShift(agent.id(), next.start().minusSeconds(60))).contains(false);
    }

    @Test
    void thePatternsAndTheForecastOpenForLeadsOnly() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        workspace.ticket(game, "forecast-1", "consultation");
        String patterns = mvc.perform(get("/console/roster/patterns").with(user(new StaffUser(lead, ""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(patterns).contains("data-testid=\"shift-form\"");
        var forecast = mvc.perform(get("/console/roster/forecast").param("game", game.id().toString())
                .with(user(new StaffUser(lead, "")))).andReturn().getResponse();
        assertThat(forecast.getStatus()).isEqualTo(200);
        assertThat(forecast.getContentAsString()).contains("data-testid=\"forecast\"", "data-staffed=");
        assertThat(mvc.perform(get("/console/roster/forecast").with(user(new StaffUser(agent, "")))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/console/roster/patterns").with(user(new StaffUser(agent, "")))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    private static String id(ShiftView shift) {
        return shift.id().toString();
    }

    private List<String> names(StaffMember agent, LocalDate day) {
        return rosters.roster(List.of(agent.id()), day, day).stream().map(RosteredShift::shiftName).toList();
    }

    private StaffMember online(GameInfo game) {
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(member, Presence.ONLINE, null);
        return member;
    }
}
