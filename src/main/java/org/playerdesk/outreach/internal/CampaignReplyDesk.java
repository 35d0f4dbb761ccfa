package org.playerdesk.outreach.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.channel.CampaignMessages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CampaignMessages}: a game's report that a player answered an in-game campaign message, in the ticket's transaction. */
@Service
class CampaignReplyDesk implements CampaignMessages {

    private static final String KEY = "outreach-";

    private final CampaignStore store;
    private final Clock clock;

    CampaignReplyDesk(CampaignStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Answered> inGame(UUID gameId, String accountId, String messageKey) {
        if (gameId == null || accountId == null || messageKey == null || !messageKey.startsWith(KEY)) {
            return Optional.empty();
        }
        UUID recipient;
        try {
            recipient = UUID.fromString(messageKey.substring(KEY.length()));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return store.inGameMessage(gameId, accountId, recipient)
                .map(a -> new Answered(a.recipientId(), a.campaign()));
    }

    @Override
    @Transactional
    public void answered(UUID recipientId, UUID ticketId) {
        store.repliedInGame(recipientId, ticketId, clock.instant());
    }
}
