package org.playerdesk.enforcement.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ViolationTypeRepository extends JpaRepository<ViolationType, UUID> {

    List<ViolationType> findByGameIdOrderByCode(UUID gameId);

    Optional<ViolationType> findByGameIdAndCode(UUID gameId, String code);

    boolean existsByGameId(UUID gameId);
}
