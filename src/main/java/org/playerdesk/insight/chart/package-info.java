/**
 * The insight pages' charts: what a chart shows ({@link org.playerdesk.insight.chart.Chart}:
 * lines, bars, a heat map, a gauge), worded in the reader's language, with the same figures as a
 * {@link org.playerdesk.insight.report.Table} for the table beside it; drawn in the browser by
 * {@code static/js/insight-charts.js} with Apache ECharts.
 */
package org.playerdesk.insight.chart;
