package org.playerdesk.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;

/** A ticket's own rules, without Spring or a database. */
class TicketTest {

    static final Instant OPENED = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant LATER = OPENED.plus(Duration.ofMinutes(20));
    static final Instant MUCH_LATER = OPENED.plus(Duration.ofHours(3));
    static final UUID AGENT = UUID.randomUUID();

    static Ticket newTicket() {
        return new Ticket(UUID.randomUUID(), 1, UUID.randomUUID(), "充值没有到账", TicketType.PAYMENT,
                TicketChannel.IN_GAME, TicketPriority.NORMAL, null, Map.of("order_id", "8842"), null, OPENED);
    }

    static Ticket ticketIn(TicketStatus status) {
        Ticket ticket = newTicket();
        switch (status) {
            case NEW -> {
            }
            case CLOSED -> {
                ticket.changeStatus(TicketStatus.RESOLVED, OPENED);
                ticket.changeStatus(TicketStatus.CLOSED, OPENED);
            }
            default -> ticket.changeStatus(status, OPENED);
        }
        return ticket;
    }

    @Test
    void startsNewWithoutAnswer() {
        Ticket ticket = newTicket();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.view().firstResponseAt()).isNull();
        assertThat(ticket.view().createdAt()).isEqualTo(OPENED);
        assertThat(ticket.metadata()).containsEntry("order_id", "8842");
    }

    @Test
    void playerReplyReopensResolvedTicket() {
        Ticket ticket = ticketIn(TicketStatus.RESOLVED);
        assertThat(ticket.view().resolvedAt()).isEqualTo(OPENED);

        Change change = ticket.playerReplied(LATER);

        assertThat(change).isEqualTo(new Change(Change.STATUS, "resolved", "open"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.view().resolvedAt()).isNull();
        assertThat(ticket.view().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void playerReplyEndsWaitingOnPlayer() {
        Ticket ticket = ticketIn(TicketStatus.PENDING_PLAYER);

        assertThat(ticket.playerReplied(LATER)).isEqualTo(new Change(Change.STATUS, "pending_player", "open"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void playerReplyLeavesOtherStatusesAlone() {
        for (TicketStatus status : List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING_INTERNAL)) {
            Ticket ticket = ticketIn(status);
            assertThat(ticket.playerReplied(LATER)).as("reply in %s", status).isNull();
            assertThat(ticket.status()).isEqualTo(status);
            assertThat(ticket.view().updatedAt()).isEqualTo(LATER);
        }
    }

    @Test
    void firstAgentReplySetsFirstResponseAndOpensNewTicket() {
        Ticket ticket = newTicket();

        Change change = ticket.agentReplied(LATER);

        assertThat(change).isEqualTo(new Change(Change.STATUS, "new", "open"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.view().firstResponseAt()).isEqualTo(LATER);
    }

    @Test
    void laterAgentRepliesKeepTheFirstResponseTime() {
        Ticket ticket = newTicket();
        ticket.agentReplied(LATER);

        assertThat(ticket.agentReplied(MUCH_LATER)).isNull();
        assertThat(ticket.view().firstResponseAt()).isEqualTo(LATER);
        assertThat(ticket.view().updatedAt()).isEqualTo(MUCH_LATER);
    }

    @Test
    void agentReplyWhileWaitingOnPlayerKeepsWaiting() {
        Ticket ticket = ticketIn(TicketStatus.PENDING_PLAYER);

        assertThat(ticket.agentReplied(LATER)).isNull();
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_PLAYER);
        assertThat(ticket.view().firstResponseAt()).isEqualTo(LATER);
    }

    @Test
    void assigningNewTicketOpensIt() {
        Ticket ticket = newTicket();

        List<Change> changes = ticket.assign(AGENT, LATER);

        assertThat(changes).containsExactly(new Change(Change.ASSIGNEE, null, AGENT.toString()),
                new Change(Change.STATUS, "new", "open"));
        assertThat(ticket.assigneeId()).isEqualTo(AGENT);
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void assigningWorkedTicketKeepsItsStatus() {
        Ticket ticket = ticketIn(TicketStatus.PENDING_INTERNAL);

        assertThat(ticket.assign(AGENT, LATER)).containsExactly(new Change(Change.ASSIGNEE, null, AGENT.toString()));
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
    }

    @Test
    void unassigningNewTicketLeavesItNew() {
        Ticket ticket = newTicket();
        ticket.assign(null, LATER);
        assertThat(ticket.assign(null, LATER)).isEmpty();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void assigningTheSameAssigneeAgainChangesNothing() {
        Ticket ticket = newTicket();
        ticket.assign(AGENT, LATER);

        assertThat(ticket.assign(AGENT, MUCH_LATER)).isEmpty();
        assertThat(ticket.view().updatedAt()).isEqualTo(LATER);
    }

    @Test
    void resolvingRemembersWhenAndReopeningForgetsIt() {
        Ticket ticket = newTicket();
        ticket.changeStatus(TicketStatus.RESOLVED, LATER);
        assertThat(ticket.view().resolvedAt()).isEqualTo(LATER);

        ticket.changeStatus(TicketStatus.OPEN, MUCH_LATER);
        assertThat(ticket.view().resolvedAt()).isNull();
    }

    @Test
    void changingToTheCurrentStatusIsNoChange() {
        Ticket ticket = ticketIn(TicketStatus.OPEN);
        assertThat(ticket.changeStatus(TicketStatus.OPEN, LATER)).isNull();
        assertThat(ticket.view().updatedAt()).isEqualTo(OPENED);
    }

    @Test
    void refusedStatusChangeNamesWhereTheTicketCanGo() {
        Ticket ticket = ticketIn(TicketStatus.OPEN);

        assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.CLOSED, LATER))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("ticket.status.refused");
                    // the statuses' names, in the reader's language where the refusal is shown
                    assertThat(e.arguments()).extracting(a -> ((org.springframework.context.MessageSourceResolvable) a)
                            .getCodes()[0]).containsExactly("ticket.status.open", "ticket.status.closed");
                    assertThat(e.getMessage()).contains("pending_player", "pending_internal", "resolved");
                });
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void closedTicketRefusesEveryChange() {
        List<Consumer<Ticket>> changes = List.of(
                t -> t.playerReplied(LATER),
                t -> t.agentReplied(LATER),
                t -> t.assign(AGENT, LATER),
                t -> t.prioritize(TicketPriority.URGENT, LATER),
                t -> t.retype(TicketType.COMPLAINT, LATER),
                t -> t.tag("vip", LATER),
                t -> t.untag("vip", LATER));
        for (Consumer<Ticket> change : changes) {
            Ticket ticket = ticketIn(TicketStatus.CLOSED);
            TicketView before = ticket.view();
            assertThatThrownBy(() -> change.accept(ticket)).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.code()).isEqualTo("ticket.closed"));
            assertThat(ticket.view()).isEqualTo(before);
        }
        Ticket closed = ticketIn(TicketStatus.CLOSED);
        assertThatThrownBy(() -> closed.changeStatus(TicketStatus.OPEN, LATER))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("ticket.status.refused"));
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void prioritizeAndRetypeRecordOldAndNewValue() {
        Ticket ticket = newTicket();

        assertThat(ticket.prioritize(TicketPriority.URGENT, LATER))
                .isEqualTo(new Change(Change.PRIORITY, "normal", "urgent"));
        assertThat(ticket.prioritize(TicketPriority.URGENT, LATER)).isNull();
        assertThat(ticket.retype(TicketType.COMPLAINT, LATER)).isEqualTo(new Change(Change.TYPE, "payment", "complaint"));
        assertThat(ticket.retype(TicketType.COMPLAINT, LATER)).isNull();
        assertThat(ticket.view().priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(ticket.view().type()).isEqualTo(TicketType.COMPLAINT);
    }

    @Test
    void tagsAreASetInOrder() {
        Ticket ticket = newTicket();

        assertThat(ticket.tag("外挂", LATER)).isEqualTo(new Change(Change.TAG_ADDED, null, "外挂"));
        assertThat(ticket.tag("bug", LATER)).isNotNull();
        assertThat(ticket.tag("bug", LATER)).as("a tag already there").isNull();
        assertThat(ticket.view().tags()).containsExactly("bug", "外挂");
        assertThat(ticket.untag("bug", LATER)).isEqualTo(new Change(Change.TAG_REMOVED, "bug", null));
        assertThat(ticket.untag("bug", LATER)).as("a tag not there").isNull();
        assertThat(ticket.view().tags()).containsExactly("外挂");
    }

    @Test
    void refusesTagBeyondTheLimit() {
        Ticket ticket = newTicket();
        for (int i = 0; i < Ticket.TAGS_MAX; i++) {
            ticket.tag("tag-" + i, LATER);
        }

        assertThatThrownBy(() -> ticket.tag("one-more", LATER)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("ticket.tags.full"));
        assertThat(ticket.view().tags()).hasSize(Ticket.TAGS_MAX).doesNotContain("one-more");
        assertThat(ticket.tag("tag-3", LATER)).as("an existing tag is still no change").isNull();
    }
}
