package org.playerdesk.workforce.internal.roster;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A swap request's life: an agent asks to exchange their shifts on a date with a colleague; the
 * lead approves or refuses it; the agent may withdraw it while it waits. Only an approved swap
 * changes the roster.
 */
public enum SwapState {
    REQUESTED, APPROVED, REFUSED, WITHDRAWN;

    public boolean canBecome(SwapState next) {
        return this == REQUESTED && EnumSet.of(APPROVED, REFUSED, WITHDRAWN).contains(next);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SwapState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    static final Set<SwapState> DECIDED = EnumSet.of(APPROVED, REFUSED, WITHDRAWN);
}
