package org.playerdesk.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.Series;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The trend of tickets created, agent replies and resolutions (an agent: their own replies, first
 * responses and resolutions), this period's lines against the previous period's (dashed), day by
 * day on each game's local days; over {@value #DAILY_UP_TO} days, week by week (seven days from the
 * period's first). A single day is shown with the six days before it, as a line of one point says
 * nothing; days still to come have no figure. Report {@code trend}: the chart's table.
 */
@Component
class VolumeTrend implements InsightSection, ReportSource {

    /** The fewest days a trend shows. */
    static final int AT_LEAST = 7;
    /** Up to this many days a point is a day; above, a week. */
    static final int DAILY_UP_TO = 31;

    static final List<Metric> LEAD = List.of(Metric.CREATED, Metric.AGENT_REPLIES, Metric.RESOLVED);
    static final List<Metric> AGENT = List.of(Metric.AGENT_REPLIES, Metric.FIRST_RESPONDED, Metric.RESOLVED);

    private final Figures figures;
    private final Charts charts;
    private final GameCatalog games;
    private final Clock clock;

    VolumeTrend(Figures figures, Charts charts, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.charts = charts;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.TRENDS;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/trend";
    }

    @Override
    public String name() {
        return "trend";
    }

    @Override
    public String titleKey() {
        return "insight.trend.title";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        return Optional.of(charts.view(chart(Asked.of(scope), locale), locale));
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        return chart(Asked.of(request, games, clock), locale).table();
    }

    /** A point of the trend: a day, or seven days (fewer at the period's end). */
    record Point(LocalDate from, LocalDate to) {
    }

    Chart chart(Asked asked, Locale locale) {
        Period period = asked.period();
        Period shown = period.days() >= AT_LEAST ? period
                : new Period(Period.Kind.CUSTOM, period.to().minusDays(AT_LEAST - 1), period.to());
        Period previous = shown.kind() == Period.Kind.MONTH ? shown.previous()
                : new Period(Period.Kind.CUSTOM, shown.from().minusDays(shown.days()), shown.from().minusDays(1));
        boolean weekly = shown.days() > DAILY_UP_TO;
        Dimension dimension = asked.lead() ? Dimension.ALL : Dimension.AGENT;
        String value = asked.lead() ? null : asked.agent();
        List<Metric> metrics = asked.lead() ? LEAD : AGENT;
        Map<LocalDate, Totals> days = figures.daily(asked.games(), previous.from(), shown.to(), dimension, value,
                metrics);
        List<Point> points = points(shown, weekly);
        List<Point> before = aligned(points(previous, weekly), points.size());

        List<Series> series = new ArrayList<>();
        for (Metric metric : metrics) {
            series.add(Series.of(metricName(metric, locale), values(days, points, metric, asked.today())));
        }
        for (Metric metric : metrics) {
            series.add(Series.previous(charts.text("insight.trend.previousSeries", locale, metricName(metric, locale)),
                    values(days, before, metric, asked.today())));
        }
        String title = charts.text(weekly ? "insight.trend.weeklyTitle" : "insight.trend.title", locale);
        String axis = charts.text(weekly ? "insight.axis.week" : "insight.axis.day", locale);
        Chart chart = Chart.line("volume-trend", title, axis, charts.text("insight.axis.tickets", locale),
                points.stream().map(p -> label(p, locale)).toList(), series);
        return chart.withTable(table(chart, points, before, weekly, locale));
    }

    private String metricName(Metric metric, Locale locale) {
        return charts.text("insight.metric." + metric.name(), locale);
    }

    static List<Point> points(Period period, boolean weekly) {
        List<Point> points = new ArrayList<>();
        int step = weekly ? 7 : 1;
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(step)) {
            LocalDate end = day.plusDays(step - 1);
            points.add(new Point(day, end.isAfter(period.to()) ? period.to() : end));
        }
        return points;
    }

    String label(Point point, Locale locale) {
        return point.from().equals(point.to()) ? charts.day(point.from(), locale)
                : charts.text("insight.trend.week", locale, charts.day(point.from(), locale),
                        charts.day(point.to(), locale));
    }

    /** The previous period's points, one per point shown (none past its end: a shorter month). */
    private static List<Point> aligned(List<Point> before, int size) {
        List<Point> aligned = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            aligned.add(i < before.size() ? before.get(i) : null);
        }
        return aligned;
    }

    private static List<Long> values(Map<LocalDate, Totals> days, List<Point> points, Metric metric, LocalDate today) {
        List<Long> values = new ArrayList<>();
        for (Point point : points) {
            if (point == null || point.from().isAfter(today)) {
                values.add(null);
                continue;
            }
            long sum = 0;
            for (LocalDate day = point.from(); !day.isAfter(point.to()) && !day.isAfter(today); day = day.plusDays(1)) {
                Totals totals = days.get(day);
                sum += totals == null ? 0 : totals.total(metric);
            }
            values.add(sum);
        }
        return values;
    }

    /**
     * The chart's figures with each row's two points named: this period's day (or week) and the
     * previous period's it is compared with.
     */
    private Table table(Chart chart, List<Point> points, List<Point> before, boolean weekly, Locale locale) {
        List<Column> columns = new ArrayList<>();
        Column.Kind kind = weekly ? Column.Kind.TEXT : Column.Kind.DATE;
        columns.add(new Column(charts.text(weekly ? "insight.axis.week" : "insight.axis.day", locale), kind));
        int half = chart.series().size() / 2;
        for (int s = 0; s < half; s++) {
            columns.add(Column.count(chart.series().get(s).name()));
        }
        columns.add(new Column(charts.text(weekly ? "insight.trend.previousWeek" : "insight.trend.previousDay", locale),
                kind));
        for (int s = half; s < chart.series().size(); s++) {
            columns.add(Column.count(chart.series().get(s).name()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(cell(points.get(i), weekly, locale));
            for (int s = 0; s < half; s++) {
                row.add(chart.series().get(s).values().get(i));
            }
            row.add(cell(before.get(i), weekly, locale));
            for (int s = half; s < chart.series().size(); s++) {
                row.add(chart.series().get(s).values().get(i));
            }
            rows.add(row);
        }
        return new Table(chart.title(), columns, rows);
    }

    private Object cell(Point point, boolean weekly, Locale locale) {
        if (point == null) {
            return null;
        }
        return weekly ? charts.text("insight.trend.week", locale, point.from().toString(), point.to().toString())
                : point.from();
    }
}
