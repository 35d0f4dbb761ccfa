package org.playerdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * One line of a live chat, as written to the chat's ticket: who said it, what, when it was said,
 * and what the reply checks found in it when it was sent (an agent's line), kept with its message.
 */
public record TranscriptLine(Actor author, String body, Instant at, List<ReplyReview.Finding> findings) {

    public TranscriptLine {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public TranscriptLine(Actor author, String body, Instant at) {
        this(author, body, at, List.of());
    }
}
