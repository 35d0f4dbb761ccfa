package org.playerdesk.outreach;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign with its progress: how many recipients are in each state, and its delivery tracking
 * (how many messages went out, were delivered, were answered; a reply after a delivery counts in both).
 */
public record CampaignView(UUID id, UUID gameId, String name, OutreachChannel channel, CampaignState state,
        Segment segment, String subjectZh, String textZh, String subjectEn, String textEn, int recipients,
        String createdBy, Instant createdAt, Instant startedAt, Instant endedAt, Map<RecipientState, Integer> progress,
        Tracking tracking) {

    /** Messages sent, delivered (as the channel reports it), replied to. */
    public record Tracking(int sent, int delivered, int replied) {
    }

    /** Whether the channel reports deliveries: SMS (the gateway's receipts); email and in-game messages do not. */
    public boolean deliveryReported() {
        return channel == OutreachChannel.SMS;
    }

    public int count(RecipientState state) {
        return progress.getOrDefault(state, 0);
    }

    /** Recipients no worker has finished with yet. */
    public int waiting() {
        return count(RecipientState.QUEUED) + count(RecipientState.SENDING);
    }

    /** The share of recipients done, 0 to 100. */
    public int percentDone() {
        return recipients == 0 ? 100 : (int) ((recipients - waiting()) * 100L / recipients);
    }
}
