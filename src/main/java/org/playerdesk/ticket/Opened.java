package org.playerdesk.ticket;

/**
 * A ticket just opened, and the secret of its private link when one was asked for: shown to
 * the player once, stored only as a hash.
 */
public record Opened(TicketView ticket, String followToken) {
}
