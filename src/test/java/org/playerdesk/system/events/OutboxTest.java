package org.playerdesk.system.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events outbox on a database of its own (the embedded one, with the table's migration): what
 * a committed transaction published reaches every listener once, nothing else does, a failing
 * listener gets its event again alone, and a dead node's claimed rows come back after the lease.
 */
class OutboxTest {

    record Happened(UUID id, String what, Instant at) {
    }

    record Unheard(String what) {
    }

    /** Listens through the outbox; fails while told to. */
    static class Listeners {

        final List<Happened> counted = new CopyOnWriteArrayList<>();
        final List<Happened> mailed = new CopyOnWriteArrayList<>();
        final AtomicInteger mailFailures = new AtomicInteger();

        @OutboxListener
        void count(Happened happened) {
            counted.add(happened);
        }

        @OutboxListener(transactional = false)
        void mail(Happened happened) {
            if (mailFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("the mail server is away");
            }
            mailed.add(happened);
        }
    }

    final StoppedClock clock = new StoppedClock();
    GenericApplicationContext context;
    JdbcTemplate jdbc;
    TransactionTemplate transaction;
    EventOutbox outbox;
    OutboxFailures failures;
    OutboxDispatcher dispatcher;
    Listeners listeners;

    @BeforeEach
    void anOutboxOnADatabaseOfItsOwn() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/common/V256__event_outbox.sql"))
                .execute(database);
        jdbc = new JdbcTemplate(database);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
        transaction = new TransactionTemplate(transactions);
        context = new GenericApplicationContext();
        context.registerBean(Listeners.class);
        context.refresh();
        listeners = context.getBean(Listeners.class);
        outbox = new EventOutbox(context.getBeanFactory(), jdbc, JsonMapper.builder().build(), clock, transactions);
        outbox.afterSingletonsInstantiated();
        failures = new OutboxFailures(outbox, jdbc, transactions, clock, Duration.ofMinutes(1));
        dispatcher = new OutboxDispatcher(outbox, failures, jdbc, transactions, clock, new SimpleMeterRegistry(), 256, 2,
                Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    @AfterEach
    void stop() throws InterruptedException {
        dispatcher.destroy();
        context.close();
    }

    private void publish(Object event) {
        outbox.onApplicationEvent(new PayloadApplicationEvent<>(this, event));
    }

    private Happened happened(String what) {
        return new Happened(UUID.randomUUID(), what, clock.instant());
    }

    @Test
    void aCommittedTransactionsEventsAreWrittenOnceEachAndReachEveryListenerOnce() {
        Happened first = happened("first");
        Happened second = happened("second");
        transaction.executeWithoutResult(status -> {
            publish(first);
            publish(second);
            publish(new Unheard("nobody listens through the outbox"));
            assertThat(dispatcher.waiting()).as("written just before the commit, not before").isZero();
        });
        assertThat(jdbc.queryForList("select event_type from event_outbox", String.class))
                .containsExactly(Happened.class.getName(), Happened.class.getName());

        assertThat(dispatcher.deliverBatch()).isEqualTo(2);

        assertThat(listeners.counted).containsExactly(first, second);
        assertThat(listeners.mailed).containsExactly(first, second);
        assertThat(dispatcher.waiting()).as("the batch is deleted once delivered").isZero();
        assertThat(dispatcher.deliverBatch()).isZero();
        assertThat(listeners.counted).hasSize(2);
    }

    @Test
    void nothingIsDeliveredOfARolledBackTransactionOrOfAnEventPublishedOutsideOne() {
        transaction.executeWithoutResult(status -> {
            publish(happened("rolled back"));
            status.setRollbackOnly();
        });
        publish(happened("outside a transaction"));

        assertThat(dispatcher.waiting()).isZero();
        assertThat(dispatcher.deliverBatch()).isZero();
        assertThat(listeners.counted).isEmpty();
    }

    @Test
    void aFailingListenerGetsTheEventAgainAloneLaterWaitingLongerEachTime() {
        listeners.mailFailures.set(2);
        Happened event = happened("mail me");
        transaction.executeWithoutResult(status -> publish(event));

        dispatcher.deliverBatch();

        assertThat(listeners.counted).containsExactly(event);
        assertThat(listeners.mailed).isEmpty();
        assertThat(dispatcher.waiting()).as("the other listener's delivery is done: the row goes").isZero();
        assertThat(failures.waiting()).isEqualTo(1);
        assertThat(failures.retryDue()).as("not due before the retry interval").isZero();

        clock.shift(Duration.ofMinutes(1));
        assertThat(failures.retryDue()).isEqualTo(1);
        Map<String, Object> after = jdbc.queryForMap("select attempts, next_attempt_at, last_error from event_outbox_failure");
        assertThat(after.get("ATTEMPTS")).isEqualTo(2);
        assertThat(after.get("LAST_ERROR").toString()).contains("the mail server is away");
        clock.shift(Duration.ofMinutes(1));
        assertThat(failures.retryDue()).as("the second retry waits twice as long").isZero();

        clock.shift(Duration.ofMinutes(1));
        assertThat(failures.retryDue()).isEqualTo(1);
        assertThat(listeners.mailed).containsExactly(event);
        assertThat(listeners.counted).as("the listener that took it is not asked again").containsExactly(event);
        assertThat(failures.waiting()).isZero();
    }

    @Test
    void aBatchThatCouldNotBeFinishedIsGivenBackAtOnceNotAfterItsLease() {
        listeners.mailFailures.set(1);
        Happened event = happened("mail me once the failures table is back");
        transaction.executeWithoutResult(status -> publish(event));
        jdbc.execute("alter table event_outbox_failure rename to event_outbox_failure_away");

        assertThat(dispatcher.deliverBatch()).isEqualTo(1);
        assertThat(listeners.mailed).as("its failure could not be recorded").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from event_outbox where claimed_until is null", Integer.class))
                .as("the batch is given back, not held until its lease ends").isEqualTo(1);

        jdbc.execute("alter table event_outbox_failure_away rename to event_outbox_failure");
        // the clock has not moved: only a given-back batch can be taken again
        assertThat(dispatcher.deliverBatch()).isEqualTo(1);
        assertThat(listeners.mailed).containsExactly(event);
        assertThat(dispatcher.waiting()).isZero();
    }

    @Test
    void theRowsADeadNodeClaimedAreDeliveredOnceItsLeaseIsOver() {
        Happened event = happened("claimed by a node that died");
        transaction.executeWithoutResult(status -> publish(event));
        jdbc.update("update event_outbox set claimed_until = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(1))));

        assertThat(dispatcher.deliverBatch()).as("another node holds it").isZero();
        clock.shift(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(dispatcher.deliverBatch()).isEqualTo(1);

        assertThat(listeners.counted).containsExactly(event);
        assertThat(dispatcher.waiting()).isZero();
    }

    @Test
    void theRunningDispatcherIsWokenByTheCommit() {
        dispatcher.start();
        Happened event = happened("at once");
        transaction.executeWithoutResult(status -> publish(event));

        // the dispatcher looks every ten minutes on its own: only the commit's wake-up delivers this in time
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.counted.contains(event)
                && listeners.mailed.contains(event) && dispatcher.waiting() == 0);
    }
}
