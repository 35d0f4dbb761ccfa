package org.playerdesk.ticket;

import java.util.Optional;

import org.playerdesk.access.StaffUser;

/**
 * A part of the ticket page that another module contributes (the player's game account, a
 * standard procedure, the chat transcript...), so that the ticket module needs to know nothing
 * about them. Each panel is a Spring bean; the page asks every panel once per view, in
 * {@link #order()}, and renders the fragment {@code panel(data)} of {@link #template()} with the
 * data the panel returned. A panel that has nothing to show for this ticket or this viewer
 * returns empty. A panel must not fail the page: when its own source is down it returns data
 * that says so.
 */
public interface TicketPanel {

    /** The main column (under the conversation) or the side column (beside it). */
    enum Place {
        MAIN, SIDE
    }

    Place place();

    /** Smaller first; the built-in player card is at 100, metadata at 200, history at 300. */
    int order();

    /** The Thymeleaf template holding a fragment {@code panel(data)}, e.g. {@code game/player-panel}. */
    String template();

    /** The data for this ticket and viewer, or empty to show nothing. */
    Optional<Object> data(TicketView ticket, StaffUser viewer);

    /** A panel ready to render. */
    record Shown(String template, Object data) {
    }
}
