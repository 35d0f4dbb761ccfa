package org.playerdesk.workforce.internal.roster;

import java.util.List;
import java.util.Map;

import org.springframework.web.util.HtmlUtils;

/**
 * The cells of a roster row as HTML, written here rather than by the template: a board of 200
 * agents over four weeks has 5,600 cells, and a handful of template processors per cell cost more
 * than everything else on the page. Every text and attribute value is escaped here, as the
 * template would escape it.
 */
final class RosterCells {

    private RosterCells() {
    }

    /**
     * The row's {@code <td>} elements: the shift names (or the word for a rostered day off), the
     * marks as badges ({@code data-mark}), each cell with {@code data-testid="roster-cell"},
     * {@code data-date} and {@code data-shifts}.
     */
    static String html(List<RosterBoard.Cell> cells, Map<String, String> words, Map<String, String> classes) {
        StringBuilder html = new StringBuilder(cells.size() * 96);
        for (RosterBoard.Cell cell : cells) {
            html.append("<td data-testid=\"roster-cell\"");
            if (!cell.css().isEmpty()) {
                html.append(" class=\"").append(escape(cell.css())).append('"');
            }
            html.append(" data-date=\"").append(cell.date()).append("\" data-shifts=\"")
                    .append(escape(cell.shiftText())).append("\">");
            boolean restDay = cell.off() && cell.rostered() && cell.marks().isEmpty();
            html.append(escape(restDay ? words.get("off") : cell.shiftText()));
            if (!cell.marks().isEmpty()) {
                html.append(' ');
                for (String mark : cell.marks()) {
                    html.append("<span class=\"badge ").append(escape(classes.get(mark))).append("\" data-mark=\"")
                            .append(escape(mark)).append("\">").append(escape(words.get(mark))).append("</span>");
                }
            }
            html.append("</td>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
