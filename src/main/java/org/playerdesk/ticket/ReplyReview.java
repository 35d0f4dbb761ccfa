package org.playerdesk.ticket;

import java.util.List;
import java.util.UUID;

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
     * A reply about to be written: the ticket's, its author, its text, whether it is the first
     * agent reply of the ticket and whether it resolves or closes the ticket.
     */
    record Reply(UUID ticketId, UUID gameId, TicketChannel channel, Actor author, String text,
            boolean firstAgentReply, boolean closing) {
    }

    /** What a review found: the check's code ({@code forbidden-phrase}), whether it blocks, and the words that set it off. */
    record Finding(String code, boolean blocks, String evidence) {
    }

    List<Finding> review(Reply reply);
}
