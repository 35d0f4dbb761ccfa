package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface CategoryRepository extends JpaRepository<Category, UUID> {

    List<Category> findByGameIdOrderByPositionAscNameAsc(UUID gameId);

    List<Category> findByGameIdAndLocaleOrderByPositionAscNameAsc(UUID gameId, String locale);
}
