package org.playerdesk.chat;

import java.time.Instant;
import java.util.UUID;

/** A chat as the console lists it and as the widget sees its state. */
public record ChatView(UUID id, UUID gameId, String nickname, String accountId, Integer vipLevel, String server,
        boolean guest, ChatStatus status, UUID agentId, String agentName, UUID ticketId, long lastSeq,
        long playerRead, long agentRead, Integer rating, Instant createdAt, Instant acceptedAt) {
}
