package org.playerdesk.ticket;

import java.nio.file.Path;

/** An attachment ready to be served: its description and where its bytes are. */
public record StoredAttachment(AttachmentView attachment, Path file) {
}
