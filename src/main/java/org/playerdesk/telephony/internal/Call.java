package org.playerdesk.telephony.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One phone call: reported by the telephony system ({@code ctiCallId} set; offered, answered,
 * ended) or logged by an agent, or both (the agent logs a call the system reported). Logged once
 * {@code loggedAt} is set, with the outcome, the notes and the ticket it went to.
 */
record Call(UUID id, UUID gameId, String ctiCallId, CallDirection direction, String callerNumber,
        String calledNumber, UUID playerId, UUID agentId, CallState state, Instant offeredAt, Instant answeredAt,
        Instant endedAt, Integer waitSeconds, Integer talkSeconds, String recordingUrl, String hangupSide,
        Instant startedAt, Integer durationSeconds, CallOutcome outcome, String notes, UUID ticketId, UUID loggedBy,
        Instant loggedAt) {

    boolean logged() {
        return loggedAt != null;
    }

    /** Whether the caller hung up before anyone answered. */
    boolean abandoned() {
        return state == CallState.ENDED && ctiCallId != null && answeredAt == null;
    }
}
