package org.playerdesk.system.database;


import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.slf4j.Logger;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because the database could not be reached (down, restarting, every
 * connection busy for longer than the pool's connection timeout). Nothing was stored, or the
 * outcome of a commit is unknown; either way the caller may send the same request again later
 * (with the same Idempotency-Key for a new ticket), so the answer is 503 with Retry-After, never
 * 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or any of its causes, means the database could not be used just now. */
    public static boolean causedBy(Throwable failure) {
        if (conflict(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (lostConnection(sql.getSQLState()) || evicted(sql))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether the failure, or any of its causes, is a conflict with a concurrent writer: the
     * record changed since it was read, a lock waited for too long, two transactions waited for
     * each other. The database works; the request may be sent again on the fresh state, and the
     * answer is 409 "changed meanwhile", not 503. (Spring counts these as transient data access
     * failures, like an outage.)
     */
    public static boolean conflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01 to 57P03 are PostgreSQL's "terminating
     * connection due to administrator command", "crash shutdown" and "cannot connect now" (the
     * server is starting or stopping).
     */
    private static boolean lostConnection(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /**
     * HikariCP's answer, without an SQLSTATE, for a connection it has already closed because the
     * database ended it. It is what the rollback after a lost connection meets, and Spring then
     * reports the failed rollback instead of the original failure.
     */
    private static boolean evicted(SQLException e) {
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
    }

    /**
     * Runs a scheduled task; when the database is unavailable the task is left for its next turn
     * with one warning ("{@code notDone}, the database is unavailable: ..."), and so it is when a
     * concurrent change won (another node's sweep took the same rows); any other failure is thrown.
     */
    public static void tolerate(Logger log, String notDone, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (conflict(e)) {
                log.info("{}, a concurrent change won: {}", notDone, rootMessage(e));
                return;
            }
            if (!causedBy(e)) {
                throw e;
            }
            log.warn("{}, the database is unavailable: {}", notDone, rootMessage(e));
        }
    }

    /** The innermost cause's message, for one line in the log instead of a stack trace per request. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The 503 answer's problem type, title and detail (a message key; its argument is the seconds to wait). */
    public static final String TYPE = "unavailable";
    public static final String TITLE = "Service unavailable";
    public static final String DETAIL = "problem.unavailable";

    /** The 409 answer's problem type (also its {@code code}), title and detail for a conflict. */
    public static final String CONFLICT_TYPE = "changed-meanwhile";
    public static final String CONFLICT_TITLE = "Changed meanwhile";
    public static final String CONFLICT_DETAIL = "problem.changedMeanwhile";

    /** The value of the Retry-After header: whole seconds, at least one. */
    public static String retryAfterHeader(Duration retryAfter) {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}
