package org.playerdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** A ticket goes up its game's path one level at a time, with a reason, and no further than the top. */
@SpringBootTest
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
}
