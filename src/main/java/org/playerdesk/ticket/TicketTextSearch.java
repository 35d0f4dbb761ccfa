package org.playerdesk.ticket;

import java.util.Set;
import java.util.UUID;

/**
 * Full-text search over tickets that another module may provide (the knowledge module does,
 * through its search index of subjects, messages and nicknames), so that the inbox's search box
 * finds words anywhere in a ticket while the ticket module knows nothing of the index. When no
 * bean implements it, the inbox matches the subject alone.
 * <p>
 * Only staff search the inbox, so an implementation may look in internal notes too.
 */
public interface TicketTextSearch {

    /** How many of the best matching tickets the inbox considers; the inbox then filters and sorts them. */
    int LIMIT = 500;

    /**
     * The ids of the tickets that best match {@code words}, within {@code gameScope} (null: every
     * game), best first, at most {@code limit}. Empty when nothing matches.
     */
    Set<UUID> matching(Set<UUID> gameScope, String words, int limit);
}
