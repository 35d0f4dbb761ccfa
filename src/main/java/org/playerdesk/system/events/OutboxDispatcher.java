package org.playerdesk.system.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.playerdesk.system.database.DatabaseUnavailable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes the outbox's rows in batches and hands their events to their listeners. One loop per
 * node claims up to {@code playerdesk.events.outbox.batch} rows (oldest first, rows other nodes
 * hold skipped) with a lease of {@code playerdesk.events.outbox.lease}, gives each listener its
 * events in chunks on {@code playerdesk.events.outbox.workers} threads, records each failure for
 * its listener alone, and deletes the batch in one statement. A node that dies leaves its claimed
 * rows to whichever node claims them once the lease is over, so every event is delivered at least
 * once. The loop is woken by every commit that wrote events on this node and otherwise looks every
 * {@code playerdesk.events.outbox.poll}, for the rows of other nodes and of earlier runs.
 */
@Component
class OutboxDispatcher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int CHUNK = 16;

    private final EventOutbox outbox;
    private final OutboxFailures failures;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batch;
    private final Duration lease;
    private final Duration poll;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread loop;
    private final ExecutorService workers;

    OutboxDispatcher(EventOutbox outbox, OutboxFailures failures, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock, MeterRegistry meters,
            @Value("${playerdesk.events.outbox.batch:256}") int batch,
            @Value("${playerdesk.events.outbox.workers:6}") int workers,
            @Value("${playerdesk.events.outbox.lease:1m}") Duration lease,
            @Value("${playerdesk.events.outbox.poll:2s}") Duration poll) {
        if (batch < 1 || workers < 1) {
            throw new IllegalArgumentException("playerdesk.events.outbox.batch and .workers must be at least 1");
        }
        this.outbox = outbox;
        this.failures = failures;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batch = batch;
        AtomicInteger numbered = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "outbox-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.lease = lease;
        this.poll = poll;
        outbox.afterCommit(this::wake);
        Gauge.builder("playerdesk.events.outbox.waiting", this, OutboxDispatcher::waitingQuietly)
                .description("Events in the outbox not delivered yet (all nodes)").register(meters);
    }

    /** Asks the loop to look at the outbox now. */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            Thread running = loop;
            if (running != null) {
                LockSupport.unpark(running);
            }
        }
    }

    /** Events in the outbox, delivered or not yet taken (every node's). */
    long waiting() {
        Long count = jdbc.queryForObject("select count(*) from event_outbox", Long.class);
        return count == null ? 0 : count;
    }

    private double waitingQuietly() {
        try {
            return waiting();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        loop = new Thread(this::run, "outbox");
        loop.setDaemon(true);
        loop.start();
    }

    /** Takes no new batch; the batch in hand is finished (its events delivered and deleted) for at most ten seconds. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        Thread stopping = loop;
        LockSupport.unpark(stopping);
        try {
            stopping.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() throws InterruptedException {
        stop();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void run() {
        while (running) {
            woken.set(false);
            int taken = 0;
            try {
                taken = deliverBatch();
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.causedBy(e)) {
                    log.error("Outbox events not delivered this time", e);
                } else {
                    log.warn("Outbox events not delivered yet, the database is unavailable: {}",
                            DatabaseUnavailable.rootMessage(e));
                }
            }
            if (taken < batch && running && !woken.get()) {
                LockSupport.parkNanos(this, poll.toNanos());
            }
        }
    }

    /**
     * Claims, delivers and deletes one batch; answers how many rows it took. When something fails
     * on the way (a connection the database closed, say), the batch's claim is given up at once
     * where the database still answers, so that its events come again at the next round rather
     * than after the lease.
     */
    int deliverBatch() {
        List<EventOutbox.Row> rows = claim();
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            deliverAndDelete(rows);
        } catch (RuntimeException e) {
            release(rows);
            throw e;
        }
        return rows.size();
    }

    private void deliverAndDelete(List<EventOutbox.Row> rows) {
        // per listener, its events in order; a row that cannot be read stays for an operator
        Map<EventOutbox.Listener, List<Delivery>> work = new LinkedHashMap<>();
        List<Long> done = new ArrayList<>(rows.size());
        for (EventOutbox.Row row : rows) {
            Object event = outbox.read(row.type(), row.payload()).orElse(null);
            if (event == null) {
                continue;
            }
            done.add(row.id());
            for (EventOutbox.Listener listener : outbox.listenersOf(event.getClass())) {
                work.computeIfAbsent(listener, l -> new ArrayList<>()).add(new Delivery(row, event));
            }
        }
        List<CompletableFuture<Boolean>> tasks = new ArrayList<>();
        work.forEach((listener, deliveries) -> {
            for (int from = 0; from < deliveries.size(); from += CHUNK) {
                List<Delivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + CHUNK));
                tasks.add(CompletableFuture.supplyAsync(() -> deliver(listener, chunk), workers));
            }
        });
        boolean recorded = true;
        for (CompletableFuture<Boolean> task : tasks) {
            recorded &= task.join();
        }
        if (recorded) {
            delete(done);
        } else {
            // a failure could not be recorded (the database went away): the batch comes again
            log.warn("Outbox batch of {} events given back: a failure could not be recorded", done.size());
            release(rows);
        }
    }

    /** Gives up the claim of rows not deleted; where the database does not answer, their lease does it in time. */
    private void release(List<EventOutbox.Row> rows) {
        try {
            jdbc.update("update event_outbox set claimed_until = null where id in ("
                    + ids(rows.stream().map(EventOutbox.Row::id).toList()) + ")");
        } catch (RuntimeException unavailable) {
            log.debug("Outbox claim left to its lease: {}", DatabaseUnavailable.rootMessage(unavailable));
        }
    }

    private record Delivery(EventOutbox.Row row, Object event) {
    }

    /** Hands each event to the listener; answers false when a failure could not even be recorded. */
    private boolean deliver(EventOutbox.Listener listener, List<Delivery> deliveries) {
        boolean recorded = true;
        for (Delivery delivery : deliveries) {
            try {
                outbox.call(listener, delivery.event());
            } catch (RuntimeException e) {
                recorded &= failures.record(listener, delivery.row(), e);
            }
        }
        return recorded;
    }

    private List<EventOutbox.Row> claim() {
        Instant now = clock.instant();
        return transaction.execute(status -> {
            List<EventOutbox.Row> rows = jdbc.query("select id, event_type, payload, published_at from event_outbox "
                    + "where claimed_until is null or claimed_until < ? order by id fetch first " + batch
                    + " rows only for update skip locked",
                    (rs, n) -> new EventOutbox.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)),
                    Timestamp.from(now));
            if (!rows.isEmpty()) {
                jdbc.update("update event_outbox set claimed_until = ? where id in (" + ids(rows.stream()
                        .map(EventOutbox.Row::id).toList()) + ")", Timestamp.from(now.plus(lease)));
            }
            return rows;
        });
    }

    private void delete(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("delete from event_outbox where id in (" + ids(ids) + ")");
        }
    }

    /** The ids as a literal list: numbers read from the table, never text from outside. */
    private static String ids(List<Long> ids) {
        StringBuilder list = new StringBuilder(ids.size() * 8);
        for (Long id : ids) {
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append(id.longValue());
        }
        return list.toString();
    }
}
