package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Other modules write what they did about a ticket into its history, in words, staff-only. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class RecordedHistoryTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;

    @Test
    void recordsTheSummaryClippedToTwoHundredCharactersAndRefusesBlank() {
        GameInfo game = workspace.game();
        Opened opened = workspace.ticket(game, "hist-1", "account_stolen");
        Actor agent = Actor.agent(UUID.randomUUID(), "小林");

        desk.recordInHistory(opened.ticket().id(), agent, "游戏操作完成:冻结 · 10001");
        desk.recordInHistory(opened.ticket().id(), agent, "长".repeat(500));

        assertThat(tickets.details(opened.ticket().id(), true).history()).filteredOn(h -> h.action().equals("recorded"))
                .extracting(HistoryEntry::newValue)
                .satisfiesExactly(first -> assertThat(first).isEqualTo("游戏操作完成:冻结 · 10001"),
                        second -> assertThat(second).hasSize(200).endsWith("…"));
        assertThat(tickets.details(opened.ticket().id(), false).history()).isEmpty();
        assertThatThrownBy(() -> desk.recordInHistory(opened.ticket().id(), agent, "  "))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> desk.recordInHistory(UUID.randomUUID(), agent, "x"))
                .isInstanceOf(NotFoundException.class);
    }
}
