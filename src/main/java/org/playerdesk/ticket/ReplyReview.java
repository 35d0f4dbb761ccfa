package org.playerdesk.ticket;

import java.util.List;
import java.util.UUID;

import org.playerdesk.system.errors.RuleViolation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reviews an agent's public reply before it is written, so that the ticket module needs to know
 * nothing of the rules (the quality module's reply checks implement it). Every review bean is
 * asked for each public reply by a member of staff (not by players, nor by PlayerDesk's own
 * rules); what they find is stored with the message and marked on the ticket page
 * ({@code data-finding}); a finding that {@link Finding#blocks() blocks} refuses the reply, which
 * is then not written at all.
 */
public interface ReplyReview {

    /**
     * A reply about to be written: the ticket's, its channel, its author, its text, whether it is
     * the first agent reply of the conversation, whether it ends it (resolves or closes the
     * ticket, the last line of a chat) and whether the player was typing when it was sent (live chat).
     */
    record Reply(UUID ticketId, UUID gameId, TicketChannel channel, Actor author, String text,
            boolean firstAgentReply, boolean closing, boolean playerTyping) {
    }

    /** What a review found: the check's code ({@code forbidden-phrase}), whether it blocks, and the words that set it off. */
    record Finding(String code, boolean blocks, String evidence) {
    }

    List<Finding> review(Reply reply);

    /**
     * The refusal of a reply a finding blocks, named in the reader's words: "the forbidden phrase
     * “…”" ({@code reply.finding.<code>} with its evidence) inside {@code error.ticket.reply.blocked}.
     */
    static RuleViolation refusal(Finding blocking) {
        return new RuleViolation("ticket.reply.blocked", "the reply breaks the game's reply rules: " + blocking,
                new DefaultMessageSourceResolvable(new String[] { "reply.finding." + blocking.code() },
                        new Object[] { blocking.evidence() }, blocking.code()));
    }

    /** Refuses the reply when one of the findings blocks it; else gives them back. */
    static List<Finding> refuseBlocked(List<Finding> found) {
        for (Finding finding : found) {
            if (finding.blocks()) {
                throw refusal(finding);
            }
        }
        return found;
    }
}
