package org.playerdesk.channel.help;

/**
 * The help-center form as the player filled it in; kept as typed so that a page with field
 * errors shows the player's own words again.
 */
record TicketForm(String type, String subject, String description, String accountId, String nickname,
        String server, String email) {

    static TicketForm empty() {
        return new TicketForm(null, null, null, null, null, null, null);
    }
}
