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
import org.playerdesk.notification.internal.StaffNotificationEmail;
import org.playerdesk.notification.internal.StaffNotificationEmailRepository;
import org.playerdesk.notification.internal.StaffNotificationRepository;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sends notifications to staff and reads them back; written in the caller's transaction. */
@Service
@Transactional
public class Notifications {

    private final StaffNotificationRepository stored;
    private final StaffNotificationEmailRepository emails;
    private final StaffDirectory staff;
    private final Clock clock;
    private final InputValidation validation;

    Notifications(StaffNotificationRepository stored, StaffNotificationEmailRepository emails, StaffDirectory staff,
            Clock clock, InputValidation validation) {
        this.stored = stored;
        this.emails = emails;
        this.staff = staff;
        this.clock = clock;
        this.validation = validation;
    }

    public void send(UUID staffId, Notice notice) {
        stored.save(new StaffNotification(staffId, notice, clock.instant()));
    }

    /**
     * Sends the notice unless the member already has one of the same kind leading to the same
     * place: for a listener that may be handed the same event twice. Answers whether it was sent.
     */
    public boolean sendOnce(UUID staffId, Notice notice) {
        if (notice.link() != null && stored.existsByStaffIdAndKindAndLink(staffId, notice.kind(), notice.link())) {
            return false;
        }
        send(staffId, notice);
        return true;
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

    /** What the member chose to receive by email; nothing until they choose. */
    @Transactional(readOnly = true)
    public EmailChoice emailChoice(UUID staffId) {
        return emails.findById(staffId).map(StaffNotificationEmail::choice).orElse(EmailChoice.NONE);
    }

    /**
     * The member's own choice of notifications by email: an address (blank: none), and whether
     * mentions are emailed, which needs an address.
     */
    public EmailChoice chooseEmail(UUID staffId, String address, boolean mentions) {
        EmailForm form = new EmailForm(address == null || address.isBlank() ? null : address.strip(), mentions);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        if (mentions && form.address() == null) {
            errors.add(new InvalidInput.FieldError("address", "invalid.emailNeeded"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        EmailChoice choice = new EmailChoice(form.address(), mentions);
        emails.findById(staffId).ifPresentOrElse(row -> row.choose(choice, clock.instant()),
                () -> emails.save(new StaffNotificationEmail(staffId, choice, clock.instant())));
        return choice;
    }

    record EmailForm(
            @Size(max = 254, message = "{invalid.tooLong}") @SingleLine
            @Pattern(regexp = "[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}", message = "{invalid.email}")
            String address,
            boolean mentions) {
    }
}
