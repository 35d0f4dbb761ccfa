package org.playerdesk.quality.internal;

import java.util.List;

import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.ReplyDraft;
import org.playerdesk.ticket.ReplyReview;
import org.springframework.stereotype.Component;

/**
 * The reply checks run on every agent's public reply, on the server, before it is written (the
 * ticket module's {@link ReplyReview}, asked by the ticket desk for a ticket reply and by the live
 * chat for an agent's line): with the game's forbidden phrases, words, severities and the length
 * limit of the reply's channel.
 */
@Component
class TicketReplyChecks implements ReplyReview {

    private final CannedReplies replies;
    private final CheckSettings settings;

    TicketReplyChecks(CannedReplies replies, CheckSettings settings) {
        this.replies = replies;
        this.settings = settings;
    }

    @Override
    public List<ReplyReview.Finding> review(Reply reply) {
        CheckRules rules = settings.rules(reply.gameId());
        ReplyDraft draft = new ReplyDraft(reply.text(), reply.firstAgentReply(), reply.closing(), reply.playerTyping(),
                rules.lengthLimit(reply.channel() == null ? null : reply.channel().code()));
        return ReplyChecker.check(draft, rules, text -> replies.forbiddenIn(reply.gameId(), text))
                .stream().map(TicketReplyChecks::finding).toList();
    }

    /** The check's finding as the ticket keeps it ({@code Finding} here is the review's, inherited). */
    private static ReplyReview.Finding finding(org.playerdesk.quality.Finding finding) {
        return new ReplyReview.Finding(finding.check().code(), finding.blocks(), finding.evidence());
    }
}
