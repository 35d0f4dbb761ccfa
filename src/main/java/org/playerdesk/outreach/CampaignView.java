package org.playerdesk.outreach;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A campaign with its progress: how many recipients are in each state. */
public record CampaignView(UUID id, UUID gameId, String name, OutreachChannel channel, CampaignState state,
        Segment segment, String subjectZh, String textZh, String subjectEn, String textEn, int recipients,
        String createdBy, Instant createdAt, Instant startedAt, Instant endedAt, Map<RecipientState, Integer> progress) {

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
