package org.playerdesk.chat.internal;

import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatSeats;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns chats that waited longer than their game allows into tickets, sets agents whose console
 * fell silent offline, and writes chats' new lines to their tickets.
 */
@Component
class ChatTimeouts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatTimeouts.class);

    private final ChatTranscripts transcripts;
    private final ChatQueue queue;
    private final ChatSeats seats;

    ChatTimeouts(ChatTranscripts transcripts, ChatQueue queue, ChatSeats seats) {
        this.transcripts = transcripts;
        this.queue = queue;
        this.seats = seats;
    }

    /** Brings the tickets of chats whose lines have waited long enough up to date. */
    @Scheduled(fixedDelayString = "${playerdesk.chat.transcript-every:2s}")
    void transcribe() {
        for (java.util.UUID chat : transcripts.transcriptsDue(500)) {
            try {
                transcripts.transcribe(chat);
            } catch (RuntimeException e) {
                // the lines stay stored and pending: the next round writes them
                log.warn("Could not write chat {} to its ticket yet", chat, e);
            }
        }
    }

    @Scheduled(fixedDelayString = "${playerdesk.chat.expiry-check:5s}")
    void expire() {
        queue.expireWaiting();
        seats.markAbsentAgentsOffline();
    }
}
