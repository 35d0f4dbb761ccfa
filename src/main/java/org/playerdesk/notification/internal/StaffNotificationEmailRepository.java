package org.playerdesk.notification.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffNotificationEmailRepository extends JpaRepository<StaffNotificationEmail, UUID> {
}
