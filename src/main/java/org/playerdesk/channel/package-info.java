/**
 * Channel: owns intake and delivery — the in-game API, the help-center form, later email, phone
 * and webhooks. A channel turns what arrives from outside into commands on tickets, and carries
 * the answers back to where the player is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package org.playerdesk.channel;
