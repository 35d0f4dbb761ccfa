package org.playerdesk.chat;

/**
 * A chat just started: its state, the secret the widget connects with (shown once), where it
 * stands in the queue and how long the wait is expected to be, in minutes.
 */
public record ChatStarted(ChatView chat, String token, int position, int expectedWaitMinutes, ChatLine first,
        String followLink) {
}
