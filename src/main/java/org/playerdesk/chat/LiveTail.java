package org.playerdesk.chat;

import java.util.List;

/**
 * A chat still under way, as its ticket's page shows it: who has it, and the lines said but not
 * yet written to the ticket (they follow in one batch, see {@code playerdesk.chat.transcript-wait}).
 */
public record LiveTail(ChatView chat, List<ChatLine> waiting) {
}
