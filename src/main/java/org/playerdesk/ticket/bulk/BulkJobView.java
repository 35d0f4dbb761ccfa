package org.playerdesk.ticket.bulk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk job as its page shows it: what was asked ({@code action}, the choice by its message key
 * or its label), by whom, how many of its {@code total} tickets are done or failed so far, and the
 * first failures with their reasons; {@code finishedAt} is null while it runs.
 */
public record BulkJobView(UUID id, UUID actorId, String actorName, String action, String choiceLabel,
        String choiceKey, int total, long done, long failed, Instant createdAt, Instant finishedAt,
        List<Failure> failures) {

    public boolean finished() {
        return finishedAt != null;
    }

    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, (done + failed) * 100 / total);
    }

    /** A ticket the action could not be applied to, and why: a message key and its arguments. */
    public record Failure(UUID ticketId, long ticketNumber, String reasonKey, List<Object> arguments) {
    }
}
