/**
 * Channels: intake and delivery. How players reach support and how answers get back to them:
 * the in-game API, the help-center form, later email, phone and webhooks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package org.playerdesk.channel;
