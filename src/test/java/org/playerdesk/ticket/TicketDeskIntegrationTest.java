package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(TestWorkspace.class)
class TicketDeskIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;

    @Test
    void numbersTicketsPerGameFromOne() {
        GameInfo first = workspace.game();
        GameInfo second = workspace.game();
        assertThat(workspace.ticket(first, "a1", "bug").ticket().number()).isEqualTo(1);
        assertThat(workspace.ticket(first, "a2", "bug").ticket().number()).isEqualTo(2);
        assertThat(workspace.ticket(second, "b1", "bug").ticket().number()).isEqualTo(1);
    }

    @Test
    void playerReplyReopensResolvedTicketAndHistoryKeepsEveryChange() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        Opened opened = workspace.ticket(game, "p1", "payment");
        var id = opened.ticket().id();

        desk.assign(id, agent.id(), actor);
        desk.reply(id, actor, "已为您处理", List.of(), TicketStatus.RESOLVED);
        desk.reply(id, Actor.player(opened.ticket().playerId(), "玩家"), "还是没到账", List.of(), null);

        TicketDetails details = queries.details(id, true);
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.OPEN);
        assertThat(details.history()).extracting(HistoryEntry::action)
                .containsExactly("created", "reply", "assignee", "status", "reply", "status", "reply", "status");
        assertThat(details.messages()).hasSize(3);
    }

    @Test
    void refusesReplyToClosedTicket() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        Opened opened = workspace.ticket(game, "p2", "bug");
        var id = opened.ticket().id();
        desk.changeStatus(id, TicketStatus.RESOLVED, actor);
        desk.changeStatus(id, TicketStatus.CLOSED, actor);

        assertThatThrownBy(() -> desk.reply(id, Actor.player(opened.ticket().playerId(), "玩家"), "hello", List.of(), null))
                .isInstanceOf(RuleViolation.class);
        assertThat(queries.details(id, true).messages()).hasSize(1);
    }
}
