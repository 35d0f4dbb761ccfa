package org.playerdesk.ticket;

import java.util.Optional;

import org.playerdesk.access.StaffUser;

/**
 * A part of the inbox page that another module contributes above the tickets (today's counts of
 * the reader's games...), so that the ticket module needs to know nothing about it. Each panel is
 * a Spring bean; the inbox asks every panel once per full page (not for the table alone), in
 * {@link #order()}, and renders the fragment {@code panel(data)} of {@link #template()} with the
 * data the panel returned, or nothing when it returned empty.
 */
public interface InboxPanel {

    /** Smaller first. */
    int order();

    /** The Thymeleaf template holding a fragment {@code panel(data)}, e.g. {@code insight/today}. */
    String template();

    /** The data for this reader, or empty to show nothing. */
    Optional<Object> data(StaffUser viewer);

    /** A panel ready to render. */
    record Shown(String template, Object data) {
    }
}
