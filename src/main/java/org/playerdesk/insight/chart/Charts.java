package org.playerdesk.insight.chart;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Puts charts into words and onto pages: the labels every chart shares (days, weekdays, hours) in
 * the reader's language, from the message bundles; a chart as the JSON of its {@code data-chart}
 * attribute; a {@link Table} as the cells a page shows, each figure written the reader's way.
 */
@Component
public class Charts {

    private final MessageSource messages;
    private final JsonMapper json;

    Charts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A message of the bundles in the reader's language. */
    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** A day as a chart's axis shows it: "Dec 3" or "12月3日". */
    public String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofPattern(text("insight.chart.dayPattern", locale), locale).format(day);
    }

    /** A day in full, as a table shows it: "2026-12-03 Thu" or "2026-12-03 周四". */
    public String date(LocalDate day, Locale locale) {
        return day + " " + weekday(day.getDayOfWeek(), locale);
    }

    /** A weekday's short name: "Mon" or "周一". */
    public String weekday(DayOfWeek day, Locale locale) {
        return text("insight.weekday." + day.name(), locale);
    }

    /** The weekdays from Monday to Sunday, as a heat map's rows. */
    public List<String> weekdays(Locale locale) {
        return Stream.of(DayOfWeek.values()).map(d -> weekday(d, locale)).toList();
    }

    /** The hours of a day, 0 to 23, as a heat map's columns: "0:00" or "0时". */
    public List<String> hours(Locale locale) {
        return IntStream.range(0, 24).mapToObj(h -> text("insight.chart.hour", locale, String.valueOf(h))).toList();
    }

    /** The chart as its page's {@code data-chart} attribute holds it (the page escapes it). */
    public String json(Chart chart) {
        return json.writeValueAsString(chart);
    }

    /** A chart ready for its page: its JSON and its table's cells. */
    public ChartView view(Chart chart, Locale locale) {
        return new ChartView(chart.name(), chart.title(), chart.kind().code(), json(chart), table(chart.table(), locale));
    }

    /** A table's cells as a page shows them, every figure written the reader's way. */
    public TableView table(Table table, Locale locale) {
        List<TableView.Heading> headings = table.columns().stream()
                .map(c -> new TableView.Heading(c.label(), c.kind() != Column.Kind.TEXT && c.kind() != Column.Kind.DATE))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(table.columns().get(i).kind(), row.get(i), locale));
            }
            rows.add(cells);
        }
        return new TableView(table.title(), headings, rows);
    }

    /** One figure written the reader's way; a figure that is missing is a dash. */
    public String cell(Column.Kind kind, Object value, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case TEXT -> value.toString();
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            case DECIMAL -> {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMaximumFractionDigits(2);
                yield format.format(((Number) value).doubleValue());
            }
            case PERCENT -> {
                NumberFormat format = NumberFormat.getPercentInstance(locale);
                format.setMaximumFractionDigits(1);
                yield format.format(((Number) value).doubleValue());
            }
            case DURATION -> {
                long seconds = ((Number) value).longValue();
                long hours = seconds / 3600;
                long minutes = (seconds % 3600 + 59) / 60;
                if (minutes == 60) {
                    hours++;
                    minutes = 0;
                }
                yield hours == 0 ? text("insight.duration.minutes", locale, String.valueOf(minutes))
                        : text("insight.duration.hours", locale, String.valueOf(hours), String.valueOf(minutes));
            }
            case DATE -> value instanceof LocalDate day ? date(day, locale) : value.toString();
        };
    }
}
