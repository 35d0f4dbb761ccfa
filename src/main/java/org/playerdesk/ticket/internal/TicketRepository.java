package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.TicketRef;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, UUID>, JpaSpecificationExecutor<Ticket> {

    Optional<Ticket> findByAccessTokenHash(String accessTokenHash);

    List<Ticket> findByGameIdAndPlayerIdOrderByCreatedAtDesc(UUID gameId, UUID playerId, Pageable page);

    @Query("select t.id from Ticket t where t.gameId = :gameId and t.playerId = :playerId order by t.createdAt, t.id")
    List<UUID> idsOfPlayer(UUID gameId, UUID playerId);

    /** Ticket ids after {@code after} in id order: a resumable walk over every ticket. */
    @Query("select t.id from Ticket t where t.id > :after order by t.id")
    List<UUID> idsAfter(UUID after, Pageable page);

    @Query("select t.id from Ticket t order by t.id")
    List<UUID> firstIds(Pageable page);

    @Query("select new org.playerdesk.ticket.TicketRef(t.id, t.gameId, t.number) from Ticket t where t.id in :ids")
    List<TicketRef> refs(Collection<UUID> ids);

    /**
     * Takes the row for a claim if nobody holds the ticket: a conditional update (assignee still
     * empty, ticket not finished) that the database serialises, so of two claims at once only one
     * matches. The caller then assigns through the entity in the same transaction.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Ticket t set t.version = t.version + 1 where t.id = :id and t.assigneeId is null"
            + " and t.status in :open")
    int reserveUnassigned(UUID id, Collection<TicketStatus> open);

    /** How many unfinished tickets each of these members of staff holds. */
    @Query("select t.assigneeId, count(t) from Ticket t where t.assigneeId in :staffIds and t.status in :open"
            + " group by t.assigneeId")
    List<Object[]> countHeld(Collection<UUID> staffIds, Collection<TicketStatus> open);

    /**
     * A game's tickets in one status whose last change lies after the cursor ({@code afterAt},
     * {@code afterId}) and no later than {@code before}, oldest change first: walks the index
     * ticket_by_status_updated.
     */
    @Query("select t from Ticket t where t.gameId = :gameId and t.status = :status"
            + " and t.updatedAt >= :afterAt and t.updatedAt <= :before"
            + " and (t.updatedAt > :afterAt or (t.updatedAt = :afterAt and t.id > :afterId))"
            + " order by t.updatedAt, t.id")
    List<Ticket> idle(UUID gameId, TicketStatus status, Instant afterAt, UUID afterId, Instant before, Pageable page);

    /**
     * A game's tickets of these types created from {@code from} (included) to {@code to}
     * (excluded), after the cursor ({@code afterAt}, {@code afterId}), oldest first.
     */
    @Query("select t from Ticket t where t.gameId = :gameId and t.type in :types"
            + " and t.createdAt >= :from and t.createdAt < :to"
            + " and (t.createdAt > :afterAt or (t.createdAt = :afterAt and t.id > :afterId))"
            + " order by t.createdAt, t.id")
    List<Ticket> createdBetween(UUID gameId, Collection<TicketType> types, Instant from, Instant to, Instant afterAt,
            UUID afterId, Pageable page);
}
