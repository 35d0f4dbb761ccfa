package org.playerdesk.training.internal;

import java.util.List;
import java.util.UUID;

/** A course: knowledge-base articles to read in order, for its audience, delivered by its trainer (null: none named). */
record Course(UUID id, String title, String summary, List<UUID> articleIds, Audience audience, UUID trainerId) {
}
