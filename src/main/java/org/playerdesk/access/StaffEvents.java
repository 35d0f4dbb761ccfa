package org.playerdesk.access;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to staff accounts that other modules act on. They go through the event publication
 * registry, so a listener that fails is retried, not lost.
 */
public final class StaffEvents {

    private StaffEvents() {
    }

    /**
     * An administrator disabled a member of staff (a leaver): their sessions have ended; the
     * tickets and live chats they hold are handed back for someone else to take.
     */
    public record StaffDisabled(UUID staffId, String displayName, UUID byId, Instant at) {
    }

    /** An administrator enabled a disabled member of staff again. */
    public record StaffEnabled(UUID staffId, UUID byId, Instant at) {
    }
}
