package org.playerdesk.enforcement;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.access.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far each role may act on a game account without a supervisor ({@code playerdesk.gm.limits.<role>}).
 * The seed rule "从速解决权限范围以内的事件,超出权限的,逐级上报处理": within the limit an action
 * runs at once; above it, it becomes an approval request.
 *
 * <ul>
 * <li>{@code compensate}: the most currency one compensation may give; negative means no limit.
 * Defaults: first line 1,000, second line and VIP agents 10,000, supervisors and admins no limit.</li>
 * <li>{@code permanent-ban}: whether a permanent ban may be applied without approval. Defaults:
 * not for first line and VIP agents; yes for second line, supervisors and admins.</li>
 * </ul>
 * Temporary bans, unbans, freezes (which protect the player) and password resets need no approval.
 */
@ConfigurationProperties("playerdesk.gm")
public record AuthorityLimits(Map<String, Limit> limits) {

    private static final Map<StaffRole, Limit> DEFAULTS = Map.of(
            StaffRole.AGENT_L1, new Limit(1_000L, false),
            StaffRole.AGENT_L2, new Limit(10_000L, true),
            StaffRole.AGENT_VIP, new Limit(10_000L, false),
            StaffRole.SUPERVISOR, new Limit(-1L, true),
            StaffRole.ADMIN, new Limit(-1L, true));

    public AuthorityLimits {
        Map<String, Limit> normal = new HashMap<>();
        if (limits != null) {
            limits.forEach((role, limit) -> normal.put(key(role), limit));
        }
        limits = Map.copyOf(normal);
    }

    /** Roles are named as in the configuration: agent-l1, agent_l1 or AGENTL1 all mean the first line. */
    private static String key(String role) {
        return role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** @param compensate the largest compensation; negative for none @param permanentBan whether allowed alone */
    public record Limit(Long compensate, Boolean permanentBan) {
    }

    public Limit of(StaffRole role) {
        Limit fallback = DEFAULTS.get(role);
        Limit configured = limits.get(key(role.code()));
        if (configured == null) {
            return fallback;
        }
        return new Limit(configured.compensate() != null ? configured.compensate() : fallback.compensate(),
                configured.permanentBan() != null ? configured.permanentBan() : fallback.permanentBan());
    }

    /** Whether someone of this role may do this action alone. */
    public boolean allows(StaffRole role, ActionKind kind, Long amount, Integer days) {
        Limit limit = of(role);
        return switch (kind) {
            case COMPENSATE -> limit.compensate() < 0 || (amount != null && amount <= limit.compensate());
            case BAN -> days != null || limit.permanentBan();
            case UNBAN, FREEZE, RESET_PASSWORD -> true;
        };
    }
}
