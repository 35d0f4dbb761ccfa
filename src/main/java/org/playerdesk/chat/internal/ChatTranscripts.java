package org.playerdesk.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TranscriptLine;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A chat's lines on its ticket. Each line is stored and delivered at once; the ticket catches up
 * in batches, so that a busy chat costs one ticket write per batch, not per line.
 */
@Service
@Transactional
public class ChatTranscripts {

    private static final int TRANSCRIPT_BATCH = 200;

    private final ChatSessionRepository sessions;
    private final ChatMessageRepository messages;
    private final TicketDesk tickets;
    private final ChatProperties properties;
    private final Clock clock;

    ChatTranscripts(ChatSessionRepository sessions, ChatMessageRepository messages, TicketDesk tickets,
            ChatProperties properties, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.tickets = tickets;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Chats whose latest lines are not on their ticket yet, at most {@code limit}: each line is
     * stored and delivered at once, and the ticket catches up in batches (every couple of
     * seconds, and at once when the chat ends, becomes a ticket or an image is sent).
     */
    @Transactional(readOnly = true)
    public List<UUID> pendingTranscripts(int limit) {
        return sessions.withPendingTranscript(Limit.of(limit));
    }

    /**
     * Chats with a line that has waited {@code playerdesk.chat.transcript-wait} for the ticket,
     * at most {@code limit}, longest waiting first: written in turn, each chat's lines reach its
     * ticket in one batch instead of one write per line.
     */
    @Transactional(readOnly = true)
    public List<UUID> transcriptsDue(int limit) {
        return transcriptsDue(clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    public List<UUID> transcriptsDue(Instant now, int limit) {
        return sessions.transcriptsDue(now.minus(properties.transcriptWait()), Limit.of(limit));
    }

    /** Writes the chat's lines not yet on its ticket there; safe on several nodes at once (the chat is locked). */
    public int transcribe(UUID sessionId) {
        return sessions.lockById(sessionId).map(this::transcribe).orElse(0);
    }

    public int transcribe(ChatSession session) {
        int written = 0;
        while (true) {
            List<ChatMessage> lines = messages.findBySessionIdAndSeqGreaterThanOrderBySeqAsc(session.getId(),
                    session.transcriptSeq(), Limit.of(TRANSCRIPT_BATCH));
            if (lines.isEmpty()) {
                session.transcribed(session.transcriptSeq());
                return written;
            }
            List<TranscriptLine> transcript = new ArrayList<>(lines.size());
            for (ChatMessage line : lines) {
                if (line.imageId() == null) {
                    transcript.add(new TranscriptLine(line.fromPlayer()
                            ? Actor.player(session.playerId(), session.playerName())
                            : Actor.agent(line.authorId(), line.authorName()), line.body(), line.createdAt(),
                            LineFindings.decode(line.findings())));
                }
            }
            tickets.appendTranscript(session.ticketId(), transcript);
            written += transcript.size();
            session.transcribed(lines.getLast().seq());
        }
    }
}
