package org.playerdesk.ticket;

import java.time.Instant;

/** One line of a live chat, as written to the chat's ticket: who said it, what, and when it was said. */
public record TranscriptLine(Actor author, String body, Instant at) {
}
