package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.Visibility;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketMessageRepository extends JpaRepository<TicketMessage, UUID> {

    List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(UUID ticketId);

    Optional<TicketMessage> findFirstByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(UUID ticketId,
            Visibility visibility);

    Optional<TicketMessage> findByIdAndTicketId(UUID id, UUID ticketId);

    /**
     * The ticket's messages after the one written at {@code at} with id {@code id}, in order,
     * leaving out those of {@code author}.
     */
    @Query("select m from TicketMessage m where m.ticketId = :ticketId"
            + " and (m.createdAt > :at or (m.createdAt = :at and m.id > :id))"
            + " and (m.authorId is null or m.authorId <> :author) order by m.createdAt, m.id")
    List<TicketMessage> newerNotBy(UUID ticketId, Instant at, UUID id, UUID author, Pageable page);

    /** The ticket's messages, leaving out those of {@code author}, in order. */
    @Query("select m from TicketMessage m where m.ticketId = :ticketId"
            + " and (m.authorId is null or m.authorId <> :author) order by m.createdAt, m.id")
    List<TicketMessage> allNotBy(UUID ticketId, UUID author, Pageable page);

    @Query("select m.body from TicketMessage m where m.ticketId = :ticketId order by m.createdAt, m.id")
    List<String> bodies(UUID ticketId);
}
