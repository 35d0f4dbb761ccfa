package org.playerdesk.access.internal.sso;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.playerdesk.access.StaffRole;

/**
 * The table from the identity provider's groups to PlayerDesk's roles and games. A member in
 * several groups gets the strongest of their roles (in the order {@link StaffRole} lists them:
 * administrator first) and every game of every group.
 */
record ClaimMapping(Map<String, String> roles, Map<String, List<String>> games) {

    ClaimMapping {
        roles = Map.copyOf(roles);
        games = Map.copyOf(games);
    }

    static ClaimMapping of(SingleSignOnSettings settings) {
        return new ClaimMapping(settings.roles(), settings.games());
    }

    /** The role the groups give, if any names a known role. */
    Optional<StaffRole> role(Collection<String> groups) {
        Set<StaffRole> given = groups.stream().map(roles::get).filter(code -> code != null)
                .flatMap(code -> Arrays.stream(StaffRole.values()).filter(r -> r.code().equalsIgnoreCase(code.strip())))
                .collect(java.util.stream.Collectors.toSet());
        return Arrays.stream(StaffRole.values()).filter(given::contains).findFirst();
    }

    /** The game codes the groups give, in the order of the groups. */
    Set<String> gameCodes(Collection<String> groups) {
        Set<String> codes = new LinkedHashSet<>();
        groups.forEach(group -> games.getOrDefault(group, List.of()).forEach(code -> codes.add(code.strip())));
        return codes;
    }

    /** The groups of a claim: a list of strings, or one string of names separated by commas or blanks. */
    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(g -> g != null).map(Object::toString).toList();
        }
        if (claim instanceof String one && !one.isBlank()) {
            return Arrays.stream(one.split("[,\\s]+")).filter(g -> !g.isBlank()).toList();
        }
        return List.of();
    }
}
