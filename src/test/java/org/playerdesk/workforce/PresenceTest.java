package org.playerdesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.routing.WorkPause;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agents' availability: the state and its history, breaks, leads who may set an agent away or
 * offline, live chat's presence following it both ways, the end of availability on signing out
 * and after the grace period, routing passing by agents on a break, the top bar and the leads'
 * board in both languages.
 */
// the sweep is called by the tests themselves, on the clock they move
@SpringBootTest(properties = "playerdesk.workforce.presence.sweep-interval=1h")
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class PresenceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    AgentPresence presence;
    @Autowired
    Handovers handovers;
    @Autowired
    Teams teams;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StoppedClock clock;
    @Autowired
    ChatSeats seats;
    @Autowired
    AuditLog audit;
    @Autowired
    RoutingSetup routing;
    @Autowired
    TicketQueries tickets;
    @Autowired
    List<WorkPause> pauses;
    @Autowired
    MockMvc mvc;

    @Test
    void anAgentsStateIsKeptWithItsHistoryAndTodaysBreaksAddUp() {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        assertThat(presence.state(agent.id())).satisfies(view -> {
            assertThat(view.state()).as("never chosen: available").isEqualTo(PresenceState.AVAILABLE);
            assertThat(view.recorded()).isFalse();
        });
        Instant start = clock.instant();

        presence.choose(agent, PresenceState.AVAILABLE);
        clock.shift(Duration.ofMinutes(30));
        presence.choose(agent, PresenceState.ON_BREAK);
        clock.shift(Duration.ofMinutes(10));
        presence.choose(agent, PresenceState.ON_BREAK);
        clock.shift(Duration.ofMinutes(5));
        presence.choose(agent, PresenceState.BUSY);
        clock.shift(Duration.ofMinutes(20));
        presence.choose(agent, PresenceState.ON_BREAK);
        clock.shift(Duration.ofMinutes(3));

        PresenceView now = presence.state(agent.id());
        assertThat(now.state()).isEqualTo(PresenceState.ON_BREAK);
        assertThat(now.inState(clock.instant())).isEqualTo(Duration.ofMinutes(3));
        assertThat(presence.periods(agent.id(), start, clock.instant())).extracting(PresencePeriod::state)
                .containsExactly(PresenceState.AVAILABLE, PresenceState.ON_BREAK, PresenceState.BUSY,
                        PresenceState.ON_BREAK);
        List<PresencePeriod> breaks = presence.breaks(List.of(agent.id()), start, clock.instant());
        assertThat(breaks).hasSize(2);
        assertThat(breaks.stream().map(p -> p.within(start, clock.instant())).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofMinutes(18));
        assertThat(breaks.getLast().to()).as("under way").isNull();
    }

    @Test
    void leavingTheDeskIsPutToTheChecksAndARefusalChangesNothing() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember incoming = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        presence.choose(agent, PresenceState.BUSY);
        HandoverView handover = handovers.openDraft(agent);
        handovers.submit(handover.id(), new HandoverForm(null, null, List.of(incoming.id()), List.of()), agent);

        assertThatThrownBy(() -> presence.choose(agent, PresenceState.OFFLINE))
                .as("waiting for the handover").isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo(Handovers.WAITING));
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.BUSY);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.BUSY);
        // staying at the desk is not leaving it
        presence.choose(agent, PresenceState.AVAILABLE);
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.AVAILABLE);

        handovers.release(handover.id(), "接班人已电话确认", supervisor);
        presence.choose(agent, PresenceState.OFFLINE);
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void aLeadSetsAnAgentTheyLeadAwayOrOfflineOnlyAndItIsAudited() {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        teams.define(null, TestWorkspace.unique("早班"), lead.id(), List.of(agent.id()), admin);
        presence.choose(agent, PresenceState.AVAILABLE);

        presence.setFor(agent.id(), PresenceState.AWAY, lead);
        assertThat(presence.state(agent.id()).state()).isEqualTo(PresenceState.AWAY);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.AWAY);
        assertThat(audit.about("staff", agent.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("presence.set");

        assertThatThrownBy(() -> presence.setFor(agent.id(), PresenceState.AVAILABLE, lead))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("presence.lead.state"));
        assertThatThrownBy(() -> presence.setFor(outsider.id(), PresenceState.OFFLINE, lead))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> presence.setFor(lead.id(), PresenceState.OFFLINE, agent))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(presence.state(outsider.id()).recorded()).isFalse();

        presence.setFor(outsider.id(), PresenceState.OFFLINE, supervisor);
        assertThat(presence.state(outsider.id()).state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void liveChatsPresenceFollowsTheStateAndTheStateFollowsTheChatConsole() {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);

        presence.choose(agent, PresenceState.AVAILABLE);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.ONLINE);
        presence.choose(agent, PresenceState.BUSY);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.BUSY);
        presence.choose(agent, PresenceState.ON_BREAK);
        assertThat(seats.seat(agent).presence()).isEqualTo(Presence.AWAY);

        // chosen in the chat console
        clock.shift(Duration.ofSeconds(1));
        seats.setPresence(agent, Presence.ONLINE, null);
        await().atMost(WAIT).until(() -> presence.state(agent.id()).state() == PresenceState.AVAILABLE);
        clock.shift(Duration.ofSeconds(1));
        seats.setPresence(agent, Presence.BUSY, null);
        await().atMost(WAIT).until(() -> presence.state(agent.id()).state() == PresenceState.BUSY);

        // a break is away in live chat: choosing away there again leaves the break as it is
        presence.choose(agent, PresenceState.ON_BREAK);
        seats.setPresence(agent, Presence.AWAY, null);
        seats.setPresence(agent, Presence.OFFLINE, null);
        await().atMost(WAIT).until(() -> presence.state(agent.id()).state() == PresenceState.OFFLINE);
        assertThat(seats.seat(agent).presence()).as("nothing went back to live chat").isEqualTo(Presence.OFFLINE);
    }

    /**
     * Moves the clock on in steps shorter than live chat's own presence timeout, the agent's chat
     * console calling in after each as an open one does: live chat's check of silent consoles runs
     * every few seconds on the same clock, and a seat left silent across one long step would be
     * set offline by it, sooner or later depending on when it runs.
     */
    private void passWithTheChatConsoleOpen(Duration time, StaffMember agent) {
        Duration step = Duration.ofSeconds(30);
        for (Duration left = time; left.isPositive(); left = left.minus(step)) {
            clock.shift(left.compareTo(step) < 0 ? left : step);
            seats.heartbeat(agent.id());
        }
        seats.markAbsentAgentsOffline(); // as it runs on its own now and then: an open console is not absent
    }

    @Test
    void closingTheLastTabEndsAvailabilityAfterTheGracePeriodAndSigningOutAtOnce() throws Exception {
        StaffMember gone = workspace.staff(StaffRole.AGENT_L1);
        StaffMember staying = workspace.staff(StaffRole.AGENT_L1);
        StaffMember chatOnly = workspace.staff(StaffRole.AGENT_L1);
        presence.choose(gone, PresenceState.AVAILABLE);
        presence.choose(staying, PresenceState.BUSY);
        seats.setPresence(chatOnly, Presence.ONLINE, 3);
        await().atMost(WAIT).until(() -> presence.state(chatOnly.id()).state() == PresenceState.AVAILABLE);

        passWithTheChatConsoleOpen(presence.grace().minusSeconds(30), chatOnly);
        presence.heartbeat(staying.id());
        presence.endAbsent();
        assertThat(presence.state(gone.id()).state()).as("within the grace period").isEqualTo(PresenceState.AVAILABLE);

        passWithTheChatConsoleOpen(Duration.ofSeconds(31), chatOnly);
        presence.endAbsent();
        assertThat(presence.state(gone.id())).satisfies(view -> {
            assertThat(view.state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(view.signedIn(clock.instant(), presence.grace())).isFalse();
        });
        assertThat(seats.seat(gone).presence()).isEqualTo(Presence.OFFLINE);
        assertThat(presence.state(chatOnly.id()).state()).as("no console ever spoke for them: nothing went quiet")
                .isEqualTo(PresenceState.AVAILABLE);
        assertThat(seats.seat(chatOnly).presence()).isEqualTo(Presence.ONLINE);
        assertThat(presence.state(staying.id())).satisfies(view -> {
            assertThat(view.state()).isEqualTo(PresenceState.BUSY);
            assertThat(view.signedIn(clock.instant(), presence.grace())).isTrue();
        });

        mvc.perform(post("/logout").with(user(new StaffUser(staying, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(presence.state(staying.id())).satisfies(view -> {
            assertThat(view.state()).isEqualTo(PresenceState.OFFLINE);
            assertThat(view.signedIn(clock.instant(), presence.grace())).isFalse();
        });
        assertThat(seats.seat(staying).presence()).isEqualTo(Presence.OFFLINE);
    }

    @Test
    void theFirstSignOfSomeoneWhoNeverChoseTakesTheirLiveChatPresence() {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        presence.heartbeat(agent.id());
        assertThat(presence.state(agent.id())).satisfies(view -> {
            assertThat(view.recorded()).isTrue();
            assertThat(view.state()).as("live chat offline by default").isEqualTo(PresenceState.OFFLINE);
            assertThat(view.signedIn(clock.instant(), presence.grace())).isTrue();
        });
    }

    @Test
    void routingGivesNoNewTicketToAnAgentOnABreakAndGivesItToTheAvailableOne() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember resting = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember working = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember unrecorded = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(resting, Presence.ONLINE, null);
        seats.setPresence(working, Presence.ONLINE, null);
        // live chat's presence is followed after its commit: the states are chosen once it was, so that
        // what this test checks is routing, not the order of the two (ChatFollowing's own tests do that)
        await().atMost(WAIT).until(() -> presence.state(resting.id()).recorded()
                && presence.state(working.id()).recorded());
        presence.choose(resting, PresenceState.ON_BREAK);
        presence.choose(working, PresenceState.AVAILABLE);
        routing.defineQueue(game.id(), null, new QueueRules(TestWorkspace.unique("全部"), 1, "round_robin", false,
                null, null, null, null, null, null, Set.of(resting.id(), working.id())), lead);

        List<UUID> ids = List.of(workspace.ticket(game, "p-1", "consultation").ticket().id(),
                workspace.ticket(game, "p-2", "consultation").ticket().id(),
                workspace.ticket(game, "p-3", "consultation").ticket().id());

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids).allSatisfy(
                id -> assertThat(tickets.head(id).assigneeId()).isEqualTo(working.id())));
        assertThat(pauses).flatExtracting(pause -> pause.pausedAmong(
                List.of(resting.id(), working.id(), unrecorded.id()), clock.instant()))
                .as("no state recorded: not paused").containsExactly(resting.id());
    }
}
