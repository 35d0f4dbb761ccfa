package org.playerdesk.insight.web;

import java.util.Locale;
import java.util.Optional;

import org.playerdesk.insight.report.ReportSource;

/**
 * One part of the insight dashboard ({@code /console/insight}): headline figures, a trend, a
 * breakdown… Each is a bean of its own, so a report is added by adding one class and one
 * template fragment, without touching the dashboard. The dashboard asks every section for its
 * figures for the reader, their chosen games and period, and shows those that answer, by
 * {@link #region()} and then {@link #order()}.
 */
public interface InsightSection {

    /** Where on the dashboard the section goes. */
    Region region();

    /** Within its region, lower first. */
    int order();

    /**
     * The Thymeleaf template whose fragment {@code section(data)} shows the section, such as
     * {@code insight/sections/trend}.
     */
    String template();

    /**
     * The name of the {@link org.playerdesk.insight.report.ReportSource} holding the same figures,
     * for the section's export links: the section's own name when it is that report too; empty when
     * there is nothing to export.
     */
    default Optional<String> report() {
        return this instanceof ReportSource source ? Optional.of(source.name())
                : Optional.empty();
    }

    /**
     * The section's figures for this scope, in the reader's language; empty when the section has
     * nothing to show this reader (an agent, for a section for leads).
     */
    Optional<Object> data(InsightScope scope, Locale locale);

    /** The dashboard's regions, in the order they are shown. */
    enum Region {
        HEADLINE, TRENDS, BREAKDOWNS, HEATMAP, TOP_ISSUES, SLA, BACKLOG, TRANSFERS;

        /** The message key of the region's heading. */
        public String titleKey() {
            return "insight.region." + name().toLowerCase(Locale.ROOT);
        }
    }
}
