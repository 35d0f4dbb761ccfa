package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket's head, opening message and metadata as the listeners read them (with SQL): what the
 * entity holds, and in a transaction that writes, what it changed so far.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketHeadTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void readsTheTicketAsItsEntityHoldsItTagsInOrderAndNothingForAnUnknownTicket() {
        GameInfo game = workspace.game();
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity("head-1", "小雨", "S1", null), "payment",
                null, null, "充值没到账", "昨晚充的 648 没到", null, Map.of("server", "S1", "client_version", "2.3.1"),
                true), List.of());
        UUID id = opened.ticket().id();
        Actor agent = Actor.agent(UUID.randomUUID(), "小林");
        for (String tag : List.of("zeta", "退款", "alpha")) {
            desk.tag(id, tag, agent);
        }

        TicketView head = tickets.head(id);
        assertThat(head.tags()).as("in the entity's order (a listener may add its own)")
                .containsSubsequence("alpha", "zeta", "退款");
        // the database may keep fewer fractions of a second than the clock gives; the service-level
        // position is the service-level listener's to set, meanwhile (ServiceLevelTrackingTest reads it)
        assertThat(head).usingRecursiveComparison()
                .ignoringFields("tags", "updatedAt", "createdAt", "slaDueAt", "slaState").isEqualTo(opened.ticket());
        assertThat(head.createdAt()).isCloseTo(opened.ticket().createdAt(), within(1, ChronoUnit.MILLIS));
        assertThat(tickets.openingMessage(id)).hasValueSatisfying(m -> {
            assertThat(m.body()).isEqualTo("昨晚充的 648 没到");
            assertThat(m.authorKind()).isEqualTo(Actor.Kind.PLAYER);
            assertThat(m.createdAt()).isCloseTo(opened.firstMessage().createdAt(), within(1, ChronoUnit.MILLIS));
        });
        assertThat(tickets.metadata(id)).containsOnly(Map.entry("server", "S1"), Map.entry("client_version", "2.3.1"));
        assertThat(tickets.metadata(workspace.ticket(game, "head-2", "bug").ticket().id())).isEmpty();

        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> tickets.head(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets.metadata(unknown)).isInstanceOf(NotFoundException.class);
        assertThat(tickets.openingMessage(unknown)).isEmpty();
    }

    @Test
    void inATransactionThatWritesTheHeadIsTheOneItSees() {
        UUID id = workspace.ticket(workspace.game(), "head-3", "bug").ticket().id();
        Actor agent = Actor.agent(UUID.randomUUID(), "小林");

        List<String> seen = transaction.execute(status -> {
            desk.tag(id, "pending", agent);
            desk.prioritize(id, TicketPriority.URGENT, agent);
            TicketView head = tickets.head(id);
            status.setRollbackOnly();
            return List.of(String.join(",", head.tags()), head.priority().code());
        });

        assertThat(seen).containsExactly("pending", "urgent");
        // rolled back (the listeners of the new ticket may have changed it meanwhile, never like this)
        assertThat(tickets.head(id).tags()).doesNotContain("pending");
        assertThat(tickets.head(id).priority()).isNotEqualTo(TicketPriority.URGENT);
    }
}
