package org.playerdesk.reliability;

import java.util.Map;

/**
 * What the database holds for the test's game, as the node reports it.
 *
 * @param tickets tickets of the game
 * @param duplicateSubjects subjects (unique per request in these tests) found on more than one ticket
 * @param withoutMessage tickets without the player's first message
 * @param withoutHistory tickets without a history entry
 * @param withoutPlayer tickets whose player is missing
 * @param idempotencyKeys stored Idempotency-Keys
 * @param incompletePublications event publications of the game not yet completed by their listener
 * @param countedCreated new tickets counted by the insight module, over all days
 */
record StoredState(long tickets, long duplicateSubjects, long withoutMessage, long withoutHistory, long withoutPlayer,
        long idempotencyKeys, long incompletePublications, long countedCreated) {

    static StoredState of(Map<String, Number> report) {
        return new StoredState(get(report, "tickets"), get(report, "duplicateSubjects"), get(report, "withoutMessage"),
                get(report, "withoutHistory"), get(report, "withoutPlayer"), get(report, "idempotencyKeys"),
                get(report, "incompletePublications"), get(report, "countedCreated"));
    }

    private static long get(Map<String, Number> report, String name) {
        return report.get(name).longValue();
    }

    /** Every ticket is whole: its player, its first message and its history are there. */
    boolean everyTicketComplete() {
        return withoutMessage == 0 && withoutHistory == 0 && withoutPlayer == 0;
    }
}
