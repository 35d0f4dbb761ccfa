package org.playerdesk.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.playerdesk.system.entity.Coded;

/**
 * Where a ticket stands. The one list of allowed transitions is {@link #canBecome(TicketStatus)}:
 * new → open → pending_player / pending_internal → resolved → closed; an agent may also resolve
 * a ticket at once, and a resolved ticket can be reopened (by the agent, or by the player
 * replying). A closed ticket is final.
 */
public enum TicketStatus implements Coded {
    NEW("new"),
    OPEN("open"),
    PENDING_PLAYER("pending_player"),
    PENDING_INTERNAL("pending_internal"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = Map.of(
            NEW, EnumSet.of(OPEN, PENDING_PLAYER, PENDING_INTERNAL, RESOLVED),
            OPEN, EnumSet.of(PENDING_PLAYER, PENDING_INTERNAL, RESOLVED),
            PENDING_PLAYER, EnumSet.of(OPEN, PENDING_INTERNAL, RESOLVED),
            PENDING_INTERNAL, EnumSet.of(OPEN, PENDING_PLAYER, RESOLVED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    /** Statuses in which a ticket still needs work from support or the player. */
    public static final Set<TicketStatus> ACTIVE = EnumSet.of(NEW, OPEN, PENDING_PLAYER, PENDING_INTERNAL);

    private final String code;

    TicketStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean canBecome(TicketStatus next) {
        return NEXT.get(this).contains(next);
    }

    public Set<TicketStatus> next() {
        return NEXT.get(this).isEmpty() ? Set.of() : EnumSet.copyOf(NEXT.get(this));
    }

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
