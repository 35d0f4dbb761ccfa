/**
 * Player CRM: the player panel on the ticket page (the game account's profile, recent logins,
 * VIP tier, tags, notes, violations, linked accounts) and the player page with the whole
 * interaction history. Personal data is masked unless revealed by someone allowed to, and each
 * reveal is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Player CRM")
package org.playerdesk.crm;
