package org.playerdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.automation.internal.TimeRuleSweep;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The time rules, swept as of a chosen moment (the sweep takes the time it runs at, which the
 * scheduler reads from the clock): resolved tickets close after 3 days, a waiting player is
 * reminded once after 24 hours, and a reply in between starts the wait again.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TimeRulesTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TimeRuleSweep sweep;
    @Autowired
    AutomationRules rules;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;

    private Actor agent(StaffMember member) {
        return Actor.agent(member.id(), "小林");
    }

    @Test
    void gamesGetBothTimeRulesSwitchedOn() {
        GameInfo game = workspace.game();
        assertThat(rules.timeRules(game.id())).extracting(TimeRuleView::kind, TimeRuleView::hours, TimeRuleView::enabled)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(TimeRuleKind.CLOSE_RESOLVED, 72, true),
                        org.assertj.core.groups.Tuple.tuple(TimeRuleKind.REMIND_PENDING, 24, true));
        assertThat(rules.timeRules(game.id())).filteredOn(t -> t.kind() == TimeRuleKind.REMIND_PENDING).singleElement()
                .satisfies(t -> assertThat(t.message()).contains("{player.nickname}"));
    }

    @Test
    void aResolvedTicketClosesAfterThreeDaysWithoutAReply() {
        GameInfo game = workspace.game();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        Opened quiet = workspace.ticket(game, "time-1", "consultation");
        Opened answered = workspace.ticket(game, "time-2", "consultation");
        Opened open = workspace.ticket(game, "time-3", "consultation");
        UUID id = quiet.ticket().id();
        desk.reply(id, agent(member), "已处理", List.of(), TicketStatus.RESOLVED);
        desk.reply(answered.ticket().id(), agent(member), "已处理", List.of(), TicketStatus.RESOLVED);
        Instant resolved = Instant.now();

        assertThat(sweep.sweep(game.id(), resolved.plus(Duration.ofHours(71)))).isZero();
        assertThat(tickets.head(id).status()).isEqualTo(TicketStatus.RESOLVED);

        // the player writes again on one of them: it reopens, and is no longer due
        desk.reply(answered.ticket().id(), Actor.player(answered.ticket().playerId(), "玩家"), "还是不行", List.of(), null);

        assertThat(sweep.sweep(game.id(), resolved.plus(Duration.ofHours(72)).plusSeconds(60))).isEqualTo(1);
        assertThat(tickets.head(id).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.head(answered.ticket().id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(tickets.head(open.ticket().id()).status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.details(id, true).history()).filteredOn(h -> h.action().equals("status")).last()
                .satisfies(h -> {
                    assertThat(h.newValue()).isEqualTo("closed");
                    assertThat(h.actor().kind()).isEqualTo(Actor.Kind.SYSTEM);
                    assertThat(h.actor().name()).contains("已解决工单无回复自动关闭");
                });
        // a second sweep (or a second node) finds nothing more to do
        assertThat(sweep.sweep(game.id(), resolved.plus(Duration.ofHours(80)))).isZero();
        assertThat(rules.recentExecutions(game.id(), 10)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("done"));
    }

    @Test
    void aWaitingPlayerIsRemindedOnceAfterADayAndAReplyInBetweenCancels() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        Opened waiting = workspace.ticket(game, "time-4", "payment");
        Opened repliedInTime = workspace.ticket(game, "time-5", "payment");
        UUID id = waiting.ticket().id();
        desk.reply(id, agent(member), "请提供订单号", List.of(), TicketStatus.PENDING_PLAYER);
        desk.reply(repliedInTime.ticket().id(), agent(member), "请提供订单号", List.of(), TicketStatus.PENDING_PLAYER);
        Instant asked = Instant.now();
        desk.reply(repliedInTime.ticket().id(), Actor.player(repliedInTime.ticket().playerId(), "玩家"), "订单号 123",
                List.of(), null);

        assertThat(sweep.sweep(game.id(), asked.plus(Duration.ofHours(23)))).isZero();
        assertThat(sweep.sweep(game.id(), asked.plus(Duration.ofHours(24)).plusSeconds(60))).isEqualTo(1);

        List<MessageView> reminders = reminders(id);
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("玩家time-4").doesNotContain("{player.nickname}", "{ticket.number}");
            assertThat(m.authorName()).contains("等待玩家回复时提醒一次");
        });
        assertThat(tickets.head(id).status()).isEqualTo(TicketStatus.PENDING_PLAYER);
        assertThat(reminders(repliedInTime.ticket().id())).isEmpty();

        // later sweeps, even one that looks at every waiting ticket again (the hours changed), remind no more
        assertThat(sweep.sweep(game.id(), asked.plus(Duration.ofHours(50)))).isZero();
        rules.changeTimeRule(game.id(), TimeRuleKind.REMIND_PENDING, 12, true, "{player.nickname}，请回复", lead);
        assertThat(sweep.sweep(game.id(), asked.plus(Duration.ofHours(80)))).isZero();
        assertThat(reminders(id)).hasSize(1);

        // the player answers, the agent asks again: a new wait, a new reminder (the sweeps above ran
        // days ahead; setting the hours again lets this one look back at the present)
        desk.reply(id, Actor.player(waiting.ticket().playerId(), "玩家"), "订单号 456", List.of(), null);
        desk.reply(id, agent(member), "还需要截图", List.of(), TicketStatus.PENDING_PLAYER);
        rules.changeTimeRule(game.id(), TimeRuleKind.REMIND_PENDING, 13, true, "{player.nickname}，请回复", lead);
        assertThat(sweep.sweep(game.id(), Instant.now().plus(Duration.ofHours(12)))).isZero();
        assertThat(sweep.sweep(game.id(), Instant.now().plus(Duration.ofHours(14)))).isEqualTo(1);
        assertThat(reminders(id)).hasSize(2).last().satisfies(m -> assertThat(m.body()).endsWith("，请回复"));
    }

    @Test
    void switchedOffTimeRulesDoNothingAndBadSettingsAreRefused() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "time-6", "bug");
        desk.reply(opened.ticket().id(), agent(member), "已修复", List.of(), TicketStatus.RESOLVED);
        rules.changeTimeRule(game.id(), TimeRuleKind.CLOSE_RESOLVED, 72, false, null, lead);

        assertThat(sweep.sweep(game.id(), Instant.now().plus(Duration.ofDays(10)))).isZero();
        assertThat(tickets.head(opened.ticket().id()).status()).isEqualTo(TicketStatus.RESOLVED);

        assertThatThrownBy(() -> rules.changeTimeRule(game.id(), TimeRuleKind.REMIND_PENDING, 0, true, " ", lead))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("hours", "message"));
        assertThatThrownBy(() -> rules.changeTimeRule(game.id(), TimeRuleKind.CLOSE_RESOLVED, 24, true, null, member))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        // switched on again: the next sweep looks at the whole backlog
        rules.changeTimeRule(game.id(), TimeRuleKind.CLOSE_RESOLVED, 72, true, null, lead);
        assertThat(sweep.sweep(game.id(), Instant.now().plus(Duration.ofDays(11)))).isEqualTo(1);
        assertThat(tickets.head(opened.ticket().id()).status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void twoNodesSweepingAtOnceCloseATicketOnce() throws Exception {
        GameInfo game = workspace.game();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "time-7", "bug");
        desk.reply(opened.ticket().id(), agent(member), "已修复", List.of(), TicketStatus.RESOLVED);
        Instant later = Instant.now().plus(Duration.ofHours(73));

        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<Integer> one = nodes.submit(() -> sweep.sweep(game.id(), later));
            Future<Integer> two = nodes.submit(() -> sweep.sweep(game.id(), later));
            assertThat(one.get() + two.get()).isEqualTo(1);
        }
        assertThat(tickets.head(opened.ticket().id()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.details(opened.ticket().id(), true).history())
                .filteredOn(h -> "closed".equals(h.newValue())).hasSize(1);
    }

    private List<MessageView> reminders(UUID ticketId) {
        return tickets.details(ticketId, false).messages().stream().filter(m -> m.authorKind() == Actor.Kind.SYSTEM)
                .toList();
    }
}
