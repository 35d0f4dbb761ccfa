package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.playerdesk.chat.ChatStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChatSessionRepository extends JpaRepository<ChatSession, UUID> {

    /** The chat locked for this transaction: its messages are numbered one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from ChatSession s where s.id = :id")
    Optional<ChatSession> lockById(UUID id);

    List<ChatSession> findByGameIdInAndStatusOrderByCreatedAtAsc(Collection<UUID> gameIds, ChatStatus status);

    List<ChatSession> findByStatusOrderByCreatedAtAsc(ChatStatus status);

    /** Chats with lines not yet on their ticket. */
    @Query("select s.id from ChatSession s where s.transcriptSince is not null")
    List<UUID> withPendingTranscript(Limit limit);

    /** Chats with a line that has waited for their ticket since {@code before} or longer, longest first. */
    @Query("select s.id from ChatSession s where s.transcriptSince <= :before order by s.transcriptSince")
    List<UUID> transcriptsDue(Instant before, Limit limit);

    Optional<ChatSession> findFirstByTicketIdAndStatusIn(UUID ticketId, Collection<ChatStatus> statuses);

    boolean existsByTicketIdAndStatusIn(UUID ticketId, Collection<ChatStatus> statuses);

    List<ChatSession> findByAgentIdAndStatusOrderByCreatedAtAsc(UUID agentId, ChatStatus status);

    long countByAgentIdAndStatus(UUID agentId, ChatStatus status);

    long countByGameIdAndStatusAndCreatedAtBefore(UUID gameId, ChatStatus status, Instant before);

    @Query("select distinct s.gameId from ChatSession s where s.status = :status")
    List<UUID> gamesWith(ChatStatus status);

    @Query("select s.id from ChatSession s where s.gameId = :gameId and s.status = :status and s.createdAt < :before")
    List<UUID> idsOf(UUID gameId, ChatStatus status, Instant before);
}
