package org.playerdesk.system.retry;

import org.playerdesk.system.errors.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.QueryTimeoutException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** On a real (in-memory) database: each attempt in a transaction of its own, again after a conflict. */
class ConflictRetryTest {

    final ConflictRetry retry = new ConflictRetry(
            new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:conflict-retry")));
    final List<String> transactions = new ArrayList<>();

    @Test
    void runsTheWorkAgainInAFreshTransactionAfterAConflict() {
        retry.run(() -> {
            transactions.add(TransactionSynchronizationManager.getCurrentTransactionName() + "#"
                    + TransactionSynchronizationManager.isActualTransactionActive());
            if (transactions.size() < ConflictRetry.ATTEMPTS) {
                throw new OptimisticLockingFailureException("changed meanwhile");
            }
        });

        assertThat(transactions).hasSize(ConflictRetry.ATTEMPTS).allMatch(t -> t.endsWith("#true"));
    }

    @Test
    void givesUpAfterFiveAttemptsWithTheConflict() {
        assertThatThrownBy(() -> retry.run(() -> {
            transactions.add("attempt");
            throw new DataIntegrityViolationException("duplicate key");
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(transactions).hasSize(5);
    }

    @Test
    void anActionWithAResultIsTriedAgainAfterTwoTransactionsWaitedForEachOther() {
        String answer = retry.call(() -> {
            transactions.add("attempt");
            if (transactions.size() == 1) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "accepted on attempt " + transactions.size();
        });

        assertThat(answer).isEqualTo("accepted on attempt 2");
    }

    @Test
    void twoFirstWritersOfOneRowOnH2AreAConflictTriedAgainNotAFailure() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:conflict-retry-h2;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        ConflictRetry onH2 = new ConflictRetry(new DataSourceTransactionManager(database));
        jdbc.execute("create table setup_once (id int primary key)");
        try (Connection first = database.getConnection()) {
            // the other writer's insert of the row is not committed yet when this one tries the same
            first.setAutoCommit(false);
            first.createStatement().executeUpdate("insert into setup_once (id) values (1)");
            onH2.run(() -> {
                transactions.add("attempt");
                if (transactions.size() == 2) {
                    try {
                        first.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                jdbc.update("merge into setup_once (id) key (id) values (1)");
            });
        }

        // H2 says "concurrent update" (90131) at once: a conflict, run again once the other committed
        assertThat(transactions).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from setup_once", Integer.class)).isEqualTo(1);
    }

    @Test
    void hibernatesOwnStaleRowAndTakenKeyAreConflictsTooWhenNothingTranslatedThem() {
        // a query that writes the pending changes first, in a service that is no repository, lets
        // Hibernate's exceptions through as they are
        retry.run(() -> {
            transactions.add("attempt");
            if (transactions.size() == 1) {
                throw new StaleObjectStateException("org.playerdesk.ticket.internal.Ticket", 42);
            }
            if (transactions.size() == 2) {
                throw new ConstraintViolationException("duplicate key", new SQLException("duplicate key", "23505"),
                        "sla_timer_by_ticket");
            }
        });

        assertThat(transactions).hasSize(3);
    }

    @Test
    void anotherOfHibernatesFailuresIsNotTriedAgainAndReachesTheCallerAsItWas() {
        QueryTimeoutException slow = new QueryTimeoutException("statement timeout",
                new SQLException("timeout", "57014"), "select 1");

        assertThatThrownBy(() -> retry.run(() -> {
            transactions.add("attempt");
            throw slow;
        })).isSameAs(slow);

        assertThat(transactions).hasSize(1);
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        assertThatThrownBy(() -> retry.run(() -> {
            transactions.add("attempt");
            throw new RuleViolation("ticket.closed", "the ticket is closed");
        })).isInstanceOf(RuleViolation.class);

        assertThat(transactions).hasSize(1);
    }
}
