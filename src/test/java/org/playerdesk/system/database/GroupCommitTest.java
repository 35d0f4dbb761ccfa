package org.playerdesk.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Concurrent callers' units in one transaction on a real (embedded) database: a group commits
 * once, a failing unit fails for its own caller only, and nobody is answered before the commit.
 */
class GroupCommitTest {

    JdbcTemplate jdbc;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    GroupCommit groupCommit;
    ExecutorService callers = Executors.newFixedThreadPool(12);

    @BeforeEach
    void aDatabaseOfItsOwn() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = new JdbcTemplate(database);
        jdbc.execute("create table report (name varchar(40) primary key)");
        groupCommit = new GroupCommit("test", new DataSourceTransactionManager(database), 1, 32, meters);
    }

    @AfterEach
    void close() {
        groupCommit.close();
        callers.shutdownNow();
    }

    private String insert(String name) {
        jdbc.update("insert into report (name) values (?)", name);
        return name;
    }

    /** Holds the one writer in a first unit until the test lets go, so that the next units wait together. */
    private Future<String> holdTheWriter(CountDownLatch letGo) {
        return holdTheWriter(groupCommit, letGo, () -> insert("first"));
    }

    private Future<String> holdTheWriter(GroupCommit writer, CountDownLatch letGo, Supplier<String> firstUnit) {
        CountDownLatch writing = new CountDownLatch(1);
        Future<String> first = callers.submit(() -> writer.run(() -> {
            writing.countDown();
            try {
                letGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return firstUnit.get();
        }));
        try {
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return first;
    }

    @Test
    void theUnitsWaitingMeanwhileAreWrittenInOneTransaction() throws Exception {
        CountDownLatch letGo = new CountDownLatch(1);
        Future<String> first = holdTheWriter(letGo);
        List<Future<String>> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = "report-" + i;
            next.add(callers.submit(() -> groupCommit.run(() -> insert(name))));
        }
        await().until(() -> groupCommit.waiting() == 10);
        letGo.countDown();

        assertThat(first.get()).isEqualTo("first");
        for (int i = 0; i < 10; i++) {
            assertThat(next.get(i).get()).isEqualTo("report-" + i);
        }
        assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isEqualTo(11);
        DistributionSummary groups = meters.get("playerdesk.group.commit.size").summary();
        assertThat(groups.count()).as("two transactions").isEqualTo(2);
        assertThat(groups.max()).as("the ten waiting units in one").isEqualTo(10);
    }

    @Test
    void aUnitThatFailsFailsForItsCallerAloneAndTheOthersAreStored() throws Exception {
        insert("taken");
        CountDownLatch letGo = new CountDownLatch(1);
        Future<String> first = holdTheWriter(letGo);
        Future<String> before = callers.submit(() -> groupCommit.run(() -> insert("before")));
        await().until(() -> groupCommit.waiting() == 1);
        Future<String> failing = callers.submit(() -> groupCommit.run(() -> insert("taken")));
        await().until(() -> groupCommit.waiting() == 2);
        Future<String> after = callers.submit(() -> groupCommit.run(() -> insert("after")));
        await().until(() -> groupCommit.waiting() == 3);
        letGo.countDown();

        assertThat(first.get()).isEqualTo("first");
        assertThat(before.get()).isEqualTo("before");
        assertThat(after.get()).isEqualTo("after");
        assertThatThrownBy(failing::get).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForList("select name from report order by name", String.class))
                .containsExactly("after", "before", "first", "taken");
    }

    /**
     * A group that cannot get a connection fails for every caller at once: no unit is tried again
     * alone, which would make each wait for the database once more, the last caller after as many
     * waits as the group had units.
     */
    @Test
    void whenTheDatabaseCannotBeReachedEveryUnitOfTheGroupFailsAtOnce() throws Exception {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger connections = new AtomicInteger();
        DataSource flaky = new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                if (down.get()) {
                    throw new SQLTransientConnectionException("Connection is not available, request timed out");
                }
                return super.getConnection();
            }
        };
        JdbcTemplate reports = new JdbcTemplate(flaky);
        reports.execute("create table report (name varchar(40) primary key)");
        try (GroupCommit overFlaky = new GroupCommit("flaky", new DataSourceTransactionManager(flaky), 1, 32, meters)) {
            CountDownLatch letGo = new CountDownLatch(1);
            Future<String> first = holdTheWriter(overFlaky, letGo, () -> {
                reports.update("insert into report (name) values ('first')");
                return "first";
            });
            List<Future<String>> group = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String name = "report-" + i;
                group.add(callers.submit(() -> overFlaky.run(() -> {
                    reports.update("insert into report (name) values (?)", name);
                    return name;
                })));
            }
            await().until(() -> overFlaky.waiting() == 3);
            down.set(true);
            int before = connections.get();
            letGo.countDown();

            assertThat(first.get()).isEqualTo("first");
            for (Future<String> unit : group) {
                assertThatThrownBy(unit::get).hasCauseInstanceOf(CannotCreateTransactionException.class)
                        .satisfies(failed -> assertThat(DatabaseUnavailable.causedBy(failed)).isTrue());
            }
            assertThat(connections.get() - before).as("one try for the whole group, none for each unit alone")
                    .isEqualTo(1);
            down.set(false);
            assertThat(reports.queryForList("select name from report", String.class)).containsExactly("first");
        }
    }

    @Test
    void theCallerIsAnsweredAfterTheCommitWithItsOwnLocale() {
        AtomicBoolean committed = new AtomicBoolean();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            Locale seen = groupCommit.run(() -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        committed.set(true);
                    }
                });
                insert("mine");
                return LocaleContextHolder.getLocale();
            });
            assertThat(committed).as("committed before the answer").isTrue();
            assertThat(seen).isEqualTo(Locale.ENGLISH);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void aClosedGroupCommitTakesNoMoreUnits() {
        groupCommit.close();

        assertThatThrownBy(() -> groupCommit.run(() -> insert("late"))).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("select count(*) from report", Integer.class)).isZero();
    }
}
