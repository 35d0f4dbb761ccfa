package org.playerdesk.insight.figures;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings the figures up to date in a test: waits until every published event has been handled
 * (the tickets of the test, and whatever a moved clock made the sweeps publish for the other
 * tests' tickets in the shared database), then rolls the marked days and months up.
 */
public final class Settled {

    private Settled() {
    }

    public static void settle(JdbcTemplate jdbc, FigureRollUp rollUp) {
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null", Integer.class) == 0);
        rollUp.rollUp();
    }
}
