package org.playerdesk.insight.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;

/**
 * One export of raw tickets as stored: who asked (and in which language the file is worded), the
 * filter (games, the days the tickets were created, optionally statuses, type and channel, and
 * whether personal data is written unmasked), how far it has come and the file it wrote.
 */
record ExportJob(UUID id, UUID ownerId, String ownerName, Locale locale, List<UUID> games, LocalDate from,
        LocalDate to, Set<TicketStatus> statuses, TicketType type, TicketChannel channel, boolean personalData,
        State state, long rowsDone, Long totalRows, String fileKey, Long fileSize, Instant createdAt,
        Instant finishedAt, String errorKey) {

    enum State {
        /** Waiting for a node to take it. */
        QUEUED,
        /** Being written by the node holding it (or by none, when its lease ran out: then it is taken again). */
        RUNNING,
        /** Written whole; the file can be downloaded until the retention sweep removes it. */
        DONE,
        /** Stopped by an error; {@code errorKey} says which, in words for the reader. */
        FAILED
    }

    boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** The file's name when downloaded: {@code tickets-<from>-<to>.csv}. */
    String fileName() {
        return "tickets-" + from + "-" + to + ".csv";
    }
}
