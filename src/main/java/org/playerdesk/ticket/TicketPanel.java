package org.playerdesk.ticket;

import java.util.Optional;

import org.playerdesk.access.StaffUser;

/**
 * A part of the ticket page that another module contributes (the player's game account, a
 * standard procedure, the chat transcript...), so that the ticket module needs to know nothing
 * about them. Each panel is a Spring bean; the page asks every panel once per view, in
 * {@link #order()}, and renders the fragment {@code panel(data)} of {@link #template()} with the
 * data the panel returned. The page reads the ticket, its metadata, its player and its game once
 * and hands them to every panel ({@link TicketOnPage}): a panel that needs them overrides
 * {@link #data(TicketOnPage, StaffUser)} rather than reading them again. A panel that has nothing to show for this ticket or this viewer
 * returns empty. A panel must not fail the page: when its own source is down it returns data
 * that says so.
 */
public interface TicketPanel {

    /**
     * The main column (under the conversation), the side column (beside it), or the reply area
     * (under the reply box, for what helps to write and send the reply).
     */
    enum Place {
        MAIN, SIDE, REPLY
    }

    Place place();

    /**
     * Smaller first. Beside the conversation the built-in cards are the player at 10, the actions
     * on the ticket at 30, the details from the game at 200 and the history at 300.
     */
    int order();

    /** The Thymeleaf template holding a fragment {@code panel(data)}, e.g. {@code crm/player-panel}. */
    String template();

    /** The message key of the panel's name: a folded card shows only its name. */
    String title();

    /** The data for this ticket and viewer, or empty to show nothing. */
    Optional<Object> data(TicketView ticket, StaffUser viewer);

    /**
     * The data for the ticket as the page has read it, or empty to show nothing: what the page
     * calls. By default {@link #data(TicketView, StaffUser)}.
     */
    default Optional<Object> data(TicketOnPage page, StaffUser viewer) {
        return data(page.ticket(), viewer);
    }

    /** A panel ready to render. */
    record Shown(String template, Object data) {
    }
}
