package org.playerdesk.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Who is on shift, asked by routing before it gives work, for a whole set of agents at once. A
 * module that keeps rosters (workforce's rotations) implements it; an agent it has no roster for
 * at that instant is left out of the answer ("no opinion"), and routing then uses the agent's
 * weekly shifts ({@link Roster}), or counts them always on shift when they have none. Where a
 * source answers, its answer wins over the weekly shifts.
 */
public interface ShiftSource {

    /** For those of these agents the source has a roster for at that instant: whether they are on shift. */
    Map<UUID, Boolean> onShift(Collection<UUID> staffIds, Instant at);
}
