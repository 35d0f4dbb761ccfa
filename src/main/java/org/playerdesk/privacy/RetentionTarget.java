package org.playerdesk.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * Extension point: one kind of data a module keeps that a game's retention period applies to
 * (closed tickets, chat transcripts, attachments, audit entries). The module purges or anonymises
 * its own rows older than the period, in batches, each batch in its own transaction; a row done
 * once is never counted or done again.
 */
public interface RetentionTarget {

    /** The data kind's code, as the retention settings name it. */
    String kind();

    /** How many rows of the game older than {@code before} a run would purge or anonymise now. */
    long due(UUID gameId, Instant before);

    /** Purges or anonymises at most {@code limit} of them in one transaction; answers how many. */
    int purge(UUID gameId, Instant before, int limit);
}
