package org.playerdesk.playbook.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.playbook.RunView;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@Table(name = "playbook_step_outcome")
public class StepOutcome extends StoredEntity {

    private UUID runId;
    private UUID stepId;
    private String outcome;
    private String doneBy;
    private Instant doneAt;

    protected StepOutcome() {
    }

    public StepOutcome(UUID runId, UUID stepId, String outcome, String doneBy, Instant doneAt) {
        this.runId = runId;
        this.stepId = stepId;
        this.outcome = outcome;
        this.doneBy = doneBy;
        this.doneAt = doneAt;
    }

    public UUID stepId() {
        return stepId;
    }

    public RunView.Outcome view() {
        return new RunView.Outcome(outcome, doneBy, doneAt);
    }
}
