package org.playerdesk.routing;

import java.util.EnumSet;
import java.util.Set;

import org.playerdesk.access.StaffRole;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.SupportLevel;

/**
 * An agent's tier (一线 L1, 二线 L2, VIP客服, or a lead), derived from the role unless a lead set it.
 * The tier decides which support levels the agent works: an escalated ticket goes to someone
 * able to take it.
 */
public enum AgentTier implements Coded {
    L1("l1", EnumSet.of(SupportLevel.FIRST_LINE)),
    L2("l2", EnumSet.of(SupportLevel.FIRST_LINE, SupportLevel.SECOND_LINE)),
    VIP("vip", EnumSet.of(SupportLevel.FIRST_LINE, SupportLevel.VIP)),
    LEAD("lead", EnumSet.allOf(SupportLevel.class));

    private final String code;
    private final Set<SupportLevel> levels;

    AgentTier(String code, Set<SupportLevel> levels) {
        this.code = code;
        this.levels = levels;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean works(SupportLevel level) {
        return levels.contains(level);
    }

    public static AgentTier of(StaffRole role) {
        return switch (role) {
            case AGENT_L1 -> L1;
            case AGENT_L2 -> L2;
            case AGENT_VIP -> VIP;
            case SUPERVISOR, ADMIN, QA -> LEAD;
        };
    }
}
