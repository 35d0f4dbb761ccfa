package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The ticket desk on the real database: rules, history and what the reader sees. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketDeskIntegrationTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

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
    void historyNamesEveryKindOfChangeWithWhoAndWhen() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Actor agentActor = Actor.agent(agent.id(), agent.displayName());
        Actor leadActor = Actor.agent(lead.id(), lead.displayName());
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Opened opened = workspace.ticket(game, "h1", "bug");
        UUID id = opened.ticket().id();
        Actor player = Actor.player(opened.ticket().playerId(), "玩家h1");

        desk.assign(id, agent.id(), leadActor);
        desk.prioritize(id, TicketPriority.URGENT, leadActor);
        desk.retype(id, TicketType.PAYMENT, agentActor);
        desk.tag(id, "Refund", agentActor);
        desk.tag(id, "vip", agentActor);
        desk.untag(id, "vip", agentActor);
        desk.note(id, agentActor, "已转财务核对", List.of());
        desk.reply(id, agentActor, "请提供截图", List.of(), TicketStatus.PENDING_PLAYER);
        desk.reply(id, player, "截图如下", List.of(new Upload("shot.png", PNG)), null);
        desk.changeStatus(id, TicketStatus.RESOLVED, agentActor);
        Instant after = Instant.now().plusMillis(1);

        List<HistoryEntry> history = queries.details(id, true).history();
        assertThat(history).extracting(HistoryEntry::action, HistoryEntry::oldValue, HistoryEntry::newValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("created", null, "new"),
                        org.assertj.core.groups.Tuple.tuple("reply", null, null),
                        org.assertj.core.groups.Tuple.tuple("assignee", null, agent.id().toString()),
                        org.assertj.core.groups.Tuple.tuple("status", "new", "open"),
                        org.assertj.core.groups.Tuple.tuple("priority", "normal", "urgent"),
                        org.assertj.core.groups.Tuple.tuple("type", "bug", "payment"),
                        org.assertj.core.groups.Tuple.tuple("tag_added", null, "refund"),
                        org.assertj.core.groups.Tuple.tuple("tag_added", null, "vip"),
                        org.assertj.core.groups.Tuple.tuple("tag_removed", "vip", null),
                        org.assertj.core.groups.Tuple.tuple("note", null, null),
                        org.assertj.core.groups.Tuple.tuple("reply", null, null),
                        org.assertj.core.groups.Tuple.tuple("status", "open", "pending_player"),
                        org.assertj.core.groups.Tuple.tuple("reply", null, null),
                        org.assertj.core.groups.Tuple.tuple("attachment", null, "shot.png"),
                        org.assertj.core.groups.Tuple.tuple("status", "pending_player", "open"),
                        org.assertj.core.groups.Tuple.tuple("status", "open", "resolved"));
        assertThat(history).extracting(HistoryEntry::actor).containsExactly(
                player, player, leadActor, leadActor, leadActor, agentActor, agentActor, agentActor, agentActor,
                agentActor, agentActor, agentActor, player, player, player, agentActor);
        assertThat(history).allSatisfy(entry -> assertThat(entry.at()).isBetween(before, after));
        assertThat(history).extracting(HistoryEntry::at).isSorted();
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

    @Test
    void refusedStatusChangeLeavesTicketAndHistoryAsTheyWere() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        UUID id = workspace.ticket(game, "p3", "consultation").ticket().id();
        TicketDetails before = queries.details(id, true);

        assertThatThrownBy(() -> desk.changeStatus(id, TicketStatus.CLOSED, actor))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("ticket.status.refused"));

        // the service-level clock moves on its own (set after the ticket's arrival): not the refused change
        assertThat(queries.details(id, true)).usingRecursiveComparison()
                .ignoringFields("ticket.slaDueAt", "ticket.slaState").isEqualTo(before);
    }

    @Test
    void playersSeeNeitherNotesNorHistory() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        UUID id = workspace.ticket(game, "p4", "complaint").ticket().id();
        desk.note(id, actor, "这位玩家上周也投诉过", List.of(new Upload("notes.png", PNG)));
        desk.reply(id, actor, "您好，我们正在处理", List.of(), null);

        TicketDetails seenByPlayer = queries.details(id, false);
        assertThat(seenByPlayer.messages()).extracting(MessageView::visibility).containsOnly(Visibility.PUBLIC);
        assertThat(seenByPlayer.messages()).hasSize(2);
        assertThat(seenByPlayer.history()).isEmpty();
        assertThat(queries.details(id, true).messages()).hasSize(3);
        UUID internalFile = queries.details(id, true).messages().get(1).attachments().getFirst().id();
        assertThatThrownBy(() -> queries.attachment(id, internalFile, false)).isInstanceOf(NotFoundException.class);
        assertThat(queries.attachment(id, internalFile, true).content().exists()).isTrue();
    }

    @Test
    void refusesPlayerNotesAndBadTags() {
        GameInfo game = workspace.game();
        Opened opened = workspace.ticket(game, "p5", "bug");
        UUID id = opened.ticket().id();
        Actor player = Actor.player(opened.ticket().playerId(), "玩家");
        Actor system = Actor.SYSTEM;

        assertThatThrownBy(() -> desk.note(id, player, "secret", List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("ticket.note.staff-only"));
        for (String bad : new String[] { "", "two words", "x".repeat(41), "<script>" }) {
            assertThatThrownBy(() -> desk.tag(id, bad, system)).as("tag '%s'", bad)
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("tag"));
        }
        assertThat(queries.head(id).tags()).isEmpty();
        assertThatThrownBy(() -> desk.changeStatus(UUID.randomUUID(), TicketStatus.OPEN, system))
                .isInstanceOf(NotFoundException.class);
    }
}
