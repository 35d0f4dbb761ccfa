package org.playerdesk.system.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.system.ratelimit.RateLimiter.Admission;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database store on a real PostgreSQL (the one {@code PLAYERDESK_DB_URL} names, else the local
 * server), in a schema of the test's own: two nodes take from the same buckets.
 */
class SharedRateLimitsTest {

    Instant now = Instant.parse("2026-05-04T10:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final String schema = "rate_limits_" + UUID.randomUUID().toString().replace("-", "");
    final RateLimit tenAMinute = RateLimit.tokenBucket("api", 10, Duration.ofMinutes(1), 5);

    DriverManagerDataSource database;
    RateLimiters nodeA;
    RateLimiters nodeB;

    @BeforeEach
    void createTheTableInASchemaOfItsOwn() throws Exception {
        String url = System.getenv().getOrDefault("PLAYERDESK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("PLAYERDESK_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("PLAYERDESK_DB_PASSWORD", "");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "the database store needs PostgreSQL");
        assumeTrue(reachable(url, user, password), "no PostgreSQL server at " + url);
        new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("CREATE SCHEMA " + schema);
        database = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user, password);
        new JdbcTemplate(database).execute(new ClassPathResource("db/migration/common/V141__rate_limit_buckets.sql")
                .getContentAsString(StandardCharsets.UTF_8));
        nodeA = RateLimiters.shared(clock, new RateLimitStore.InDatabase().rateLimitBuckets(database, clock));
        nodeB = RateLimiters.shared(clock, new RateLimitStore.InDatabase().rateLimitBuckets(database, clock));
    }

    @AfterEach
    void dropTheSchema() {
        if (database != null) {
            new JdbcTemplate(database).execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void twoNodesTakeFromTheSameBucket() {
        RateLimiter onA = nodeA.limiter(tenAMinute);
        RateLimiter onB = nodeB.limiter(tenAMinute);

        assertThat(IntStream.range(0, 3).mapToObj(i -> onA.take("key-1"))).allMatch(Admission::admitted);
        assertThat(IntStream.range(0, 2).mapToObj(i -> onB.take("key-1"))).allMatch(Admission::admitted);
        Admission refused = onB.take("key-1");

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(onA.check("key-1").admitted()).isFalse();
        assertThat(onA.take("key-2").admitted()).as("another caller").isTrue();

        now = now.plusSeconds(6);
        assertThat(onA.take("key-1").admitted()).isTrue();
        assertThat(onB.take("key-1").admitted()).isFalse();
    }

    @Test
    void aForgottenCallerStartsFullOnEveryNode() {
        RateLimiter onA = nodeA.limiter(RateLimit.perWindow("chat", 1, Duration.ofSeconds(10)));
        RateLimiter onB = nodeB.limiter(RateLimit.perWindow("chat", 1, Duration.ofSeconds(10)));
        onA.take("connection-1");
        assertThat(onB.take("connection-1").admitted()).isFalse();

        onA.forget("connection-1");

        assertThat(onB.take("connection-1").admitted()).isTrue();
    }

    @Test
    void theDatabaseStoreRefusesADatabaseOtherThanPostgreSql() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:rate-limits");

        assertThatThrownBy(() -> new RateLimitStore.InDatabase().rateLimitBuckets(h2, clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs PostgreSQL");
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
