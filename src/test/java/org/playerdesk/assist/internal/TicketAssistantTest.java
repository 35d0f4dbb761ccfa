package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new ticket's classification runs after the answer, so an agent (or a rule) may have chosen its
 * type or priority first: that choice stands, and the classification is only kept as a suggestion.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketAssistantTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    TicketAssistant assistant;
    @Autowired
    AssistSettings settings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClassificationThatComesAfterAnAgentsChoiceLeavesItAlone() {
        GameInfo game = workspace.game();
        // every suggestion sure enough to apply
        settings.change(game.id(), "0.9", "0");
        Opened opened = desk.open(new NewTicket(game.id(),
                new PlayerIdentity("p-" + TestWorkspace.unique("a"), "玩家", "S1", null), "other", "web", null,
                "号被盗了", "我的号被盗了，密码被改了，装备和钻石都没了", null, Map.of(), true), List.of());
        UUID id = opened.ticket().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> examples(id) == 1);
        assertThat(tickets.head(id).type()).as("applied on a ticket nobody had touched")
                .isEqualTo(TicketType.ACCOUNT_STOLEN);

        // the same event delivered again, as if its classification ran only after an agent's changes
        jdbc.update("delete from assist_example where ticket_id = ?", id);
        Actor agent = Actor.agent(UUID.randomUUID(), "客服");
        desk.retype(id, TicketType.CONSULTATION, agent);
        desk.prioritize(id, TicketPriority.URGENT, agent);
        TicketView now = tickets.head(id);
        assistant.on(new TicketCreated(id, game.id(), now.number(), now.playerId(), TicketType.OTHER, now.channel(),
                opened.ticket().priority(), opened.firstMessage().id(), now.createdAt()));

        TicketView after = tickets.head(id);
        assertThat(after.type()).isEqualTo(TicketType.CONSULTATION);
        assertThat(after.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(jdbc.queryForObject("select suggested_type from assist_example where ticket_id = ?", String.class,
                id)).as("still kept as a suggestion").isEqualTo(TicketType.ACCOUNT_STOLEN.code());
    }

    private int examples(UUID ticketId) {
        return jdbc.queryForObject("select count(*) from assist_example where ticket_id = ?", Integer.class, ticketId);
    }
}
