package org.playerdesk.notification;

import java.util.List;
import java.util.UUID;

/**
 * What to tell a member of staff: a {@code kind} for filtering (e.g. {@code sla.breach}), the
 * message key of the console bundle with its arguments, and where it leads (a console path such
 * as {@code /console/tickets/…}, or null), with the ticket it concerns when there is one.
 */
public record Notice(String kind, String messageKey, List<String> args, String link, UUID ticketId) {

    public Notice {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
