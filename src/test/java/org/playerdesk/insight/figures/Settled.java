package org.playerdesk.insight.figures;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings the figures up to date in a test: waits until the insight module's listeners have handled
 * every event published to them (the test's own, and whatever a moved clock made the sweeps publish
 * for the other tests' tickets in the shared database), then rolls the marked days and months up.
 * Other modules' publications are not waited for: one another test left failed would never end.
 */
public final class Settled {

    private Settled() {
    }

    public static void settle(JdbcTemplate jdbc, FigureRollUp rollUp) {
        await().atMost(Duration.ofMinutes(3)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where completion_date is null and listener_id like ?", Integer.class,
                "org.playerdesk.insight.%") == 0);
        rollUp.rollUp();
    }
}
