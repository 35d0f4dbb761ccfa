/**
 * Counts and dashboards. For now: daily ticket volume per game (new tickets, replies from
 * players and agents, resolutions), kept from ticket events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.playerdesk.insight;
