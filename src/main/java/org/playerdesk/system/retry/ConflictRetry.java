package org.playerdesk.system.retry;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.PersistenceException;

/**
 * Runs a listener's work in a transaction of its own and, when a concurrent writer got there
 * first (an agent changed the same ticket, two events of one ticket arrived together, the two
 * waited for each other's locks), again on the fresh state, up to five times in all, pausing a
 * little longer each time ({@link #PAUSE}, twice it, ...: at most a tenth of a second in all),
 * rather than leaving the event for the minute-long retry. Tried again at once, three attempts
 * were not always enough: in a burst of events of one ticket on a loaded machine, a service-level
 * listener lost all three to the other events' listeners of the same ticket.
 * <p>
 * A conflict is recognised however it arrives: Hibernate's own exceptions (a stale row or a taken
 * key found when a query writes the pending changes first, in a service that is no repository, so
 * nothing translated them) are read as Spring's before the decision, the way the transaction
 * manager reads them at commit.
 */
@Component
public class ConflictRetry {

    static final int ATTEMPTS = 5;
    static final Duration PAUSE = Duration.ofMillis(10);

    private static final HibernateJpaDialect HIBERNATE = new HibernateJpaDialect();
    /** What a concurrent writer getting there first looks like: tried again. */
    @SuppressWarnings("unchecked")
    private static final Class<? extends DataAccessException>[] CONFLICTS = new Class[] {
            OptimisticLockingFailureException.class, PessimisticLockingFailureException.class,
            DataIntegrityViolationException.class };

    private final TransactionTemplate transactions;
    private final RetryTemplate retry = Retries.pausingLonger(ATTEMPTS, PAUSE, CONFLICTS);

    ConflictRetry(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(Runnable work) {
        retry.invoke(() -> transactions.executeWithoutResult(status -> translated(() -> {
            work.run();
            return null;
        })));
    }

    /**
     * The same for a person's action that answers with a result (an agent taking a live chat
     * while a listener updates its ticket): tried again on the fresh state, and when the conflict
     * outlasts the attempts, it reaches the caller, who answers "changed meanwhile".
     */
    public <T> T call(Supplier<T> work) {
        return retry.invoke(() -> transactions.execute(status -> translated(work)));
    }

    /**
     * Tried again on a conflict, like {@link #call}, for work that writes in transactions of its
     * own (a group commit's): no transaction is opened here.
     */
    public <T> T retrying(Supplier<T> work) {
        return retry.invoke(() -> translated(work));
    }

    /** The work's result; a Hibernate conflict as Spring's conflict, any other failure as it was. */
    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException failure) {
            DataAccessException translated = HIBERNATE.translateExceptionIfPossible(failure);
            boolean conflict = translated != null && Arrays.stream(CONFLICTS).anyMatch(c -> c.isInstance(translated));
            throw conflict ? translated : failure;
        }
    }
}
