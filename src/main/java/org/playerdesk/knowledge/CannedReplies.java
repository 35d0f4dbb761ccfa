package org.playerdesk.knowledge;

import java.util.List;
import java.util.UUID;

import org.playerdesk.knowledge.internal.CannedReply;
import org.playerdesk.knowledge.internal.ReplyKit;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's canned replies (标准话术) as other modules see them: listed, and rendered for a ticket
 * with their variables ({@code {player.nickname}}, {@code {agent.name}}, {@code {ticket.number}}…)
 * filled in.
 */
@Service
@Transactional(readOnly = true)
public class CannedReplies {

    /** A canned reply as written, variables unfilled. */
    public record Reply(UUID id, UUID gameId, String locale, ReplyStage stage, String title, String body) {
    }

    private final ReplyKit kit;
    private final TicketQueries tickets;

    CannedReplies(ReplyKit kit, TicketQueries tickets) {
        this.kit = kit;
        this.tickets = tickets;
    }

    public List<Reply> of(UUID gameId) {
        return kit.replies(gameId).stream().map(CannedReplies::view).toList();
    }

    /** The canned reply, if it belongs to the game. */
    public Reply get(UUID gameId, UUID replyId) {
        CannedReply reply = kit.reply(replyId);
        if (!reply.gameId().equals(gameId)) {
            throw new NotFoundException("canned reply", replyId);
        }
        return view(reply);
    }

    /** The canned reply's text for this ticket, as {@code agentName} would send it. */
    public String render(UUID replyId, UUID ticketId, String agentName) {
        TicketView ticket = tickets.head(ticketId);
        return fill(get(ticket.gameId(), replyId).body(), ticketId, agentName);
    }

    /** Any text with the canned-reply variables filled in for this ticket. */
    public String fill(String text, UUID ticketId, String agentName) {
        return kit.variables(tickets.head(ticketId), agentName).fill(text);
    }

    /** The game's forbidden phrases (服务忌语) a reply contains, in the list's order. */
    public List<String> forbiddenIn(UUID gameId, String reply) {
        return kit.check(gameId, reply);
    }

    private static Reply view(CannedReply reply) {
        return new Reply(reply.getId(), reply.gameId(), reply.locale(), reply.stage(), reply.title(), reply.body());
    }
}
