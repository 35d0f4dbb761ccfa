package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The deadline the service-level module keeps on a ticket: survives the ticket's own changes
 * (it is never written with them) and orders the inbox "due first".
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ServiceLevelTrackingTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    org.playerdesk.sla.SlaPolicies policies;

    @Test
    void aTrackedDeadlineSurvivesTheTicketsOwnChangesAndOrdersTheInboxDueFirst() {
        GameInfo game = workspace.game();
        // a game without service-level policies: the deadlines here are the test's alone
        policies.policies(game.id()).forEach(p -> policies.removePolicy(game.id(), p.id()));
        Opened late = workspace.ticket(game, "due-1", "bug");
        Opened soon = workspace.ticket(game, "due-2", "bug");
        Opened none = workspace.ticket(game, "due-3", "bug");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Actor agent = Actor.agent(UUID.randomUUID(), "小林");

        desk.trackSla(late.ticket().id(), now.plus(2, ChronoUnit.HOURS), SlaState.ON_TRACK);
        desk.trackSla(soon.ticket().id(), now.plus(10, ChronoUnit.MINUTES), SlaState.WARNING);
        desk.prioritize(soon.ticket().id(), TicketPriority.HIGH, agent);
        desk.tag(soon.ticket().id(), "lag", agent);

        TicketView head = tickets.head(soon.ticket().id());
        assertThat(head.slaDueAt()).isEqualTo(now.plus(10, ChronoUnit.MINUTES));
        assertThat(head.slaState()).isEqualTo(SlaState.WARNING);
        assertThat(head.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(head.level()).isEqualTo(SupportLevel.FIRST_LINE);

        TicketFilter filter = new TicketFilter(null, game.id(), Set.of(), null, null, null, null, false, null, null,
                null, TicketFilter.Order.DUE);
        assertThat(tickets.search(filter, 0, 10).getContent()).extracting(TicketView::id)
                .containsExactly(soon.ticket().id(), late.ticket().id(), none.ticket().id());

        desk.trackSla(soon.ticket().id(), null, null);
        assertThat(tickets.head(soon.ticket().id()).slaDueAt()).isNull();
        assertThatThrownBy(() -> desk.trackSla(UUID.randomUUID(), now, SlaState.ON_TRACK))
                .isInstanceOf(NotFoundException.class);
    }
}
