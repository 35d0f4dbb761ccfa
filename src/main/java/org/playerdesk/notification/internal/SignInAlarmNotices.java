package org.playerdesk.notification.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.SignInAlarm;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every enabled administrator in the console when failed sign-ins of one account or from
 * one address crossed their limit; told as it happens, from the sign-in that crossed it.
 */
@Component
class SignInAlarmNotices {

    static final String KIND = "access.sign-in-alarm";

    private final Notifications notifications;
    private final StaffDirectory staff;

    SignInAlarmNotices(Notifications notifications, StaffDirectory staff) {
        this.notifications = notifications;
        this.staff = staff;
    }

    @EventListener
    void on(SignInAlarm alarm) {
        List<UUID> administrators = staff.all().stream()
                .filter(member -> member.enabled() && member.role() == StaffRole.ADMIN)
                .map(StaffMember::id).toList();
        notifications.send(administrators, new Notice(KIND, "twofactor.alarm." + alarm.kind(),
                List.of(alarm.subject()), null, null));
    }
}
