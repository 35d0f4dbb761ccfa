/**
 * Social and forums (docs/social.md): a game's social sources (a forum or anything else through
 * the generic signed webhook, a WeChat Official Account's message push, a Discord application's
 * interactions endpoint), each webhook verified by its platform's own signature scheme; a post or
 * direct message opens or continues a ticket of channel {@code social} through
 * {@link org.playerdesk.ticket.TicketDesk}, and agents' public replies go back through the
 * platform's API (or the ticket page says to answer on the platform); the forum desk, where staff
 * flag posts as abusive or advertising and record what was done (removal, a warning, a violation
 * through {@link org.playerdesk.enforcement.Enforcement}'s ladder). Other modules need nothing
 * from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social and forums")
package org.playerdesk.social;
