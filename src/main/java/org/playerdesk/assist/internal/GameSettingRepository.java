package org.playerdesk.assist.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface GameSettingRepository extends JpaRepository<GameSetting, UUID> {
}
