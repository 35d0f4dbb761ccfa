package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.sla.internal.SlaClocks;
import org.playerdesk.sla.internal.SlaSweep;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * Timers end to end: the ticket's events start, pause, resume and stop them; the sweep, run at a
 * chosen instant, fires each warning and breach once with the policy's actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ServiceLevelsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    SlaClocks clocks;
    @Autowired
    SlaSweep sweep;
    @Autowired
    SlaPolicies policies;
    @Autowired
    Notifications notifications;

    private UUID open(GameInfo game, String account, String type, String channel) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, "S1", null), type,
                channel, null, "测试 " + type, "玩家的问题", null, Map.of(), false), List.of()).ticket().id();
    }

    private TicketView tracked(UUID ticketId, SlaState state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.head(ticketId).slaState() == state);
        return tickets.head(ticketId);
    }

    private TimerView timer(UUID ticketId, SlaTarget target) {
        return clocks.timersOf(ticketId, Instant.now()).stream().filter(t -> t.target() == target).findFirst()
                .orElse(null);
    }

    @Test
    void aGameStartsWithTheShippedDefaultsFromTheSeedFigures() {
        GameInfo game = workspace.game();
        List<PolicyView> shipped = policies.policies(game.id());
        assertThat(shipped).extracting(PolicyView::name)
                .containsExactly("VIP 在线客服", "VIP 玩家", "电话", "在线客服", "投诉", "咨询", "工单");
        PolicyView chat = shipped.get(3);
        assertThat(chat.firstResponseMinutes()).isEqualTo(5);
        PolicyView web = shipped.getLast();
        assertThat(web.firstResponseMinutes()).isEqualTo(60);
        assertThat(web.warningPercent()).isEqualTo(50);
        assertThat(shipped.get(2).firstResponseMinutes()).isEqualTo(1);
        assertThat(shipped.get(4).resolutionMinutes()).isEqualTo(48 * 60);
        assertThat(policies.calendars(game.id())).extracting(CalendarView::name).contains("7×24");
        // asked again, nothing is added twice
        assertThat(policies.policies(game.id())).hasSize(shipped.size());
    }

    @Test
    void warnsOnceThenBreachesOnceNotifyingTheAssigneeAndTheLeads() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        UUID id = open(game, "sla-1", "consultation", "web");
        TicketView opened = tracked(id, SlaState.ON_TRACK);
        assertThat(opened.slaDueAt()).isEqualTo(opened.createdAt().plus(Duration.ofMinutes(60)));
        desk.assign(id, agent.id(), Actor.SYSTEM);

        Instant created = opened.createdAt();
        assertThat(sweep.sweep(created.plus(Duration.ofMinutes(29)), Set.of(game.id()))).isZero();
        assertThat(sweep.sweep(created.plus(Duration.ofMinutes(31)), Set.of(game.id()))).isEqualTo(1);
        assertThat(sweep.sweep(created.plus(Duration.ofMinutes(32)), Set.of(game.id()))).isZero();
        assertThat(tickets.head(id).slaState()).isEqualTo(SlaState.WARNING);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(agent.id()) == 1);
        NotificationView warned = notifications.recent(agent.id(), 5).getFirst();
        assertThat(warned.messageKey()).isEqualTo("notification.sla.warning.first_response");
        assertThat(warned.args()).containsExactly("#" + opened.number(), "29");

        assertThat(sweep.sweep(created.plus(Duration.ofMinutes(61)), Set.of(game.id()))).isEqualTo(1);
        assertThat(sweep.sweep(created.plus(Duration.ofMinutes(90)), Set.of(game.id()))).isZero();
        assertThat(tickets.head(id).slaState()).isEqualTo(SlaState.BREACHED);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(lead.id()) == 1);
        assertThat(notifications.recent(lead.id(), 5).getFirst().messageKey())
                .isEqualTo("notification.sla.breach.first_response");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(agent.id()) == 2);

        assertThat(tickets.details(id, true).history()).extracting(HistoryEntry::newValue)
                .anyMatch(v -> v != null && v.startsWith("服务时效预警:首次响应"))
                .anyMatch(v -> v != null && v.startsWith("服务时效超时:首次响应"));
        TimerView first = timer(id, SlaTarget.FIRST_RESPONSE);
        assertThat(first.warnedAt()).isNotNull();
        assertThat(first.breachedAt()).isNotNull();
        TimerView later = clocks.timersOf(id, created.plus(Duration.ofMinutes(90))).getFirst();
        assertThat(later.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
        assertThat(later.left()).isEqualTo(Duration.ofMinutes(-30));

        // the late answer (at 62 minutes, as the sweeps) stops the first response; the resolution target runs on
        clocks.messagePosted(id, false, created.plus(Duration.ofMinutes(62)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "stopped".equals(timer(id, SlaTarget.FIRST_RESPONSE).state()));
        assertThat(timer(id, SlaTarget.FIRST_RESPONSE).met()).isFalse();
        TicketView after = tracked(id, SlaState.ON_TRACK);
        assertThat(after.slaDueAt()).isEqualTo(created.plus(Duration.ofHours(24)));
    }

    @Test
    void anAnswerInTimeThatReachesTheClockAfterTheSweepIsMet() {
        GameInfo game = workspace.game();
        UUID id = open(game, "sla-late", "consultation", "web");
        Instant created = tracked(id, SlaState.ON_TRACK).createdAt();
        sweep.sweep(created.plus(Duration.ofMinutes(61)), Set.of(game.id()));
        assertThat(timer(id, SlaTarget.FIRST_RESPONSE).breachedAt()).isNotNull();

        // a chat line said at 59 minutes, written to the ticket with its batch a little later
        clocks.messagePosted(id, false, created.plus(Duration.ofMinutes(59)));
        TimerView first = timer(id, SlaTarget.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo("stopped");
        assertThat(first.met()).isTrue();
        assertThat(first.breachedAt()).isNull();

        UUID late = open(game, "sla-later", "consultation", "web");
        Instant opened = tracked(late, SlaState.ON_TRACK).createdAt();
        sweep.sweep(opened.plus(Duration.ofMinutes(61)), Set.of(game.id()));
        clocks.messagePosted(late, false, opened.plus(Duration.ofMinutes(60).plusSeconds(30)));
        assertThat(timer(late, SlaTarget.FIRST_RESPONSE).met()).as("said after the deadline").isFalse();
    }

    @Test
    void aMissedComplaintRaisesThePriorityAndEscalates() {
        GameInfo game = workspace.game();
        workspace.staff(StaffRole.SUPERVISOR, game);
        UUID id = open(game, "sla-2", "complaint", "web");
        TicketView opened = tracked(id, SlaState.ON_TRACK);
        assertThat(sweep.sweep(opened.createdAt().plus(Duration.ofMinutes(61)), Set.of(game.id()))).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.head(id).level() == SupportLevel.SECOND_LINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.head(id).priority() == TicketPriority.HIGH);
        // the raised priority re-matches (still the complaint policy): the clock keeps its time
        assertThat(timer(id, SlaTarget.RESOLUTION).dueAt()).isEqualTo(opened.createdAt().plus(Duration.ofHours(48)));
    }

    @Test
    void waitingOnThePlayerPausesAndTheirReplyResumesWithTheTimeLeft() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = open(game, "sla-3", "bug", "email");
        TicketView opened = tracked(id, SlaState.ON_TRACK);
        Instant firstDue = opened.slaDueAt();

        desk.changeStatus(id, TicketStatus.PENDING_PLAYER, Actor.agent(agent.id(), "客服"));
        TicketView paused = tracked(id, SlaState.PAUSED);
        assertThat(paused.slaDueAt()).isNull();
        assertThat(timer(id, SlaTarget.FIRST_RESPONSE).paused()).isTrue();
        // a paused clock never fires
        assertThat(sweep.sweep(opened.createdAt().plus(Duration.ofHours(3)), Set.of(game.id()))).isZero();

        desk.reply(id, Actor.player(opened.playerId(), "玩家"), "补充截图", List.of(), null);
        TicketView resumed = tracked(id, SlaState.ON_TRACK);
        assertThat(resumed.slaDueAt()).isAfter(firstDue);

        // the answer stops the first response; the player's next message starts the next response
        desk.reply(id, Actor.agent(agent.id(), "客服"), "收到,已转交技术。", List.of(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> timer(id, SlaTarget.FIRST_RESPONSE).met());
        desk.reply(id, Actor.player(opened.playerId(), "玩家"), "还没好", List.of(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> timer(id, SlaTarget.NEXT_RESPONSE) != null
                && timer(id, SlaTarget.NEXT_RESPONSE).running());
        assertThat(timer(id, SlaTarget.NEXT_RESPONSE).targetMinutes()).isEqualTo(24 * 60);

        desk.changeStatus(id, TicketStatus.RESOLVED, Actor.agent(agent.id(), "客服"));
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.head(id).slaState() == null);
        assertThat(tickets.head(id).slaDueAt()).isNull();
    }

    @Test
    void aChangedTypeMatchesAnotherPolicyAndKeepsTheTimeUsed() {
        GameInfo game = workspace.game();
        UUID id = open(game, "sla-4", "consultation", "in_game");
        TicketView opened = tracked(id, SlaState.ON_TRACK);
        assertThat(timer(id, SlaTarget.RESOLUTION).policyName()).isEqualTo("咨询");

        desk.retype(id, TicketType.COMPLAINT, Actor.SYSTEM);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "投诉".equals(timer(id, SlaTarget.RESOLUTION).policyName()));
        // elapsed time carries: the 48 h still count from the arrival
        assertThat(Duration.between(opened.createdAt(), timer(id, SlaTarget.RESOLUTION).dueAt()).toMinutes())
                .isBetween(48 * 60L - 1, 48 * 60L);

        desk.retype(id, TicketType.BUG, Actor.SYSTEM);
        await().atMost(Duration.ofSeconds(20)).until(() -> "stopped".equals(timer(id, SlaTarget.RESOLUTION).state()));
    }

    @Test
    void aChangedCalendarIsTheOneTheNextTicketsClockUses() {
        GameInfo game = workspace.game();
        UUID before = open(game, "sla-cal-1", "consultation", "web");
        TicketView first = tracked(before, SlaState.ON_TRACK);
        assertThat(first.slaDueAt()).isEqualTo(first.createdAt().plus(Duration.ofMinutes(60)));

        // the clocks have read the 7×24 calendar; it now opens one hour a week, never on today's weekday
        CalendarView always = policies.calendars(game.id()).stream().filter(CalendarView::alwaysOpen).findFirst()
                .orElseThrow();
        java.time.DayOfWeek open = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getDayOfWeek().plus(3);
        policies.changeCalendar(game.id(), always.id(),
                new CalendarForm(always.name(), "UTC", false, Map.of(open, "09:00-10:00"), "", ""));

        UUID after = open(game, "sla-cal-2", "consultation", "web");
        TicketView second = tracked(after, SlaState.ON_TRACK);
        BusinessCalendar oneHourAWeek = BusinessCalendar.of(java.time.ZoneOffset.UTC,
                Map.of(open, List.of(BusinessCalendar.Hours.of("09:00", "10:00"))), Set.of(), Set.of());
        assertThat(second.slaDueAt()).isEqualTo(oneHourAWeek.plus(second.createdAt(), Duration.ofMinutes(60)))
                .isNotEqualTo(second.createdAt().plus(Duration.ofMinutes(60)));
    }
}
