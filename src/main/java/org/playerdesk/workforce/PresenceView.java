package org.playerdesk.workforce;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent's state since when ({@code since} null: never chosen, which counts as available) and
 * the last sign of life of their console (null: none yet).
 */
public record PresenceView(UUID staffId, PresenceState state, Instant since, Instant lastSeenAt) {

    /** Someone who has never chosen a state: available, as before presence existed. */
    public static PresenceView unrecorded(UUID staffId) {
        return new PresenceView(staffId, PresenceState.AVAILABLE, null, null);
    }

    /** Whether the state was ever recorded. */
    public boolean recorded() {
        return since != null;
    }

    /** Signed in: a console of theirs gave a sign of life within the grace period. */
    public boolean signedIn(Instant now, Duration grace) {
        return lastSeenAt != null && !lastSeenAt.isBefore(now.minus(grace));
    }

    /** How long the agent has been in this state (zero when it was never recorded). */
    public Duration inState(Instant now) {
        return since == null || since.isAfter(now) ? Duration.ZERO : Duration.between(since, now);
    }
}
