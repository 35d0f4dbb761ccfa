package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reply or note with the attachments that came with it. */
public record MessageView(UUID id, Visibility visibility, Actor.Kind authorKind, UUID authorId, String authorName,
        String body, Instant createdAt, List<AttachmentView> attachments) {
}
