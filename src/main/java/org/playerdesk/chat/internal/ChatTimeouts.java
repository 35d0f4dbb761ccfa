package org.playerdesk.chat.internal;

import org.playerdesk.chat.ChatDesk;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns chats that waited longer than their game allows into tickets, and sets agents whose
 * console fell silent offline.
 */
@Component
class ChatTimeouts {

    private final ChatDesk desk;

    ChatTimeouts(ChatDesk desk) {
        this.desk = desk;
    }

    @Scheduled(fixedDelayString = "${playerdesk.chat.expiry-check:5s}")
    void expire() {
        desk.expireWaiting();
        desk.markAbsentAgentsOffline();
    }
}
