package org.playerdesk.incident.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentStatus;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An incident and its rules: the allowed status moves, and what staff may write into it. */
@Entity
@Table(name = "incident")
public class Incident extends StoredEntity {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    public static final int SERVERS_MAX = 200;
    public static final int NOTICE_MAX = 1000;

    private UUID gameId;
    private String title;
    private String description;
    private String servers;
    @Convert(converter = StatusConverter.class)
    private IncidentStatus status;
    private String groupingKey;
    private String noticeZh;
    private String noticeEn;
    private UUID createdBy;
    private String createdByName;
    private Instant createdAt;
    private Instant confirmedAt;
    private Instant resolvedAt;
    @Version
    private long version;

    protected Incident() {
    }

    /** An incident staff open themselves. */
    public static Incident opened(UUID gameId, IncidentDraft draft, UUID by, String byName, Instant now) {
        Incident incident = new Incident();
        incident.gameId = gameId;
        incident.write(draft);
        incident.status = IncidentStatus.OPEN;
        incident.createdBy = by;
        incident.createdByName = byName;
        incident.createdAt = now;
        incident.confirmedAt = now;
        return incident;
    }

    /** An incident the storm grouping proposes for one game and server, waiting for a lead. */
    public static Incident proposed(UUID gameId, String groupingKey, String title, String server, Instant now) {
        Incident incident = new Incident();
        incident.gameId = gameId;
        incident.title = title;
        incident.servers = server == null || server.isEmpty() ? null : server;
        incident.status = IncidentStatus.PROPOSED;
        incident.groupingKey = groupingKey;
        incident.createdByName = "PlayerDesk";
        incident.createdAt = now;
        return incident;
    }

    /** Takes a checked draft. */
    public void write(IncidentDraft checked) {
        if (status != null && !status.isLive()) {
            throw new RuleViolation("incident.finished", "a " + status.code() + " incident cannot be changed",
                    status.code());
        }
        this.title = checked.title();
        this.description = checked.description();
        this.servers = checked.servers();
        this.noticeZh = checked.noticeZh();
        this.noticeEn = checked.noticeEn();
    }

    public void moveTo(IncidentStatus next, Instant now) {
        if (!status.canBecome(next)) {
            throw new RuleViolation("incident.status.refused",
                    "an incident cannot go from " + status.code() + " to " + next.code(), status.code(), next.code());
        }
        status = next;
        switch (next) {
            case OPEN -> {
                if (confirmedAt == null) {
                    confirmedAt = now;
                }
                resolvedAt = null;
            }
            case RESOLVED -> {
                resolvedAt = now;
                groupingKey = null;
            }
            case DISMISSED -> {
                resolvedAt = now;
                groupingKey = null;
            }
            default -> {
            }
        }
    }

    public void requireLive() {
        if (!status.isLive()) {
            throw new RuleViolation("incident.finished", "a " + status.code() + " incident takes no more tickets",
                    status.code());
        }
    }

    public IncidentView view(long linked, long proposed) {
        return new IncidentView(getId(), gameId, title, description, servers, status, createdBy == null, noticeZh, noticeEn, createdByName,
                createdAt, confirmedAt, resolvedAt, linked, proposed);
    }

    public UUID gameId() {
        return gameId;
    }

    public IncidentStatus status() {
        return status == null ? IncidentStatus.OPEN : status;
    }

    public String title() {
        return title;
    }

    public String groupingKey() {
        return groupingKey;
    }

    public String noticeZh() {
        return noticeZh;
    }

    public String noticeEn() {
        return noticeEn;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    @Converter
    static class StatusConverter extends CodedConverter<IncidentStatus> {
        StatusConverter() {
            super(IncidentStatus.class);
        }
    }
}
