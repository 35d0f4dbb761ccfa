package org.playerdesk.automation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.automation.TimeRuleKind;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface TimeRuleRepository extends JpaRepository<TimeRule, UUID> {

    List<TimeRule> findByGameIdOrderByKindAsc(UUID gameId);

    Optional<TimeRule> findByGameIdAndKind(UUID gameId, TimeRuleKind kind);

    List<TimeRule> findByEnabledTrue();

    /** Moves the sweep's mark forward only: a slower node never moves it back. */
    @Modifying
    @Query("update TimeRule r set r.sweptUntil = :until where r.id = :id and (r.sweptUntil is null or r.sweptUntil < :until)")
    int sweptUntil(UUID id, Instant until);

    /** Forgets how far the sweep has looked (the hours changed, or the rule was switched on). */
    @Modifying
    @Query("update TimeRule r set r.sweptUntil = null where r.id = :id")
    int resweep(UUID id);
}
