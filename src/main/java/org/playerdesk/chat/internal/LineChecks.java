package org.playerdesk.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.chat.Sender;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.ReplyReview;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The reply checks of an agent's chat line (the ticket module's {@link ReplyReview}, as for a
 * ticket reply), on the server, when it is sent: its first line should greet, a line sent while
 * the player is typing interrupts them, a line longer than the chat's limit is too long. What they
 * find is kept with the line and goes with it to the ticket; a finding that blocks refuses the
 * line. When the agent ends the chat, the last line they said should close it.
 */
@Component
public class LineChecks {

    /** How long after the player's last typing signal they count as still typing (the console shows it as long). */
    static final Duration TYPING_SHOWN = Duration.ofSeconds(4);

    private final ObjectProvider<ReplyReview> reviews;
    private final ChatLines lines;
    private final TicketDesk tickets;
    private final Clock clock;

    LineChecks(ObjectProvider<ReplyReview> reviews, ChatLines lines, TicketDesk tickets, Clock clock) {
        this.reviews = reviews;
        this.lines = lines;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** What the checks find in an agent's line about to be added under {@code head}; refused if one blocks. */
    public List<ReplyReview.Finding> check(ChatLines.Head head, Sender sender, String text) {
        return ReplyReview.refuseBlocked(review(head, sender, text, false, typing(head)));
    }

    /** What the checks would find in this draft were it sent now; nothing is written. */
    public List<ReplyReview.Finding> draft(UUID sessionId, Sender sender, String text) {
        ChatLines.Head head = lines.peek(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        return review(head, sender, text == null ? "" : text.strip(), false, typing(head));
    }

    /**
     * The agent ends the chat: their last line is checked for a closing, and what that finds is
     * added to the line (or to its message, when the ticket has it already: {@code transcribedSeq}).
     */
    public void ended(UUID sessionId, Sender sender, long transcribedSeq) {
        ChatLines.Head head = lines.peek(sessionId).orElse(null);
        ChatLines.AgentLine last = lines.lastAgentLine(sessionId).orElse(null);
        if (head == null || last == null || sender.player() || !sender.staffId().equals(last.authorId())) {
            return;
        }
        List<ReplyReview.Finding> kept = LineFindings.decode(last.findings());
        List<ReplyReview.Finding> found = review(head, sender, last.body(), true, false);
        List<ReplyReview.Finding> added = new ArrayList<>(found.stream().filter(f -> !kept.contains(f)).toList());
        if (added.isEmpty()) {
            return;
        }
        if (last.seq() > transcribedSeq) {
            lines.addFindings(sessionId, last.seq(), LineFindings.encode(LineFindings.plus(kept, added)));
        } else {
            tickets.addFindings(head.ticketId(), Actor.agent(last.authorId(), last.authorName()), last.at(), added);
        }
    }

    private boolean typing(ChatLines.Head head) {
        return head.playerTypingAt() != null && clock.instant().isBefore(head.playerTypingAt().plus(TYPING_SHOWN));
    }

    private List<ReplyReview.Finding> review(ChatLines.Head head, Sender sender, String text, boolean closing,
            boolean playerTyping) {
        if (sender.player() || text.isBlank()) {
            return List.of();
        }
        ReplyReview.Reply reply = new ReplyReview.Reply(head.ticketId(), head.gameId(), TicketChannel.CHAT,
                Actor.agent(sender.staffId(), sender.name()), text, !head.agentSpoke(), closing, playerTyping);
        List<ReplyReview.Finding> found = new ArrayList<>();
        reviews.orderedStream().forEach(review -> found.addAll(review.review(reply)));
        return found;
    }
}
