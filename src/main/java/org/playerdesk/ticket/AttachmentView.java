package org.playerdesk.ticket;

import java.time.Instant;
import java.util.UUID;

public record AttachmentView(UUID id, UUID messageId, Visibility visibility, String fileName, String contentType,
        long sizeBytes, Instant createdAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
