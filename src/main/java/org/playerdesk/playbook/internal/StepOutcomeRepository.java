package org.playerdesk.playbook.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StepOutcomeRepository extends JpaRepository<StepOutcome, UUID> {

    List<StepOutcome> findByRunId(UUID runId);

    boolean existsByRunIdAndStepId(UUID runId, UUID stepId);
}
