/**
 * Campaigns and outreach (docs/campaigns.md): one message to a segment of one game's players (VIP
 * follow-ups 回访, long-inactive players, players of an incident or a tagged ticket) by email, in-game
 * message or SMS, each recipient claimed in a committed transaction before it is sent so that no
 * player gets it twice, throttled per channel, held through the player's quiet hours, refused to a
 * player who opted out; delivery, replies and bounces tracked per recipient.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.playerdesk.outreach;
