package org.playerdesk.notification.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.notification.EmailChoice;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's choice of notifications by email; keyed by the staff account. */
@Entity
@Table(name = "staff_notification_email")
public class StaffNotificationEmail {

    @Id
    private UUID staffId;
    private String address;
    private boolean mentions;
    private Instant updatedAt;

    protected StaffNotificationEmail() {
    }

    public StaffNotificationEmail(UUID staffId, EmailChoice choice, Instant now) {
        this.staffId = staffId;
        choose(choice, now);
    }

    public void choose(EmailChoice choice, Instant now) {
        this.address = choice.address();
        this.mentions = choice.mentions();
        this.updatedAt = now;
    }

    public EmailChoice choice() {
        return new EmailChoice(address, mentions);
    }
}
