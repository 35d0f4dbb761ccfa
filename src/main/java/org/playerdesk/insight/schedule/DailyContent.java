package org.playerdesk.insight.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a daily report keeps: numbers and codes only (statuses, reasons), never words, so that it
 * reads in each reader's language when it is shown or sent. Times are seconds; a median of
 * nothing is null.
 *
 * @param backlog open tickets by status code at the end of the day
 * @param open the open tickets that need a look, oldest first, at most {@link DailyReports#OPEN_SHOWN}
 * @param moreOpen how many more there were
 */
record DailyContent(DayFigures figures, Map<String, Long> backlog, List<OpenItem> open, long moreOpen) {

    /** The day's figures of a game or a team (a team creates nothing: {@code created} is the game's only). */
    record DayFigures(long created, long replied, long firstResponded, long resolved, Long firstResponseMedian,
            Long firstResponseP90, Long resolutionMedian, Long resolutionP90, long slaMet, long slaBreached) {
    }

    /**
     * An open ticket to look at: {@code reason} is {@code breached} (a service-level target was
     * missed) or {@code old} (open for more than a week).
     */
    record OpenItem(UUID ticketId, long number, String status, Instant createdAt, String reason) {
    }
}
