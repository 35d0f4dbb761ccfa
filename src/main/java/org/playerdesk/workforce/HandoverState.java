package org.playerdesk.workforce;

import org.playerdesk.system.entity.Coded;

/**
 * Where a shift handover stands: a draft the outgoing agent is writing; submitted to the incoming
 * shift; overdue (submitted and not acknowledged by the end of the handover window, the on-duty lead
 * alerted); acknowledged by the incoming agents; or released by a lead. Acknowledged and released
 * handovers are settled: their shift log has gone out.
 */
public enum HandoverState implements Coded {
    DRAFT("draft"), SUBMITTED("submitted"), OVERDUE("overdue"), ACKNOWLEDGED("acknowledged"), RELEASED("released");

    private final String code;

    HandoverState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Submitted and neither acknowledged nor released: the outgoing agent waits for the handover. */
    public boolean awaitingAcknowledgement() {
        return this == SUBMITTED || this == OVERDUE;
    }

    public boolean settled() {
        return this == ACKNOWLEDGED || this == RELEASED;
    }

    public static HandoverState of(String code) {
        return Coded.fromCode(HandoverState.class, code);
    }
}
