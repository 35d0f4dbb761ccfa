package org.playerdesk.quality.internal;

import java.util.List;

import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.quality.ReplyDraft;
import org.playerdesk.ticket.ReplyReview;
import org.springframework.stereotype.Component;

/**
 * The reply checks run on every agent's public ticket reply, on the server, before it is written
 * (the ticket module's {@link ReplyReview}): with the game's forbidden phrases, the seeds' words
 * and the game's severities. A ticket has no length limit and no typing player.
 */
@Component
class TicketReplyChecks implements ReplyReview {

    private final CannedReplies replies;
    private final CheckSeverities severities;

    TicketReplyChecks(CannedReplies replies, CheckSeverities severities) {
        this.replies = replies;
        this.severities = severities;
    }

    @Override
    public List<ReplyReview.Finding> review(Reply reply) {
        ReplyDraft draft = new ReplyDraft(reply.text(), reply.firstAgentReply(), reply.closing(), false, 0);
        return ReplyChecker.check(draft, severities.rules(reply.gameId()), text -> replies.forbiddenIn(reply.gameId(), text))
                .stream().map(TicketReplyChecks::finding).toList();
    }

    /** The check's finding as the ticket keeps it ({@code Finding} here is the review's, inherited). */
    private static ReplyReview.Finding finding(org.playerdesk.quality.Finding finding) {
        return new ReplyReview.Finding(finding.check().code(), finding.blocks(), finding.evidence());
    }
}
