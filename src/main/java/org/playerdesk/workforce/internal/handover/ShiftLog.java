package org.playerdesk.workforce.internal.handover;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.workforce.HandoverState;
import org.playerdesk.workforce.HandoverView;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.stereotype.Component;

/**
 * Who a settled handover's shift log goes to and the console's notices of it (seed 004: 将客服日志发给
 * 接班同事，并抄送组长及客服主管备份): the incoming agents, the outgoing agent's team leads and the
 * supervisors of their games; the outgoing agent is told they are free to leave.
 */
@Component
public class ShiftLog {

    public static final String LINK = "/console/handover/";

    private final Teams teams;
    private final Supervisors supervisors;
    private final Notifications notifications;
    private final StaffDirectory staff;

    ShiftLog(Teams teams, Supervisors supervisors, Notifications notifications, StaffDirectory staff) {
        this.teams = teams;
        this.supervisors = supervisors;
        this.notifications = notifications;
        this.staff = staff;
    }

    /** The incoming agents, then the team leads, then the supervisors; never the outgoing agent. */
    public List<UUID> addressees(HandoverView handover) {
        Set<UUID> to = new LinkedHashSet<>();
        handover.incoming().forEach(p -> to.add(p.id()));
        for (TeamView team : teams.of(handover.outgoingId())) {
            if (team.leadId() != null) {
                to.add(team.leadId());
            }
        }
        to.addAll(supervisors.of(staff.get(handover.outgoingId())));
        to.remove(handover.outgoingId());
        return List.copyOf(to);
    }

    /** The console's notices of a settled handover (once each, however often asked). */
    public void announce(HandoverView handover) {
        String link = LINK + handover.id();
        String key = handover.state() == HandoverState.RELEASED ? "handover.notice.log.released"
                : "handover.notice.log";
        String by = handover.state() == HandoverState.RELEASED ? handover.releasedByName()
                : handover.acknowledgedByName();
        Notice log = new Notice("handover.log", key, List.of(handover.outgoingName(), String.valueOf(by)), link, null);
        addressees(handover).forEach(id -> notifications.sendOnce(id, log));
        notifications.sendOnce(handover.outgoingId(), new Notice("handover.settled",
                handover.state() == HandoverState.RELEASED ? "handover.notice.released.self" : "handover.notice.acknowledged.self",
                List.of(String.valueOf(by)), link, null));
    }
}
