package org.playerdesk.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code playerdesk.rate-limits.store} chooses where the buckets are kept. */
class RateLimitStoreTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:rate-limit-store"))
            .withUserConfiguration(RateLimitStore.class);

    @Test
    void inMemoryUnlessConfiguredOtherwise() {
        context.run(started -> {
            assertThat(started).hasSingleBean(RateLimiters.class);
            assertThat(started).doesNotHaveBean(RateLimitStore.FullBuckets.class);
        });
        context.withPropertyValues("playerdesk.rate-limits.store=memory")
                .run(started -> assertThat(started).hasSingleBean(RateLimiters.class));
    }

    @Test
    void theDatabaseStoreRefusesToStartOnADatabaseOtherThanPostgreSql() {
        context.withPropertyValues("playerdesk.rate-limits.store=database").run(started -> assertThat(started)
                .hasFailed().getFailure().rootCause().hasMessageContaining("needs PostgreSQL"));
    }
}
