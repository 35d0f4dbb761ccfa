package org.playerdesk.insight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.insight.DailyVolume;
import org.playerdesk.insight.DailyVolume.Metric;
import org.springframework.stereotype.Component;

/**
 * The dashboard's first cards: new tickets, agents' replies and resolutions in the period, each
 * beside the previous period's figure. For leads; an agent's own figures come with the figures
 * engine.
 */
@Component
class HeadlineFigures implements InsightSection {

    /** The counts shown as cards, in this order. */
    static final List<Metric> SHOWN = List.of(Metric.CREATED, Metric.AGENT_REPLIES, Metric.RESOLVED);

    private final DailyVolume volume;

    HeadlineFigures(DailyVolume volume) {
        this.volume = volume;
    }

    /**
     * One card: what is counted (a message key), the period's figure, the previous period's and
     * the change in percent (null when the previous period had none).
     */
    record Card(String name, String labelKey, long value, long previous, Long change) {

        static Card of(Metric metric, long value, long previous) {
            Long change = previous == 0 ? null : Math.round((value - previous) * 100.0 / previous);
            return new Card(metric.name().toLowerCase(Locale.ROOT).replace('_', '-'), "insight.metric." + metric.name(),
                    value, previous, change);
        }
    }

    @Override
    public Region region() {
        return Region.HEADLINE;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/headline";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        Period period = scope.period();
        Period previous = period.previous();
        Map<LocalDate, Map<Metric, Long>> days = volume.daily(scope.gameIds(), previous.from(), period.to());
        return Optional.of(SHOWN.stream()
                .map(metric -> Card.of(metric, total(days, period, metric), total(days, previous, metric))).toList());
    }

    static long total(Map<LocalDate, Map<Metric, Long>> days, Period period, Metric metric) {
        return days.entrySet().stream().filter(day -> period.holds(day.getKey()))
                .mapToLong(day -> day.getValue().getOrDefault(metric, 0L)).sum();
    }
}
