package org.playerdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * A ticket goes up its game's path one level at a time, with a reason, and no further than the top;
 * routing gives it to the new level; a supervisor hands it back down.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class EscalationsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Escalations escalations;
    @Autowired
    TicketQueries tickets;

    @Test
    void escalatesLevelByLevelWithTheReasonInTheHistory() {
        GameInfo game = workspace.game();
        Opened opened = workspace.ticket(game, "esc-1", "account_stolen");
        UUID id = opened.ticket().id();
        Actor agent = Actor.agent(UUID.randomUUID(), "小林");

        assertThatThrownBy(() -> escalations.escalate(id, " ", agent)).isInstanceOf(InvalidInput.class);
        assertThat(escalations.escalate(id, "超出一线权限:需要查询充值流水", agent).level())
                .isEqualTo(SupportLevel.SECOND_LINE);
        assertThat(escalations.escalate(id, "涉及大额补偿", agent).level()).isEqualTo(SupportLevel.SUPERVISOR);
        assertThatThrownBy(() -> escalations.escalate(id, "再上报", agent)).isInstanceOf(RuleViolation.class);

        assertThat(tickets.details(id, true).history()).filteredOn(h -> h.action().equals("level"))
                .extracting(HistoryEntry::oldValue, HistoryEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first_line", "second_line"),
                        org.assertj.core.groups.Tuple.tuple("second_line", "supervisor"));
        assertThat(tickets.details(id, true).history()).extracting(HistoryEntry::newValue)
                .contains("超出一线权限:需要查询充值流水", "涉及大额补偿");
    }

    @Autowired
    RoutingSetup setup;
    @Autowired
    org.playerdesk.chat.ChatSeats seats;

    @Test
    void eachGameHasItsOwnPathSetByAdministratorsOnly() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);

        assertThatThrownBy(() -> escalations.changePath(game.id(), "first_line, vip, supervisor", lead))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> escalations.changePath(game.id(), "second_line, supervisor", admin))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("levels"));
        assertThatThrownBy(() -> escalations.changePath(game.id(), "first_line, boss", admin))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> escalations.changePath(game.id(), "first_line, vip, vip", admin))
                .isInstanceOf(InvalidInput.class);
        assertThat(escalations.changePath(game.id(), "first_line → vip → supervisor", admin))
                .containsExactly(SupportLevel.FIRST_LINE, SupportLevel.VIP, SupportLevel.SUPERVISOR);

        assertThat(escalations.pathOf(game.id())).containsExactly(SupportLevel.FIRST_LINE, SupportLevel.VIP,
                SupportLevel.SUPERVISOR);
        assertThat(escalations.pathOf(other.id())).containsExactly(SupportLevel.FIRST_LINE,
                SupportLevel.SECOND_LINE, SupportLevel.SUPERVISOR);
        UUID id = workspace.ticket(game, "esc-vip", "payment").ticket().id();
        assertThat(escalations.escalate(id, "大额充值未到账", Actor.agent(lead.id(), "主管")).level())
                .isEqualTo(SupportLevel.VIP);
    }

    @Test
    void anEscalatedTicketGoesToTheNewLevelsQueueKeepsItsDeadlineAndComesBackOnHandBack() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember first = online(workspace.staff(StaffRole.AGENT_L1, game));
        StaffMember second = online(workspace.staff(StaffRole.AGENT_L2, game));
        setup.defineQueue(game.id(), null, new QueueRules("一线", 1, "round_robin", false, null, null, null, null,
                "first_line", null, Set.of(first.id())), lead);
        setup.defineQueue(game.id(), null, new QueueRules("二线", 2, "round_robin", false, null, null, null, null,
                "second_line", "l2", Set.of()), lead);
        UUID id = workspace.ticket(game, "esc-route", "account_stolen").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(first.id()));
        // the deadline the service-level clocks give the ticket (they keep it in step with their timers)
        await().atMost(WAIT).until(() -> tickets.head(id).slaDueAt() != null);
        java.time.Instant due = tickets.head(id).slaDueAt();

        escalations.escalate(id, "需要查询登录记录", Actor.agent(first.id(), "一线"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(second.id()));
        assertThat(tickets.head(id).slaDueAt()).isEqualTo(due);
        assertThat(tickets.head(id).level()).isEqualTo(SupportLevel.SECOND_LINE);

        escalations.escalate(id, "需要主管批准补偿", Actor.agent(second.id(), "二线"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId())
                .as("no supervisor is online: the ticket waits in the supervisors' pool").isNull());
        assertThatThrownBy(() -> escalations.escalate(id, "再上报", Actor.agent(second.id(), "二线")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("ticket.escalate.top"));

        assertThatThrownBy(() -> escalations.handBack(id, "二线可以处理", second)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> escalations.handBack(id, " ", lead)).isInstanceOf(InvalidInput.class);
        escalations.handBack(id, "已批准,二线继续处理", lead);
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(second.id()));
        assertThat(tickets.head(id).level()).isEqualTo(SupportLevel.SECOND_LINE);
        assertThat(tickets.head(id).slaDueAt()).isEqualTo(due);
        assertThat(tickets.details(id, true).history()).extracting(HistoryEntry::newValue)
                .contains("需要查询登录记录", "需要主管批准补偿", "已批准,二线继续处理");
    }

    private StaffMember online(StaffMember member) {
        seats.setPresence(member, org.playerdesk.chat.Presence.ONLINE, null);
        return member;
    }

    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);
}
