package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.ticket.TicketStatus.CLOSED;
import static org.playerdesk.ticket.TicketStatus.NEW;
import static org.playerdesk.ticket.TicketStatus.OPEN;
import static org.playerdesk.ticket.TicketStatus.PENDING_INTERNAL;
import static org.playerdesk.ticket.TicketStatus.PENDING_PLAYER;
import static org.playerdesk.ticket.TicketStatus.RESOLVED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The ticket state machine, written out as the support lead describes it. */
class TicketStatusTest {

    /** Every allowed move; anything not listed here (staying put included) is refused. */
    static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, PENDING_PLAYER, PENDING_INTERNAL, RESOLVED),
            OPEN, EnumSet.of(PENDING_PLAYER, PENDING_INTERNAL, RESOLVED),
            PENDING_PLAYER, EnumSet.of(OPEN, PENDING_INTERNAL, RESOLVED),
            PENDING_INTERNAL, EnumSet.of(OPEN, PENDING_PLAYER, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    static List<Arguments> allowedMoves() {
        List<Arguments> moves = new ArrayList<>();
        ALLOWED.forEach((from, targets) -> targets.forEach(to -> moves.add(Arguments.of(from, to))));
        return moves;
    }

    static List<Arguments> refusedMoves() {
        List<Arguments> moves = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    moves.add(Arguments.of(from, to));
                }
            }
        }
        return moves;
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedMoves")
    void allowsMove(TicketStatus from, TicketStatus to) {
        assertThat(from.canBecome(to)).isTrue();
        assertThat(from.next()).contains(to);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("refusedMoves")
    void refusesMove(TicketStatus from, TicketStatus to) {
        assertThat(from.canBecome(to)).isFalse();
        assertThat(from.next()).doesNotContain(to);
    }

    @Test
    void everyPairIsEitherAllowedOrRefused() {
        int statuses = TicketStatus.values().length;
        assertThat(allowedMoves().size() + refusedMoves().size()).isEqualTo(statuses * statuses);
        assertThat(allowedMoves()).hasSize(15);
    }

    @Test
    void closedIsFinal() {
        assertThat(CLOSED.next()).isEmpty();
        for (TicketStatus any : TicketStatus.values()) {
            assertThat(CLOSED.canBecome(any)).as("closed -> %s", any).isFalse();
        }
    }

    @Test
    void onlyResolvedTicketsCanBeClosed() {
        for (TicketStatus from : TicketStatus.values()) {
            assertThat(from.canBecome(CLOSED)).as("%s -> closed", from).isEqualTo(from == RESOLVED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = { "NEW", "OPEN", "PENDING_PLAYER", "PENDING_INTERNAL" })
    void waitingStatusesAreActive(TicketStatus status) {
        assertThat(status.isActive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = { "RESOLVED", "CLOSED" })
    void finishedStatusesAreNotActive(TicketStatus status) {
        assertThat(status.isActive()).isFalse();
    }

    @Test
    void codesAreTheWireVocabulary() {
        assertThat(TicketStatus.values()).extracting(TicketStatus::code)
                .containsExactly("new", "open", "pending_player", "pending_internal", "resolved", "closed");
    }
}
