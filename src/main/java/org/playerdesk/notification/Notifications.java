package org.playerdesk.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.notification.internal.StaffNotification;
import org.playerdesk.notification.internal.StaffNotificationRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends notifications to staff and reads them back; written in the caller's transaction. */
@Service
@Transactional
public class Notifications {

    private final StaffNotificationRepository stored;
    private final StaffDirectory staff;
    private final Clock clock;

    Notifications(StaffNotificationRepository stored, StaffDirectory staff, Clock clock) {
        this.stored = stored;
        this.staff = staff;
        this.clock = clock;
    }

    public void send(UUID staffId, Notice notice) {
        stored.save(new StaffNotification(staffId, notice, clock.instant()));
    }

    /** The same notice to each of several members of staff, each once. */
    public void send(Collection<UUID> staffIds, Notice notice) {
        new LinkedHashSet<>(staffIds).forEach(id -> send(id, notice));
    }

    /**
     * The leads of a game: its enabled supervisors, or, when it has none, the administrators;
     * the ids are returned so that a caller can tell who was notified.
     */
    public List<UUID> sendToLeads(UUID gameId, Notice notice) {
        List<UUID> leads = leadsOf(gameId);
        send(leads, notice);
        return leads;
    }

    @Transactional(readOnly = true)
    public List<UUID> leadsOf(UUID gameId) {
        List<UUID> supervisors = new ArrayList<>();
        for (StaffMember member : staff.servingGame(gameId)) {
            if (member.enabled() && member.role() == StaffRole.SUPERVISOR) {
                supervisors.add(member.id());
            }
        }
        if (!supervisors.isEmpty()) {
            return supervisors;
        }
        return staff.all().stream().filter(m -> m.enabled() && m.role() == StaffRole.ADMIN).map(StaffMember::id)
                .toList();
    }

    /** The newest first, read or not. */
    @Transactional(readOnly = true)
    public List<NotificationView> recent(UUID staffId, int limit) {
        return stored.findByStaffIdOrderByCreatedAtDescIdDesc(staffId, PageRequest.of(0, Math.clamp(limit, 1, 200)))
                .stream().map(StaffNotification::view).toList();
    }

    @Transactional(readOnly = true)
    public long unreadCount(UUID staffId) {
        return stored.countByStaffIdAndReadAtIsNull(staffId);
    }

    /** Marks the reader's own notifications read; others' ids are ignored. */
    public int markRead(UUID staffId, Set<UUID> ids) {
        return stored.markRead(staffId, ids, clock.instant());
    }

    public int markAllRead(UUID staffId) {
        return stored.markAllRead(staffId, clock.instant());
    }
}
