package org.playerdesk.workforce.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A disabled agent (a leaver) holds nothing: their open ticket goes back to routing unassigned
 * with an internal note in the game's language, their live chat back to the queue.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class LeaverWorkTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    ChatDesk chats;

    @Test
    void aDisabledAgentsOpenTicketGoesBackToRoutingWithANoteAndTheirChatBackToTheQueue() {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID ticket = workspace.ticket(game, TestWorkspace.unique("p"), "consultation").ticket().id();
        desk.assign(ticket, agent.id(), Actor.agent(agent.id(), agent.displayName()));
        UUID chat = workspace.liveChat(game, agent, "在吗？充值没到账");
        assertThat(chats.view(chat).status()).isEqualTo(ChatStatus.ACTIVE);

        staff.disable(agent.id(), admin);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(tickets.head(ticket).assigneeId()).isNotEqualTo(agent.id());
            assertThat(tickets.details(ticket, true).messages()).anySatisfy(m -> {
                assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
                assertThat(m.body()).contains(agent.displayName(), "退回分配");
            });
            assertThat(chats.view(chat).status()).isEqualTo(ChatStatus.WAITING);
            assertThat(chats.view(chat).agentId()).isNull();
            assertThat(tickets.head(chats.view(chat).ticketId()).assigneeId()).isNotEqualTo(agent.id());
        });
        long notes = tickets.details(ticket, true).messages().stream()
                .filter(m -> m.body().contains("退回分配")).count();
        assertThat(notes).as("one note, however often the event arrives").isEqualTo(1);
    }
}
