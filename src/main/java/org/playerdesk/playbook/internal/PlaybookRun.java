package org.playerdesk.playbook.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;

/** A procedure run on one ticket. */
@Entity
@Table(name = "playbook_run")
public class PlaybookRun extends StoredEntity {

    private UUID ticketId;
    private UUID playbookId;
    private String startedBy;
    private Instant startedAt;
    private Instant reportedAt;
    private Instant finishedAt;

    protected PlaybookRun() {
    }

    public PlaybookRun(UUID ticketId, UUID playbookId, String startedBy, Instant now) {
        this.ticketId = ticketId;
        this.playbookId = playbookId;
        this.startedBy = startedBy;
        this.startedAt = now;
    }

    public void reportedAt(Instant at) {
        stillOpen();
        this.reportedAt = at;
    }

    public void finish(Instant now) {
        stillOpen();
        this.finishedAt = now;
    }

    public void stillOpen() {
        if (finishedAt != null) {
            throw new RuleViolation("playbook.finished", "this procedure has already ended");
        }
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID playbookId() {
        return playbookId;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
