package org.playerdesk.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored notification as its reader sees it; {@code readAt} is null while unread. */
public record NotificationView(UUID id, String kind, String messageKey, List<String> args, String link,
        UUID ticketId, Instant createdAt, Instant readAt) {
}
