package org.playerdesk.chat.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, UUID> {

    Optional<ChatMessage> findBySessionIdAndClientId(UUID sessionId, String clientId);

    List<ChatMessage> findBySessionIdAndSeqGreaterThanOrderBySeqAsc(UUID sessionId, long after, Limit limit);
}
