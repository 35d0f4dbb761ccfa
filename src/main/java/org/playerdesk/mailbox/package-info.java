/**
 * Email as a channel of player support (docs/email.md): each game's support mailboxes, new mail
 * opening tickets of channel {@code email}, replies threaded onto their tickets, agents' public
 * replies sent back by SMTP from the game's address. Other modules send players email through
 * {@link org.playerdesk.mailbox.PlayerMail} and hear of the answers and bounces to what they sent
 * through {@link org.playerdesk.mailbox.MailEvents}; the ticket module never learns how a message
 * arrived.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email")
package org.playerdesk.mailbox;
