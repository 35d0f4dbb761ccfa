package org.playerdesk.chat;

/**
 * A chat just started: its state, the secret the widget connects with (shown once), where it
 * stands in the queue and how long the wait is expected to be, in minutes; the bot's answer when
 * it offered one before the queue (status {@code bot}), else null.
 */
public record ChatStarted(ChatView chat, String token, int position, int expectedWaitMinutes, ChatLine first,
        String followLink, ChatBot.Answer botAnswer) {
}
