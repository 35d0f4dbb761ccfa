package org.playerdesk.enforcement;

import java.util.Map;
import java.util.Set;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.RuleViolation;

/**
 * Where an account action stands. An action within the asker's limit runs at once
 * (requested → done or failed); above it, it waits for a supervisor (pending_approval → approved
 * → done or failed, or → rejected). A failed action (the backend could not be reached) may be
 * run again with the same idempotency key.
 */
public enum ActionState implements Coded {
    REQUESTED("requested"), PENDING_APPROVAL("pending_approval"), APPROVED("approved"), REJECTED("rejected"),
    DONE("done"), FAILED("failed");

    private static final Map<ActionState, Set<ActionState>> NEXT = Map.of(
            REQUESTED, Set.of(PENDING_APPROVAL, DONE, FAILED),
            PENDING_APPROVAL, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(DONE, FAILED),
            FAILED, Set.of(DONE, FAILED),
            REJECTED, Set.of(),
            DONE, Set.of());

    private final String code;

    ActionState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** This state's successor, or a refusal naming both. */
    public ActionState to(ActionState next) {
        if (!NEXT.get(this).contains(next)) {
            throw new RuleViolation("gm.action.state", "an action that is " + code + " cannot become " + next.code,
                    code, next.code);
        }
        return next;
    }

    public boolean finished() {
        return this == DONE || this == REJECTED;
    }
}
