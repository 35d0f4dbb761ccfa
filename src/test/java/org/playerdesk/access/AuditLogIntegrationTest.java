package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log keeps who did what to whom, and stands or falls with the caller's transaction. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class AuditLogIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void findsEntriesBySubjectAndByGameNewestFirst() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        String player = UUID.randomUUID().toString();

        audit.record(agent, game.id(), "pii.view", "player", player, "contact email");
        audit.record(agent, game.id(), "game.ban", "player", player, "7 days: 外挂");

        assertThat(audit.about("player", player, 10)).extracting(AuditLog.Entry::action)
                .containsExactly("game.ban", "pii.view");
        assertThat(audit.about("player", player, 10).getFirst().actorName()).isEqualTo(agent.username());
        assertThat(audit.latest(Set.of(game.id()), 10)).hasSize(2);
    }

    @Test
    void anEntryWrittenInAFailedTransactionIsGoneWithIt() {
        GameInfo game = workspace.game();
        String player = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            audit.record(null, game.id(), "game.freeze", "player", player, null);
            throw new IllegalStateException("backend refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(audit.about("player", player, 10)).isEmpty();
    }
}
