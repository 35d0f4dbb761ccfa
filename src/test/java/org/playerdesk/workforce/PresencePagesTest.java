package org.playerdesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The presence pages: the top bar's state selector (and its sign of life), the leads' board with
 * its live rows, who may see and set what, in both languages.
 */
// the sweep is called by the tests themselves, on the clock they move
@SpringBootTest(properties = "playerdesk.workforce.presence.sweep-interval=1h")
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class PresencePagesTest {

    @Autowired
    Handovers handovers;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    AgentPresence presence;
    @Autowired
    Teams teams;
    @Autowired
    ChatSeats seats;
    @Autowired
    TicketDesk desk;
    @Autowired
    StoppedClock clock;

    @Test
    void theTopBarShowsTheAgentsStateAndChangesItWithLiveChatFollowing() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        assertThat(page(get("/console/tickets"), agent, Locale.ENGLISH)).contains("data-testid=\"presence-slot\"")
                .contains("hx-post=\"/console/presence/heartbeat\"");

        String bar = page(post("/console/presence/heartbeat"), agent, Locale.ENGLISH);
        assertThat(bar).contains("data-testid=\"presence-state\"").contains("hx-trigger=\"every 30s\"")
                .contains("data-state=\"offline\"").doesNotContain("<html");
        assertThat(presence.state(agent.id()).signedIn(clock.instant(), presence.grace())).isTrue();

        bar = page(post("/console/presence/mine").param("state", "break"), agent, Locale.ENGLISH);
        assertThat(bar).contains("data-state=\"break\"").contains("<option value=\"break\" selected=\"selected\">On a break</option>");
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.ON_BREAK);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.AWAY);
        assertThat(page(post("/console/presence/heartbeat"), agent, Locale.SIMPLIFIED_CHINESE))
                .contains(">休息中</option>").contains(">空闲</option>");
    }

    @Test
    void aBadOrRefusedChoiceIsShownInTheReadersLanguageAndChangesNothing() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        presence.choose(agent, PresenceState.AVAILABLE);

        assertThat(page(post("/console/presence/mine").param("state", "sleeping"), agent, Locale.ENGLISH))
                .contains("data-testid=\"presence-problem\"").contains("State").contains("sleeping")
                .contains("data-state=\"available\"");
        assertThat(page(post("/console/presence/mine").param("state", "sleeping"), agent, Locale.SIMPLIFIED_CHINESE))
                .contains("状态").contains("未知的值");

        // 接班人未到岗，交班人不得离台: a submitted handover keeps the agent at the desk
        StaffMember incoming = workspace.staff(StaffRole.AGENT_L1);
        HandoverView handover = handovers.openDraft(agent);
        handovers.submit(handover.id(), new HandoverForm(null, null, List.of(incoming.id()), List.of()), agent);
        assertThat(page(post("/console/presence/mine").param("state", "away"), agent, Locale.ENGLISH))
                .contains("data-testid=\"presence-problem\"").contains("waiting for handover")
                .contains("data-state=\"available\"");
        assertThat(page(post("/console/presence/mine").param("state", "away"), agent, Locale.SIMPLIFIED_CHINESE))
                .contains("接班人未到岗，交班人不得离台");
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.AVAILABLE);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.ONLINE);

        StaffMember qa = workspace.staff(StaffRole.QA);
        mvc.perform(post("/console/presence/mine").param("state", "away").with(user(new StaffUser(qa, "")))
                .with(csrf())).andExpect(status().isForbidden());
        assertThat(page(get("/console/tickets"), qa, Locale.ENGLISH)).doesNotContain("presence-slot");
    }

    @Test
    void onlyLeadsSeeTheBoardAndATeamsLeadSeesTheirTeamOnly() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        TeamView team = teams.define(null, TestWorkspace.unique("晚班"), lead.id(), List.of(member.id()), admin);
        TeamView other = teams.define(null, TestWorkspace.unique("夜班"), null, List.of(outsider.id()), admin);

        mvc.perform(get("/console/presence").with(user(new StaffUser(member, "")))).andExpect(status().isForbidden());
        mvc.perform(get("/console/presence/rows").with(user(new StaffUser(member, "")))).andExpect(status().isForbidden());

        String led = page(get("/console/presence"), lead, Locale.ENGLISH);
        assertThat(led).contains("data-staff=\"" + member.id() + "\"").contains("data-staff=\"" + lead.id() + "\"")
                .doesNotContain("data-staff=\"" + outsider.id() + "\"").contains(team.name())
                .doesNotContain(other.name());
        mvc.perform(get("/console/presence").param("team", other.id().toString())
                .with(user(new StaffUser(lead, "")))).andExpect(status().isNotFound());
        assertThat(page(post("/console/presence/heartbeat"), lead, Locale.ENGLISH))
                .contains("data-testid=\"presence-board-link\"");

        String all = page(get("/console/presence"), supervisor, Locale.ENGLISH);
        assertThat(all).contains("data-staff=\"" + member.id() + "\"").contains("data-staff=\"" + outsider.id() + "\"")
                .contains("data-testid=\"nav-presence\"");
        assertThat(page(get("/console/presence").param("team", other.id().toString()), supervisor, Locale.ENGLISH))
                .contains("data-staff=\"" + outsider.id() + "\"").doesNotContain("data-staff=\"" + member.id() + "\"");
        assertThat(page(post("/console/presence/heartbeat"), supervisor, Locale.ENGLISH))
                .doesNotContain("presence-board-link");
    }

    @Test
    void theBoardShowsStateTimeLoadAndBreaksAndItsRowsRefreshThemselves() throws Exception {
        // the board counts today's breaks in the agent's time zone (Asia/Shanghai without a roster):
        // the scene starts at nine in the morning there, so that its 78 minutes never cross midnight
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        clock.moveTo(clock.instant().atZone(shanghai).toLocalDate().plusDays(1).atTime(9, 0).atZone(shanghai).toInstant());
        GameInfo game = workspace.game();
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        desk.assign(workspace.ticket(game, "b-1", "consultation").ticket().id(), agent.id(),
                Actor.agent(supervisor.id(), supervisor.displayName()));
        workspace.liveChat(game, agent, "你好");
        presence.heartbeat(agent.id());
        presence.choose(agent, PresenceState.ON_BREAK);
        clock.shift(Duration.ofMinutes(12));
        presence.choose(agent, PresenceState.AVAILABLE);
        clock.shift(Duration.ofMinutes(65));
        presence.heartbeat(agent.id());
        presence.choose(agent, PresenceState.ON_BREAK);
        clock.shift(Duration.ofMinutes(1));

        // the ticket, and the live chat's ticket
        String board = page(get("/console/presence"), supervisor, Locale.ENGLISH);
        String row = rowOf(board, agent);
        assertThat(row).contains("data-state=\"break\"").contains("data-signed-in=\"true\"")
                .contains("data-on-shift=\"true\"").contains("On a break").contains("0 h 1 min")
                .contains("2 / 10").contains("1 / 3").contains("data-count=\"2\"").contains("data-minutes=\"13\"")
                .contains("2 (13 min)").contains("data-testid=\"presence-set-away\"");
        assertThat(board).contains("Presence board").contains("hx-trigger=\"every 5s\"");

        String zh = rowOf(page(get("/console/presence"), supervisor, Locale.SIMPLIFIED_CHINESE), agent);
        assertThat(zh).contains("休息中").contains("0小时1分钟").contains("2次（13分钟）").contains("设为离线");

        String rows = page(get("/console/presence/rows"), supervisor, Locale.ENGLISH);
        assertThat(rows).startsWith("<tbody").contains("data-testid=\"presence-row\"").contains("every 5s")
                .doesNotContain("<html");
    }

    @Test
    void aLeadSetsAnAgentAwayOrOfflineFromTheBoardAndNothingElse() throws Exception {
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1);
        presence.choose(agent, PresenceState.AVAILABLE);

        mvc.perform(post("/console/presence/" + agent.id() + "/state").param("state", "away")
                .with(user(new StaffUser(supervisor, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "presence.board.set"));
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.AWAY);

        mvc.perform(post("/console/presence/" + agent.id() + "/state").param("state", "available")
                .with(user(new StaffUser(supervisor, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "A lead may set an agent only away or offline."));
        mvc.perform(post("/console/presence/" + agent.id() + "/state").param("state", "offline")
                .with(user(new StaffUser(colleague, ""))).with(csrf())).andExpect(status().isForbidden());
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.AWAY);
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember as, Locale locale) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(as, ""))).with(csrf()).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String rowOf(String page, StaffMember agent) {
        int start = page.indexOf("data-staff=\"" + agent.id() + "\"");
        assertThat(start).as("a row of the agent").isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
