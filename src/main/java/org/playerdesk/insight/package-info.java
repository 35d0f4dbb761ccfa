/**
 * Counts and dashboards: daily ticket volume per game (new tickets, replies from players and
 * agents, resolutions), kept from ticket events; bug and suggestion digests for each game's
 * developers ({@code insight.digest}), sent on a schedule by email and signed webhook.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.playerdesk.insight;
