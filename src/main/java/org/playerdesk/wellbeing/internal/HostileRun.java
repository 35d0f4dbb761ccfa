package org.playerdesk.wellbeing.internal;

import java.time.Instant;
import java.util.List;

/**
 * Hostile contacts in a row: counted back from the newest contact until one that was not hostile,
 * or until the agent's last break began or their shift did (a rest starts a new run).
 */
final class HostileRun {

    private HostileRun() {
    }

    /** {@code contacts} oldest first; contacts up to {@code since} (a break begun as the last one came) do not count. */
    static int of(List<Contact> contacts, Instant since) {
        int run = 0;
        for (int i = contacts.size() - 1; i >= 0; i--) {
            Contact contact = contacts.get(i);
            if (since != null && !contact.at().isAfter(since) || !contact.hostile()) {
                break;
            }
            run++;
        }
        return run;
    }
}
