/**
 * Counts and dashboards: daily ticket volume per game (new tickets, replies from players and
 * agents, resolutions), kept from ticket events; the insight dashboard ({@code /console/insight},
 * {@code insight.web}) and its charts ({@code insight.chart}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.playerdesk.insight;
