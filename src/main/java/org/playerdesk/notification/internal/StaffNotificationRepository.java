package org.playerdesk.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface StaffNotificationRepository extends JpaRepository<StaffNotification, UUID> {

    List<StaffNotification> findByStaffIdOrderByCreatedAtDescIdDesc(UUID staffId, Pageable page);

    long countByStaffIdAndReadAtIsNull(UUID staffId);

    boolean existsByStaffIdAndKindAndLink(UUID staffId, String kind, String link);

    @Modifying
    @Query("update StaffNotification n set n.readAt = :at where n.staffId = :staffId and n.id in :ids and n.readAt is null")
    int markRead(UUID staffId, Collection<UUID> ids, Instant at);

    @Modifying
    @Query("update StaffNotification n set n.readAt = :at where n.staffId = :staffId and n.readAt is null")
    int markAllRead(UUID staffId, Instant at);
}
