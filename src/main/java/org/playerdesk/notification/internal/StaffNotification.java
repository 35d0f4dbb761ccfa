package org.playerdesk.notification.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.playerdesk.notification.Notice;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.validation.Texts;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_notification")
public class StaffNotification extends StoredEntity {

    /** Arguments are stored joined by the unit separator, which no argument keeps. */
    private static final String SEPARATOR = "\u001f";
    private static final int ARGS_MAX = 2000;

    private UUID staffId;
    private String kind;
    private String messageKey;
    private String args;
    private String link;
    private UUID ticketId;
    private Instant createdAt;
    private Instant readAt;

    protected StaffNotification() {
    }

    public StaffNotification(UUID staffId, Notice notice, Instant now) {
        this.staffId = staffId;
        this.kind = Texts.abbreviate(notice.kind(), 40);
        this.messageKey = notice.messageKey();
        this.args = Texts.abbreviate(String.join(SEPARATOR,
                notice.args().stream().map(a -> a == null ? "" : a.replace(SEPARATOR, " ")).toList()), ARGS_MAX);
        this.link = notice.link();
        this.ticketId = notice.ticketId();
        this.createdAt = now;
    }

    public NotificationView view() {
        List<String> list = args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
        return new NotificationView(getId(), kind, messageKey, list, link, ticketId, createdAt, readAt);
    }
}
