package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.util.UUID;

/** A break an agent took: from {@code startedAt} until {@code endsAt} (moved forward when ended early). */
record Break(UUID id, UUID staffId, Instant startedAt, Instant endsAt, boolean suggested, boolean endedEarly) {

    boolean runsAt(Instant now) {
        return !startedAt.isAfter(now) && now.isBefore(endsAt);
    }
}
