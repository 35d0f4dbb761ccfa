/**
 * Players: one record per game account, matched by game and account id, with what they told us
 * about themselves (nickname, server, role, contact email), and the CRM data staff keep on them:
 * the VIP tier, tags, notes and standing (violations), with the last game figures the tier was
 * worked out from. VIP managers and follow-ups belong to {@code vip}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Player")
package org.playerdesk.player;
