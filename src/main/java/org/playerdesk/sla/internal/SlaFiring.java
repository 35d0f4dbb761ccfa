package org.playerdesk.sla.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.sla.SlaTarget;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A warning or breach as it fired, for reports: unique per timer, round and kind, so a second
 * node that reaches the same one cannot record it again. {@code actionsDoneAt} marks the
 * policy's actions run, so that a retried event does not run them twice.
 */
@Entity
@Table(name = "sla_firing")
public class SlaFiring extends StoredEntity {

    static final String WARNING = "warning";
    static final String BREACH = "breach";

    private UUID timerId;
    private UUID ticketId;
    private UUID gameId;
    @Convert(converter = SlaTimer.TargetConverter.class)
    private SlaTarget target;
    private String kind;
    private int round;
    private Instant dueAt;
    private Instant firedAt;
    private String actions;
    private Instant actionsDoneAt;
    private String outcome;

    protected SlaFiring() {
    }

    SlaFiring(SlaTimer timer, String kind, String actions, Instant firedAt) {
        this.timerId = timer.getId();
        this.ticketId = timer.ticketId();
        this.gameId = timer.gameId();
        this.target = timer.target();
        this.kind = kind;
        this.round = timer.round();
        this.dueAt = timer.dueAt();
        this.firedAt = firedAt;
        this.actions = actions;
    }

    public String kind() {
        return kind;
    }

    public SlaTarget target() {
        return target;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public String actions() {
        return actions;
    }

    public Instant actionsDoneAt() {
        return actionsDoneAt;
    }

    public String outcome() {
        return outcome;
    }

    public Instant firedAt() {
        return firedAt;
    }

    void done(String outcome, Instant at) {
        this.actionsDoneAt = at;
        this.outcome = outcome == null ? null : org.playerdesk.system.validation.Texts.abbreviate(outcome, 300);
    }
}
