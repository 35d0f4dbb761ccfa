package org.playerdesk.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** An outage is told apart from a conflict with a concurrent writer: 503 for one, 409 for the other. */
class DatabaseUnavailableTest {

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutage() {
        var poolTimedOut = new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms"));
        var serverStopping = new DataAccessResourceFailureException("stopping",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DatabaseUnavailable.causedBy(poolTimedOut)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(serverStopping)).isTrue();
        assertThat(DatabaseUnavailable.conflict(poolTimedOut)).isFalse();
    }

    @Test
    void aConcurrentChangeIsAConflictNotAnOutage() {
        var changed = new ObjectOptimisticLockingFailureException("Ticket", "some id");
        var deadlock = new CannotAcquireLockException("deadlock",
                new SQLException("deadlock detected", "40P01"));
        var lockWaitedTooLong = new RuntimeException("wrapped", new PessimisticLockingFailureException("lock timeout"));

        for (RuntimeException conflict : new RuntimeException[] { changed, deadlock, lockWaitedTooLong }) {
            assertThat(DatabaseUnavailable.conflict(conflict)).as(conflict.getMessage()).isTrue();
            assertThat(DatabaseUnavailable.causedBy(conflict)).as(conflict.getMessage()).isFalse();
        }
    }

    @Test
    void aBugIsNeither() {
        var bug = new IllegalStateException("no such column");

        assertThat(DatabaseUnavailable.causedBy(bug)).isFalse();
        assertThat(DatabaseUnavailable.conflict(bug)).isFalse();
    }
}
