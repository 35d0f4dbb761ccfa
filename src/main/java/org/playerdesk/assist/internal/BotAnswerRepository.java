package org.playerdesk.assist.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface BotAnswerRepository extends JpaRepository<BotAnswer, UUID> {
}
