package org.playerdesk.system.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Where the rate limits keep their buckets: {@code playerdesk.rate-limits.store} is {@code memory}
 * (the default: each node its own) or {@code database} (the table {@code rate_limit_bucket} in
 * PostgreSQL, one row per caller and limit, locked while a request takes its token, so that all
 * nodes share one limit). Rows of buckets that have filled up again are removed every minute.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitStore {

    static final String PROPERTY = "playerdesk.rate-limits.store";
    static final String TABLE = "rate_limit_bucket";
    private static final int REMOVED_AT_ONCE = 1_000;

    @Bean
    @ConditionalOnProperty(name = PROPERTY, havingValue = "memory", matchIfMissing = true)
    RateLimiters rateLimitersInMemory(Clock clock) {
        return RateLimiters.inMemory(clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = PROPERTY, havingValue = "database")
    static class InDatabase {

        private static final Logger log = LoggerFactory.getLogger(InDatabase.class);

        @Bean
        PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource, Clock clock) {
            requirePostgreSql(dataSource);
            return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table(TABLE).clientClock(RateLimiters.meter(clock))
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofMinutes(1)))
                    .build();
        }

        @Bean
        RateLimiters rateLimitersInDatabase(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets, Clock clock) {
            return RateLimiters.shared(clock, buckets);
        }

        @Bean
        FullBuckets fullRateLimitBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            return new FullBuckets(buckets);
        }

        private static void requirePostgreSql(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                String database = connection.getMetaData().getDatabaseProductName();
                if (!"PostgreSQL".equalsIgnoreCase(database)) {
                    throw new IllegalStateException(PROPERTY + "=database needs PostgreSQL, not " + database
                            + "; use " + PROPERTY + "=memory on a single node");
                }
            } catch (SQLException e) {
                log.warn("Could not tell the database's kind for the rate limits' store: {}", e.getMessage());
            }
        }
    }

    /** Removes the rows of buckets that would be full by now: a caller seen again starts full anyway. */
    static final class FullBuckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

        FullBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(initialDelayString = "1m", fixedDelayString = "1m")
        void remove() {
            while (buckets.removeExpired(REMOVED_AT_ONCE) == REMOVED_AT_ONCE) {
                // more of them than one statement removes
            }
        }
    }
}
