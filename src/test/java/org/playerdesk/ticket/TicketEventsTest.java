package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameRegistered;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

/** Every command on the ticket desk tells the other modules what happened, and only when something did. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
@ExtendWith(PublishedEventsExtension.class)
class TicketEventsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;

    GameInfo game;
    StaffMember member;
    Actor agent;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        member = workspace.staff(StaffRole.AGENT_L2, game);
        agent = Actor.agent(member.id(), member.displayName());
    }

    @Test
    void registeringAGamePublishesGameRegistered(AssertablePublishedEvents events) {
        GameInfo registered = workspace.game();

        assertThat(events).contains(GameRegistered.class)
                .matching(GameRegistered::gameId, registered.id())
                .matching(GameRegistered::code, registered.code());
    }

    @Test
    void openingIsOneEventCarryingTheFirstMessage(AssertablePublishedEvents events) {
        Opened opened = workspace.ticket(game, "e1", "ban_appeal");
        UUID id = opened.ticket().id();
        UUID firstMessage = queries.openingMessage(id).orElseThrow().id();

        assertThat(events).contains(TicketCreated.class)
                .matching(TicketCreated::ticketId, id)
                .matching(TicketCreated::gameId, game.id())
                .matching(TicketCreated::number, opened.ticket().number())
                .matching(TicketCreated::playerId, opened.ticket().playerId())
                .matching(TicketCreated::type, TicketType.BAN_APPEAL)
                .matching(TicketCreated::messageId, firstMessage);
        // every listener of a new ticket handles one event, not two
        assertThat(events.ofType(TicketMessagePosted.class).matchingValue(TicketMessagePosted::ticketId, id)).isEmpty();
    }

    @Test
    void firstAgentReplyPublishesTheMessageAndTheOpening(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e2", "bug").ticket().id();

        desk.reply(id, agent, "您好", List.of(), null);

        assertThat(events).contains(TicketMessagePosted.class)
                .matching(TicketMessagePosted::ticketId, id)
                .matching(TicketMessagePosted::by, Actor.Kind.AGENT);
        assertThat(events).contains(TicketStatusChanged.class)
                .matching(TicketStatusChanged::ticketId, id)
                .matching(TicketStatusChanged::from, TicketStatus.NEW)
                .matching(TicketStatusChanged::to, TicketStatus.OPEN)
                .matching(TicketStatusChanged::by, Actor.Kind.AGENT);
    }

    @Test
    void notePublishesAnInternalMessage(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e3", "bug").ticket().id();

        desk.note(id, agent, "内部备注", List.of());

        assertThat(events.ofType(TicketMessagePosted.class).matchingValue(TicketMessagePosted::ticketId, id)
                .matchingValue(TicketMessagePosted::visibility, Visibility.INTERNAL)).hasSize(1);
        assertThat(events.ofType(TicketStatusChanged.class).matchingValue(TicketStatusChanged::ticketId, id)).isEmpty();
    }

    @Test
    void statusChangePublishesFromAndTo(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e4", "bug").ticket().id();

        desk.changeStatus(id, TicketStatus.PENDING_INTERNAL, agent);

        assertThat(events).contains(TicketStatusChanged.class)
                .matching(TicketStatusChanged::ticketId, id)
                .matching(TicketStatusChanged::from, TicketStatus.NEW)
                .matching(TicketStatusChanged::to, TicketStatus.PENDING_INTERNAL);
    }

    @Test
    void assignPublishesAssignedAndOpensANewTicket(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e5", "bug").ticket().id();

        desk.assign(id, member.id(), agent);

        assertThat(events).contains(TicketAssigned.class)
                .matching(TicketAssigned::ticketId, id)
                .matching(e -> e.from() == null)
                .matching(TicketAssigned::to, member.id());
        assertThat(events).contains(TicketStatusChanged.class)
                .matching(TicketStatusChanged::ticketId, id)
                .matching(TicketStatusChanged::to, TicketStatus.OPEN);
    }

    @Test
    void prioritizeRetypeTagAndUntagEachPublishTheirEvent(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e6", "bug").ticket().id();

        desk.prioritize(id, TicketPriority.URGENT, agent);
        desk.retype(id, TicketType.CHEAT_REPORT, agent);
        desk.tag(id, "外挂", agent);
        desk.untag(id, "外挂", agent);

        assertThat(events).contains(TicketPriorityChanged.class)
                .matching(TicketPriorityChanged::ticketId, id)
                .matching(TicketPriorityChanged::from, TicketPriority.NORMAL)
                .matching(TicketPriorityChanged::to, TicketPriority.URGENT);
        assertThat(events).contains(TicketTypeChanged.class)
                .matching(TicketTypeChanged::ticketId, id)
                .matching(TicketTypeChanged::from, TicketType.BUG)
                .matching(TicketTypeChanged::to, TicketType.CHEAT_REPORT);
        assertThat(events.ofType(TicketTagged.class).matchingValue(TicketTagged::ticketId, id))
                .extracting(TicketTagged::tag, TicketTagged::added)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("外挂", true),
                        org.assertj.core.groups.Tuple.tuple("外挂", false));
    }

    @Test
    void changesThatChangeNothingPublishNothing(AssertablePublishedEvents events) {
        UUID id = workspace.ticket(game, "e7", "bug").ticket().id();

        desk.prioritize(id, TicketPriority.NORMAL, agent);
        desk.retype(id, TicketType.BUG, agent);
        desk.untag(id, "never-there", agent);
        desk.assign(id, null, agent);
        desk.changeStatus(id, TicketStatus.NEW, agent);

        assertThat(events.ofType(TicketPriorityChanged.class).matchingValue(TicketPriorityChanged::ticketId, id)).isEmpty();
        assertThat(events.ofType(TicketTypeChanged.class).matchingValue(TicketTypeChanged::ticketId, id)).isEmpty();
        assertThat(events.ofType(TicketTagged.class).matchingValue(TicketTagged::ticketId, id)).isEmpty();
        assertThat(events.ofType(TicketAssigned.class).matchingValue(TicketAssigned::ticketId, id)).isEmpty();
        assertThat(events.ofType(TicketStatusChanged.class).matchingValue(TicketStatusChanged::ticketId, id)).isEmpty();
    }
}
