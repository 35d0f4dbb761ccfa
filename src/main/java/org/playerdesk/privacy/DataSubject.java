package org.playerdesk.privacy;

import java.util.UUID;

/** The player a data request is about: their record's id, their game and their account in it. */
public record DataSubject(UUID playerId, UUID gameId, String accountId) {
}
