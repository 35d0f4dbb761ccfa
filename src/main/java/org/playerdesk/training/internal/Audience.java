package org.playerdesk.training.internal;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffMember;

/** Who a course or an exam is for: members of these roles (by code), of these teams, and new hires. */
record Audience(Set<String> roles, Set<UUID> teams, boolean newHires) {

    static final Audience NOBODY = new Audience(Set.of(), Set.of(), false);

    Audience {
        roles = Set.copyOf(roles);
        teams = Set.copyOf(teams);
    }

    boolean includes(StaffMember member, Collection<UUID> memberTeams, boolean newHire) {
        return roles.contains(member.role().code()) || memberTeams.stream().anyMatch(teams::contains)
                || newHires && newHire;
    }

    boolean empty() {
        return roles.isEmpty() && teams.isEmpty() && !newHires;
    }
}
