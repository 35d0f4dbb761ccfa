package org.playerdesk.telephony;

import java.time.Instant;
import java.util.UUID;

/** What the telephony system reported about a call, for the service levels and the figures. */
public final class CallEvents {

    private CallEvents() {
    }

    /** A call reached the support line and rings for an agent or waits in a queue. */
    public record CallOffered(UUID callId, UUID gameId, UUID playerId, UUID agentId, Instant at) {
    }

    /** An agent took the call. */
    public record CallAnswered(UUID callId, UUID gameId, UUID agentId, int waitSeconds, Instant at) {
    }

    /**
     * The call is over: answered after {@code waitSeconds} and talked {@code talkSeconds}, or not
     * answered at all (the caller hung up waiting: abandoned), in either case after that wait.
     */
    public record CallEnded(UUID callId, UUID gameId, UUID agentId, boolean answered, int waitSeconds,
            int talkSeconds, Instant at) {
    }
}
