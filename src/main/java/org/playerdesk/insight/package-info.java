/**
 * The department's figures and reports (docs/insight.md): per-ticket facts kept from the other
 * modules' events and rolled up per game, local day and dimension ({@code insight.figures}); the
 * dashboard at {@code /console/insight} ({@code insight.web}) and its charts
 * ({@code insight.chart}); agents' and teams' key figures and the channel scorecard
 * ({@code insight.kpi}); every report as a {@code insight.report.ReportSource}, exported and
 * subscribed to by email ({@code insight.schedule}, with the daily report); bug and suggestion
 * digests for each game's developers ({@code insight.digest}); and the daily ticket volume shown
 * on the inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.playerdesk.insight;
