package org.playerdesk.automation.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.automation.RuleTrigger;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AutomationRuleRepository extends JpaRepository<AutomationRule, UUID> {

    List<AutomationRule> findByGameIdOrderByPositionAscCreatedAtAsc(UUID gameId);

    List<AutomationRule> findByGameIdAndTriggerAndEnabledTrueOrderByPositionAscCreatedAtAsc(UUID gameId,
            RuleTrigger trigger);

    @Query("select coalesce(max(r.position), 0) from AutomationRule r where r.gameId = :gameId")
    int lastPosition(UUID gameId);
}
