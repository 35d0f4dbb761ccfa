package org.playerdesk.insight.report;

import java.util.List;

/**
 * A report's figures as rows, worded in one reader's language: what a page shows beside its
 * chart, and what an export writes. A cell is a {@code String}, a {@code Number}, a
 * {@link java.time.LocalDate} or {@code null} (no figure, such as a median of nothing), as its
 * column's kind says.
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns.size() + " columns");
            }
        }
    }
}
