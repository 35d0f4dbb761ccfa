package org.playerdesk.chat.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.chat.Presence;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatAgentRepository extends JpaRepository<ChatAgent, UUID> {

    List<ChatAgent> findByPresence(Presence presence);
}
