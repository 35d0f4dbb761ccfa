package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A one-to-one talk a supervisor noted with an agent. */
record Talk(UUID id, UUID staffId, LocalDate heldOn, String note, UUID notedBy, String notedByName, Instant notedAt) {
}
