package org.playerdesk.insight.report;

import java.util.Locale;

/**
 * A report that can be shown, exported (CSV, Excel) and subscribed to by its {@link #name()}:
 * each part of the insight pages is one bean of this kind, so that the export and the scheduled
 * emails find every report without knowing them.
 */
public interface ReportSource {

    /** The report's name in addresses and subscriptions, such as {@code volume} or {@code agents}. */
    String name();

    /** The message key of the report's title. */
    String titleKey();

    /** The report's figures for one request, worded in {@code locale}. */
    Table table(ReportRequest request, Locale locale);
}
