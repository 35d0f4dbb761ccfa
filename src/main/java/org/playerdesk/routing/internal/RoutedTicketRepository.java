package org.playerdesk.routing.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RoutedTicketRepository extends JpaRepository<RoutedTicket, UUID> {
}
