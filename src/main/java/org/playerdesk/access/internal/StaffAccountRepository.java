package org.playerdesk.access.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    Optional<StaffAccount> findByUsername(String username);

    List<StaffAccount> findAllByOrderByUsernameAsc();

    List<StaffAccount> findByEmailIgnoreCase(String email);

    long countByRoleAndEnabledTrue(org.playerdesk.access.StaffRole role);
}
