package org.playerdesk.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Spread;
import org.playerdesk.insight.figures.Metric;
import org.springframework.stereotype.Service;

/**
 * Agents' key figures as other modules read them (the monthly review): the same figures as the
 * agents' KPI table ({@code /console/insight/agents}), of every agent at once. The caller decides
 * who may see them.
 */
@Service
public class AgentFigures {

    /**
     * An agent's figures of a period: tickets handled and resolved; first-contact resolution and
     * service-level compliance as shares between 0 and 1; the median first response in seconds;
     * null where there is nothing to measure.
     */
    public record Period(long handled, long resolved, Double firstContactResolution, Double slaCompliance,
            Long firstResponse) {

        public static final Period NONE = new Period(0, 0, null, null, null);
    }

    private final Figures figures;

    AgentFigures(Figures figures) {
        this.figures = figures;
    }

    /** By agent, their figures in these games over the days {@code from} to {@code to}, both included. */
    public Map<UUID, Period> of(Collection<UUID> games, LocalDate from, LocalDate to) {
        Map<UUID, Period> periods = new LinkedHashMap<>();
        figures.agents(games, from, to).forEach((agent, measured) -> {
            var totals = measured.totals();
            periods.put(agent, new Period(totals.total(Metric.HANDLED), totals.total(Metric.RESOLVED),
                    totals.share(Metric.FIRST_CONTACT_RESOLVED, Metric.RESOLVED), totals.slaCompliance(),
                    Spread.of(measured.firstResponse()).median()));
        });
        return periods;
    }
}
