package org.playerdesk.system.retry;

import org.playerdesk.system.errors.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
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
    void givesUpAfterThreeAttemptsWithTheConflict() {
        assertThatThrownBy(() -> retry.run(() -> {
            transactions.add("attempt");
            throw new DataIntegrityViolationException("duplicate key");
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(transactions).hasSize(3);
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
    void aRefusalIsNotTriedAgain() {
        assertThatThrownBy(() -> retry.run(() -> {
            transactions.add("attempt");
            throw new RuleViolation("ticket.closed", "the ticket is closed");
        })).isInstanceOf(RuleViolation.class);

        assertThat(transactions).hasSize(1);
    }
}
