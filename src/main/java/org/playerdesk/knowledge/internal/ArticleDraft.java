package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.knowledge.Audience;

/** What the editor sends, already checked; {@code questions} null when the sender leaves them as they are (an import). */
record ArticleDraft(String locale, UUID categoryId, Audience audience, boolean announcement, String title,
        String body, List<UUID> related, List<String> questions) {
}
