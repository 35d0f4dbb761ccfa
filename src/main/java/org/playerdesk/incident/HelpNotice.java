package org.playerdesk.incident;

import java.time.Instant;
import java.util.UUID;

/** An open incident's public notice in the reader's language, as players see it. */
public record HelpNotice(UUID incidentId, String text, Instant since) {
}
