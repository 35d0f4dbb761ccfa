/**
 * Key figures of each agent and each team (for now, an agent's tier) and the seed's channel
 * scorecard, read from the insight figures: the pages {@code /console/insight/agents} and
 * {@code /console/insight/scorecard} and the reports {@code agents}, {@code teams} and
 * {@code scorecard}.
 */
package org.playerdesk.insight.kpi;
