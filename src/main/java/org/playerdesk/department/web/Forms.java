package org.playerdesk.department.web;

import java.util.UUID;

/** Reading form values. */
final class Forms {

    private Forms() {
    }

    /** An id from a form; null when blank or not an id (the service then names the field). */
    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
