package org.playerdesk.system.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Many callers' writes in one transaction: each caller hands over a unit of work and waits; a
 * writer takes every unit waiting (up to {@code maxGroup}), runs them one after the other in one
 * transaction and commits once, and only then answers each caller with its unit's result. When
 * nothing else waits, a unit is a group of one, so a quiet node answers as fast as before; under
 * load one commit (one flush of the database's log) serves a whole group.
 *
 * <p>A unit must be a write that can be run again: when one unit of a group fails (its input
 * refused, a unique key taken by a concurrent request), the group's transaction is rolled back
 * and each of its units is run again alone, in a transaction of its own, so that the failing unit
 * fails for its own caller only and the others are stored. A caller is never answered before its
 * unit is committed; nothing of a failed unit is stored. When the group failed because the
 * database could not be used ({@link DatabaseUnavailable}: no connection within the pool's wait, a
 * connection lost), every unit of it fails at once with that failure: alone, each would wait for
 * the database again, one after the other, and the last caller would be answered only after as
 * many waits as the group had units (and a commit whose outcome the lost connection hid is not
 * run again as if it had not happened).
 *
 * <p>The unit runs on a writer thread with the caller's request attributes and locale. With JPA,
 * what a unit wrote is flushed and the persistence context cleared before the next unit runs: the
 * next unit's queries see it in the database, and do not check every entity of the earlier units
 * for changes first (Hibernate's flush before a query looks at every entity it manages, a cost that
 * grows with each unit of a large group).
 */
public final class GroupCommit implements AutoCloseable {

    private record Unit<R>(Supplier<R> work, CompletableFuture<R> answer, RequestAttributes request,
            LocaleContext locale) {
    }

    private final TransactionTemplate transaction;
    /** The persistence context the units write through, or null without JPA. */
    private final EntityManagerFactory entities;
    private final int maxGroup;
    private final BlockingQueue<Unit<?>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final DistributionSummary groups;
    private volatile boolean closed;

    /**
     * @param name     names the writer threads and the metric {@code playerdesk.group.commit.size{name}}
     * @param writers  how many groups may be written at once (each holds a database connection while it writes)
     * @param maxGroup the most units in one transaction
     */
    public GroupCommit(String name, PlatformTransactionManager transactions, int writers, int maxGroup,
            MeterRegistry meters) {
        if (writers < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("a group commit needs at least one writer and a group of one");
        }
        this.transaction = new TransactionTemplate(transactions);
        this.entities = transactions instanceof JpaTransactionManager jpa ? jpa.getEntityManagerFactory() : null;
        this.maxGroup = maxGroup;
        this.groups = DistributionSummary.builder("playerdesk.group.commit.size").tag("name", name)
                .description("Units written in one transaction").register(meters);
        for (int i = 1; i <= writers; i++) {
            Thread writer = Thread.ofPlatform().name(name + "-writer-" + i).daemon().unstarted(this::write);
            this.writers.add(writer);
            writer.start();
        }
    }

    /**
     * Runs the unit in a transaction, with the units other callers hand over meanwhile; answers
     * its result once that transaction has committed, or throws what the unit threw when run alone.
     */
    public <R> R run(Supplier<R> work) {
        if (closed) {
            throw new IllegalStateException("the group commit is closed");
        }
        CompletableFuture<R> answer = new CompletableFuture<>();
        waiting.add(new Unit<>(work, answer, RequestContextHolder.getRequestAttributes(),
                LocaleContextHolder.getLocaleContext()));
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Units handed over and not taken by a writer yet. */
    int waiting() {
        return waiting.size();
    }

    private void write() {
        List<Unit<?>> group = new ArrayList<>(maxGroup);
        while (!closed) {
            try {
                Unit<?> first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxGroup - 1);
                writeGroup(group);
            } catch (InterruptedException e) {
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void writeGroup(List<Unit<?>> group) {
        groups.record(group.size());
        List<Object> results = new ArrayList<>(group.size());
        try {
            transaction.executeWithoutResult(status -> {
                for (Unit<?> unit : group) {
                    if (!results.isEmpty()) {
                        settle();
                    }
                    results.add(within(unit));
                }
            });
        } catch (RuntimeException | Error failed) {
            if (group.size() == 1 || DatabaseUnavailable.causedBy(failed)) {
                group.forEach(unit -> unit.answer().completeExceptionally(failed));
                return;
            }
            // one unit spoiled the group: each is written again alone, and fails alone
            for (Unit<?> unit : group) {
                writeAlone(unit);
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    /** Writes what the units before wrote and forgets their entities (see the class comment). */
    private void settle() {
        EntityManager context = entities == null ? null
                : EntityManagerFactoryUtils.getTransactionalEntityManager(entities);
        if (context != null) {
            context.flush();
            context.clear();
        }
    }

    private <R> void writeAlone(Unit<R> unit) {
        try {
            R result = transaction.execute(status -> within(unit));
            unit.answer().complete(result);
        } catch (RuntimeException | Error failed) {
            unit.answer().completeExceptionally(failed);
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> void complete(Unit<R> unit, Object result) {
        unit.answer().complete((R) result);
    }

    /** The unit's work with its caller's request and locale on this thread. */
    private static <R> R within(Unit<R> unit) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        RequestContextHolder.setRequestAttributes(unit.request());
        LocaleContextHolder.setLocaleContext(unit.locale());
        try {
            return unit.work().get();
        } finally {
            RequestContextHolder.setRequestAttributes(request);
            LocaleContextHolder.setLocaleContext(locale);
        }
    }

    /** Takes no more units; a group being written is finished (for at most ten seconds), the units waiting are refused. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Unit<?> left;
        while ((left = waiting.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("the group commit is closed"));
        }
    }
}
