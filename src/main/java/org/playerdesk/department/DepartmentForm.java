package org.playerdesk.department;

import java.util.Set;
import java.util.UUID;

/**
 * What an administrator sets for a department. {@code gameId} null: shared by all games.
 * {@code webhookSecret} blank keeps the stored secret. {@code answerHours} as typed, checked by
 * {@link Departments}.
 */
public record DepartmentForm(UUID gameId, String code, String name, String delivery, String email,
        String webhookUrl, String webhookSecret, String answerHours, boolean businessHours, boolean enabled,
        Set<UUID> memberIds) {

    public DepartmentForm {
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }
}
