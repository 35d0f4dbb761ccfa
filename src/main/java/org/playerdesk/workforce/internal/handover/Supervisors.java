package org.playerdesk.workforce.internal.handover;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.notification.Notifications;
import org.springframework.stereotype.Component;

/** The supervisors (客服主管) over a member of staff: those of their games, the administrators for a game without one. */
@Component
class Supervisors {

    private final Notifications notifications;
    private final StaffDirectory staff;

    Supervisors(Notifications notifications, StaffDirectory staff) {
        this.notifications = notifications;
        this.staff = staff;
    }

    /** Never the member themselves; the administrators when the member serves no game. */
    List<UUID> of(StaffMember member) {
        Set<UUID> supervisors = new LinkedHashSet<>();
        for (UUID game : member.gameIds()) {
            supervisors.addAll(notifications.leadsOf(game));
        }
        if (supervisors.isEmpty()) {
            staff.all().stream().filter(m -> m.enabled() && m.role().seesAllGames()).map(StaffMember::id)
                    .forEach(supervisors::add);
        }
        supervisors.remove(member.id());
        return List.copyOf(supervisors);
    }
}
