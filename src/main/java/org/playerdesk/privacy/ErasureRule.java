package org.playerdesk.privacy;

import java.time.Instant;

/**
 * How one kind of a player's data is erased: its treatment, applied to what is older than
 * {@code keepUntilBefore} ({@code null}: to everything); what is newer is kept as it is, for
 * example game actions and violations kept for a number of days for legal reasons.
 */
public record ErasureRule(Treatment treatment, Instant keepUntilBefore) {

    /** Whether a row made at {@code at} is still to be kept as it is. */
    public boolean keeps(Instant at) {
        return treatment == Treatment.KEEP || (keepUntilBefore != null && at != null && !at.isBefore(keepUntilBefore));
    }

    /** The bound of what the treatment applies to (rows made before it): without days to keep, everything. */
    public Instant appliesBefore() {
        return keepUntilBefore == null ? EVERYTHING : keepUntilBefore;
    }

    private static final Instant EVERYTHING = Instant.parse("9999-12-31T00:00:00Z");
}
