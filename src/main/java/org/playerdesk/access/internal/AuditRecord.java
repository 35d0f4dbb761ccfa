package org.playerdesk.access.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One line of the audit log; never changed once written. */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends StoredEntity {

    private UUID actorId;
    private String actorName;
    private UUID gameId;
    private String action;
    private String subjectKind;
    private String subjectId;
    private String detail;
    @Column(name = "recorded_at")
    private Instant at;
    private String clientAddress;

    protected AuditRecord() {
    }

    public AuditRecord(UUID actorId, String actorName, UUID gameId, String action, String subjectKind,
            String subjectId, String detail, Instant at) {
        this(actorId, actorName, gameId, action, subjectKind, subjectId, detail, at, null);
    }

    public AuditRecord(UUID actorId, String actorName, UUID gameId, String action, String subjectKind,
            String subjectId, String detail, Instant at, String clientAddress) {
        this.actorId = actorId;
        this.actorName = actorName;
        this.gameId = gameId;
        this.action = action;
        this.subjectKind = subjectKind;
        this.subjectId = subjectId;
        this.detail = detail;
        this.at = at;
        this.clientAddress = clientAddress;
    }

    public AuditLog.Entry entry() {
        return new AuditLog.Entry(getId(), at, actorId, actorName, gameId, action, subjectKind, subjectId, detail,
                clientAddress);
    }
}
