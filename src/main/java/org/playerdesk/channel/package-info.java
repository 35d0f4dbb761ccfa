/**
 * Channels: intake and delivery. How players reach support and how answers get back to them:
 * the game REST API ({@code channel.api}, for in-game reports and the game's own servers) and the
 * help center for players ({@code channel.help}). Live chat has a module of its own ({@code chat}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channel")
package org.playerdesk.channel;
