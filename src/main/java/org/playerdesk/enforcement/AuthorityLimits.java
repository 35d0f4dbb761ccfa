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
 * <li>{@code compensate}: the most of the game's primary currency one compensation may give;
 * negative means no limit. Defaults: first line 1,000, second line and VIP agents 10,000,
 * supervisors and admins no limit.</li>
 * <li>{@code currencies.<code>}: the same for another currency or item, by the code the game names
 * it (for example {@code currencies.diamond: 60}); a currency not listed falls back to
 * {@code compensate}. The shipped configuration sets diamonds and charm points.</li>
 * <li>{@code permanent-ban}: whether a permanent ban may be applied without approval. Defaults:
 * not for first line and VIP agents; yes for second line, supervisors and admins.</li>
 * </ul>
 * Temporary bans, unbans, freezes (which protect the player) and password resets need no approval
 * by amount; lifting a partner-channel player's ban needs a supervisor's whatever the role
 * ({@link AccountActions}).
 */
@ConfigurationProperties("playerdesk.gm")
public record AuthorityLimits(Map<String, Limit> limits) {

    private static final Map<StaffRole, Limit> DEFAULTS = Map.of(
            StaffRole.AGENT_L1, new Limit(1_000L, false, Map.of()),
            StaffRole.AGENT_L2, new Limit(10_000L, true, Map.of()),
            StaffRole.AGENT_VIP, new Limit(10_000L, false, Map.of()),
            StaffRole.SUPERVISOR, new Limit(-1L, true, Map.of()),
            StaffRole.ADMIN, new Limit(-1L, true, Map.of()));

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

    /**
     * @param compensate the largest compensation in the primary currency; negative for none
     * @param permanentBan whether allowed alone
     * @param currencies the largest compensation in other currencies and items, by code
     */
    public record Limit(Long compensate, Boolean permanentBan, Map<String, Long> currencies) {

        public Limit {
            currencies = currencies == null ? Map.of() : Map.copyOf(currencies);
        }

        /** The largest compensation in this currency (null: the primary one); negative for none. */
        public long compensate(String currency) {
            Long specific = currency == null ? null : currencies.get(currency);
            return specific != null ? specific : compensate;
        }
    }

    public Limit of(StaffRole role) {
        Limit fallback = DEFAULTS.get(role);
        Limit configured = limits.get(key(role.code()));
        if (configured == null) {
            return fallback;
        }
        Map<String, Long> currencies = new HashMap<>(fallback.currencies());
        currencies.putAll(configured.currencies());
        return new Limit(configured.compensate() != null ? configured.compensate() : fallback.compensate(),
                configured.permanentBan() != null ? configured.permanentBan() : fallback.permanentBan(), currencies);
    }

    /** Whether someone of this role may do this action alone, a compensation being in the primary currency. */
    public boolean allows(StaffRole role, ActionKind kind, Long amount, Integer days) {
        return allows(role, kind, amount, days, null);
    }

    /** Whether someone of this role may do this action alone; {@code currency} is a compensation's (null: primary). */
    public boolean allows(StaffRole role, ActionKind kind, Long amount, Integer days, String currency) {
        Limit limit = of(role);
        long most = limit.compensate(currency);
        return switch (kind) {
            case COMPENSATE -> most < 0 || (amount != null && amount <= most);
            case BAN -> days != null || limit.permanentBan();
            case UNBAN, FREEZE, RESET_PASSWORD -> true;
        };
    }
}
