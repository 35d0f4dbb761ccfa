package org.playerdesk.department;

import java.util.Set;
import java.util.UUID;

/**
 * A department as pages and other modules see it. {@code gameId} is null for a department shared
 * by all games. The webhook secret never leaves the module: {@code hasSecret} only says whether
 * one is stored.
 */
public record DepartmentView(UUID id, UUID gameId, String code, String name, Delivery delivery, String email,
        String webhookUrl, boolean hasSecret, int answerHours, boolean businessHours, boolean enabled,
        Set<UUID> memberIds) {

    public boolean hasMember(UUID staffId) {
        return memberIds.contains(staffId);
    }
}
