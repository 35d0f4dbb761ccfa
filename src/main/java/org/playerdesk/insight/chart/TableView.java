package org.playerdesk.insight.chart;

import java.util.List;

/**
 * A {@link org.playerdesk.insight.report.Table} as a page shows it: headings, and each cell
 * already written in the reader's way (numbers grouped, shares as percentages, missing figures as
 * a dash). Figures are aligned to the right, words to the left.
 */
public record TableView(String title, List<Heading> headings, List<List<String>> rows) {

    public record Heading(String label, boolean numeric) {
    }

    public TableView {
        headings = List.copyOf(headings);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
