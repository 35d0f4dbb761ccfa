package org.playerdesk.chat.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChatSettingsRepository extends JpaRepository<ChatSettings, UUID> {
}
