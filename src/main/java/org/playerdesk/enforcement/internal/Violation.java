package org.playerdesk.enforcement.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.Severity;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@Table(name = "violation")
public class Violation extends StoredEntity {

    private UUID gameId;
    private String accountId;
    private UUID violationTypeId;
    private UUID ticketId;
    private String note;
    private int stepPosition;
    @Convert(converter = Converters.PenaltyKind.class)
    private Penalty penalty;
    private Integer days;
    @Convert(converter = Converters.SeverityKind.class)
    private Severity severity = Severity.NORMAL;
    private UUID actionId;
    private String recordedBy;
    private Instant recordedAt;

    protected Violation() {
    }

    public Violation(UUID gameId, String accountId, UUID violationTypeId, UUID ticketId, String note, int stepPosition,
            ViolationTypeView.Rung rung, String recordedBy, Instant recordedAt) {
        this.gameId = gameId;
        this.accountId = accountId;
        this.violationTypeId = violationTypeId;
        this.ticketId = ticketId;
        this.note = note;
        this.stepPosition = stepPosition;
        this.penalty = rung.penalty();
        this.days = rung.days();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Violation(UUID gameId, String accountId, UUID violationTypeId, UUID ticketId, String note, int stepPosition,
            ViolationTypeView.Rung rung, Severity severity, String recordedBy, Instant recordedAt) {
        this(gameId, accountId, violationTypeId, ticketId, note, stepPosition, rung, recordedBy, recordedAt);
        this.severity = severity;
    }

    public void enforcedBy(UUID actionId) {
        this.actionId = actionId;
    }

    public UUID actionId() {
        return actionId;
    }

    public UUID violationTypeId() {
        return violationTypeId;
    }

    public ViolationView view(ViolationTypeView type) {
        return new ViolationView(getId(), gameId, accountId, type.code(), type.name(), ticketId, note, stepPosition,
                penalty, days, actionId, recordedBy, recordedAt, severity);
    }
}
