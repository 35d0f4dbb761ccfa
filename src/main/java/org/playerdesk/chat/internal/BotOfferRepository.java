package org.playerdesk.chat.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BotOfferRepository extends JpaRepository<BotOffer, UUID> {
}
