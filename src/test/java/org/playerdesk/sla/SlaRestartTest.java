package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;

/**
 * The timers live in the database only: a node that started a ticket's clock stops, a new node
 * on the same database fires the warning and the breach at their time, once.
 */
class SlaRestartTest {

    @Test
    void aRestartedNodeContinuesTheTimersOfTheOneBefore() {
        String url = "jdbc:h2:mem:" + TestWorkspace.unique("sla-restart")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        UUID gameId;
        UUID ticketId;
        TicketView before;
        try (SlaNode first = SlaNode.start("sla-restart-1", url, "sa", "")) {
            gameId = first.bean(GameCatalog.class).register(TestWorkspace.unique("g"), "重启测试", "zh-CN").id();
            ticketId = first.open(gameId, "restart-1", "consultation", "web");
            UUID id = ticketId;
            await().atMost(SlaNode.patience()).until(() -> first.head(id).slaState() == SlaState.ON_TRACK);
            before = first.head(ticketId);
        }

        try (SlaNode second = SlaNode.start("sla-restart-2", url, "sa", "")) {
            Instant created = before.createdAt();
            assertThat(second.head(ticketId).slaDueAt()).isEqualTo(before.slaDueAt());
            assertThat(second.sweep(created.plus(Duration.ofMinutes(31)), gameId)).isEqualTo(1);
            assertThat(second.sweep(created.plus(Duration.ofMinutes(61)), gameId)).isEqualTo(1);
            assertThat(second.sweep(created.plus(Duration.ofMinutes(62)), gameId)).isZero();
            assertThat(second.head(ticketId).slaState()).isEqualTo(SlaState.BREACHED);
            assertThat(second.bean(TicketQueries.class).details(ticketId, true).history())
                    .extracting(HistoryEntry::newValue).filteredOn(v -> v != null && v.startsWith("服务时效"))
                    .hasSize(2);
        }
    }
}
