package org.playerdesk.insight.chart;

/**
 * A chart as its page fragment ({@code insight/chart :: chart(view)}) needs it: its name (for
 * {@code data-testid="chart-<name>"}), title and kind, the JSON for its {@code data-chart}
 * attribute, and the cells of the table beside it.
 */
public record ChartView(String name, String title, String kind, String json, TableView table) {
}
