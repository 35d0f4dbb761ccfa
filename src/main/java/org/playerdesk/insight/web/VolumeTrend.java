package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.insight.DailyVolume;
import org.playerdesk.insight.DailyVolume.Metric;
import org.playerdesk.insight.chart.Chart;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.Series;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The daily trend of new tickets, agents' replies and resolutions, this period's lines against
 * the previous period's (dashed), day by day. A single day is shown with the six days before it,
 * as a line of one point says nothing; days still to come have no figure.
 */
@Component
class VolumeTrend implements InsightSection {

    /** The fewest days a trend shows. */
    static final int AT_LEAST = 7;

    private final DailyVolume volume;
    private final Charts charts;

    VolumeTrend(DailyVolume volume, Charts charts) {
        this.volume = volume;
        this.charts = charts;
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
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        return Optional.of(charts.view(chart(scope, locale), locale));
    }

    Chart chart(InsightScope scope, Locale locale) {
        Period period = scope.period();
        Period shown = period.days() >= AT_LEAST ? period
                : new Period(Period.Kind.CUSTOM, period.to().minusDays(AT_LEAST - 1), period.to());
        Period previous = shown.kind() == Period.Kind.MONTH ? shown.previous()
                : new Period(Period.Kind.CUSTOM, shown.from().minusDays(shown.days()), shown.from().minusDays(1));
        Map<LocalDate, Map<Metric, Long>> days = volume.daily(scope.gameIds(), previous.from(), shown.to());
        List<LocalDate> dates = shown.dates();
        List<LocalDate> before = previous.dates();

        List<Series> series = new ArrayList<>();
        for (Metric metric : HeadlineFigures.SHOWN) {
            series.add(Series.of(charts.text("insight.metric." + metric.name(), locale),
                    values(days, dates, metric, scope.today())));
        }
        for (Metric metric : HeadlineFigures.SHOWN) {
            series.add(Series.previous(charts.text("insight.trend.previousSeries", locale,
                    charts.text("insight.metric." + metric.name(), locale)), values(days, aligned(before, dates.size()),
                    metric, scope.today())));
        }
        String title = charts.text("insight.trend.title", locale);
        String dayAxis = charts.text("insight.axis.day", locale);
        Chart chart = Chart.line("volume-trend", title, dayAxis, charts.text("insight.axis.tickets", locale),
                dates.stream().map(d -> charts.day(d, locale)).toList(), series);
        return chart.withTable(table(chart, dates, aligned(before, dates.size()), locale));
    }

    /** The previous period's days, one per day shown (none past its end: a shorter month). */
    private static List<LocalDate> aligned(List<LocalDate> before, int size) {
        List<LocalDate> aligned = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            aligned.add(i < before.size() ? before.get(i) : null);
        }
        return aligned;
    }

    private static List<Long> values(Map<LocalDate, Map<Metric, Long>> days, List<LocalDate> dates, Metric metric,
            LocalDate today) {
        List<Long> values = new ArrayList<>();
        for (LocalDate day : dates) {
            values.add(day == null || day.isAfter(today) ? null
                    : days.getOrDefault(day, Map.of()).getOrDefault(metric, 0L));
        }
        return values;
    }

    /**
     * The chart's figures with each row's two days named: this period's day and the previous
     * period's day it is compared with.
     */
    private Table table(Chart chart, List<LocalDate> dates, List<LocalDate> before, Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(charts.text("insight.axis.day", locale), Column.Kind.DATE));
        int half = chart.series().size() / 2;
        for (int s = 0; s < half; s++) {
            columns.add(Column.count(chart.series().get(s).name()));
        }
        columns.add(new Column(charts.text("insight.trend.previousDay", locale), Column.Kind.DATE));
        for (int s = half; s < chart.series().size(); s++) {
            columns.add(Column.count(chart.series().get(s).name()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(dates.get(i));
            for (int s = 0; s < half; s++) {
                row.add(chart.series().get(s).values().get(i));
            }
            row.add(before.get(i));
            for (int s = half; s < chart.series().size(); s++) {
                row.add(chart.series().get(s).values().get(i));
            }
            rows.add(row);
        }
        return new Table(chart.title(), columns, rows);
    }
}
