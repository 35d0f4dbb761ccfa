/**
 * Players: one record per game account, matched by game and account id, with what they told us
 * about themselves (nickname, server, role, contact email). Later also identities per channel,
 * VIP tier and follow-ups.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Player")
package org.playerdesk.player;
