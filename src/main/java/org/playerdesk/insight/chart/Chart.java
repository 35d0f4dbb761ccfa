package org.playerdesk.insight.chart;

import java.util.ArrayList;
import java.util.List;

import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What one chart shows, every word already in the reader's language: its title, the axes' names,
 * the categories (days, hours, games…), the series and their values, and the same figures as a
 * {@link Table}, shown beside the chart for those who read rather than look (and for screen
 * readers and print). Written as JSON into the page ({@link Charts#json(Chart)}) and drawn there
 * by {@code insight-charts.js}; the browser adds no words of its own.
 *
 * @param name what tests and addresses call the chart ({@code chart-<name>}), such as {@code volume-trend}
 * @param rows a heat map's rows (its categories run along the x axis); empty for the other kinds
 * @param target a gauge's target share (0 to 1), marked on its dial; null for the other kinds
 * @param horizontal bars lying down, for long category labels
 * @param stacked bars of the series stacked on each other (parts of a whole, such as the backlog's
 *     ages within a status) rather than side by side
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Chart(String name, Kind kind, String title, String xAxis, String yAxis, List<String> categories,
        List<String> rows, List<Series> series, Double target, boolean horizontal, @JsonIgnore Table table,
        boolean stacked) {

    public enum Kind {
        /** Trends over days: several series, such as this period against the previous one. */
        LINE,
        /** Breakdowns: one bar per category. */
        BAR,
        /** Volume by hour (x) and weekday (y), for staffing. */
        HEATMAP,
        /** A share against its target, such as SLA compliance. */
        GAUGE;

        @JsonValue
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Above this many characters a category label does not fit under a bar: the bars lie down. */
    static final int LONG_LABEL = 8;

    public Chart {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a chart's name is lower-case words joined by hyphens: " + name);
        }
        categories = List.copyOf(categories);
        rows = List.copyOf(rows);
        series = List.copyOf(series);
        int cells = kind == Kind.HEATMAP ? categories.size() * rows.size() : kind == Kind.GAUGE ? 1 : categories.size();
        for (Series one : series) {
            if (one.values().size() != cells) {
                throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size()
                        + " values for " + cells + " places");
            }
        }
    }

    /**
     * Lines over the categories (usually days), one per series; the table has a row per category
     * and a column per series.
     */
    public static Chart line(String name, String title, String xAxis, String yAxis, List<String> categories,
            List<Series> series) {
        return new Chart(name, Kind.LINE, title, xAxis, yAxis, categories, List.of(), series, null, false,
                byCategory(title, xAxis, categories, series), false);
    }

    /** Bars, one per category and series; lying down when a label is long. */
    public static Chart bar(String name, String title, String categoryAxis, String valueAxis, List<String> categories,
            List<Series> series) {
        boolean horizontal = categories.stream().anyMatch(c -> c.codePointCount(0, c.length()) > LONG_LABEL);
        return new Chart(name, Kind.BAR, title, categoryAxis, valueAxis, categories, List.of(), series, null,
                horizontal, byCategory(title, categoryAxis, categories, series), false);
    }

    /**
     * Bars whose series are parts of one whole, stacked on each other: one bar per category, as
     * tall as the series added up. The table has a column per series and their total.
     */
    public static Chart stackedBar(String name, String title, String categoryAxis, String valueAxis,
            List<String> categories, List<Series> series, String totalName) {
        Chart bars = bar(name, title, categoryAxis, valueAxis, categories, series);
        List<Column> columns = new ArrayList<>(bars.table().columns());
        columns.add(Column.count(totalName));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : bars.table().rows()) {
            List<Object> withTotal = new ArrayList<>(row);
            withTotal.add(row.stream().skip(1).mapToLong(cell -> cell == null ? 0 : ((Number) cell).longValue()).sum());
            rows.add(withTotal);
        }
        return new Chart(name, Kind.BAR, title, categoryAxis, valueAxis, categories, List.of(), series, null,
                bars.horizontal(), new Table(title, columns, rows), true);
    }

    /**
     * A heat map: {@code values[row][column]}, such as tickets by weekday (rows) and hour (columns).
     * The table has a row per weekday and a column per hour, as the map does.
     */
    public static Chart heatmap(String name, String title, String columnAxis, String rowAxis, String valueName,
            List<String> columns, List<String> rows, long[][] values) {
        if (values.length != rows.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for " + rows.size() + " rows");
        }
        List<Number> flat = new ArrayList<>();
        List<List<Object>> tableRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (values[r].length != columns.size()) {
                throw new IllegalArgumentException(values[r].length + " values for " + columns.size() + " columns");
            }
            List<Object> tableRow = new ArrayList<>();
            tableRow.add(rows.get(r));
            for (long value : values[r]) {
                flat.add(value);
                tableRow.add(value);
            }
            tableRows.add(tableRow);
        }
        List<Column> tableColumns = new ArrayList<>();
        tableColumns.add(Column.text(rowAxis));
        columns.forEach(c -> tableColumns.add(Column.count(c)));
        return new Chart(name, Kind.HEATMAP, title, columnAxis, rowAxis, columns, rows,
                List.of(Series.of(valueName, flat)), null, false, new Table(title, tableColumns, tableRows), false);
    }

    /**
     * A dial showing a share (0 to 1; null when nothing was measured) against its target, the target
     * marked on the dial. The table has the share and the target.
     */
    public static Chart gauge(String name, String title, String valueName, Double share, String targetName,
            double target) {
        if (target < 0 || target > 1 || share != null && (share < 0 || share > 1)) {
            throw new IllegalArgumentException("shares run from 0 to 1");
        }
        List<Number> value = new ArrayList<>();
        value.add(share);
        Table table = new Table(title, List.of(Column.text(title), new Column(valueName, Column.Kind.PERCENT)),
                List.of(java.util.Arrays.asList(valueName, share), List.of(targetName, target)));
        return new Chart(name, Kind.GAUGE, title, null, null, List.of(targetName), List.of(),
                List.of(new Series(valueName, value, false)), target, false, table, false);
    }

    /** The same chart with another table beside it, such as one naming the previous period's days. */
    public Chart withTable(Table replacement) {
        return new Chart(name, kind, title, xAxis, yAxis, categories, rows, series, target, horizontal, replacement,
                stacked);
    }

    private static Table byCategory(String title, String categoryName, List<String> categories, List<Series> series) {
        for (Series one : series) {
            if (one.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(categoryName));
        series.forEach(s -> columns.add(Column.count(s.name())));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(categories.get(i));
            for (Series one : series) {
                row.add(one.values().get(i));
            }
            rows.add(row);
        }
        return new Table(title, columns, rows);
    }
}
