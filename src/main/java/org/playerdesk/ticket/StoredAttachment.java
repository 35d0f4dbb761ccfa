package org.playerdesk.ticket;

import org.springframework.core.io.Resource;

/** An attachment ready to be served: its description and its bytes. */
public record StoredAttachment(AttachmentView attachment, Resource content) {
}
