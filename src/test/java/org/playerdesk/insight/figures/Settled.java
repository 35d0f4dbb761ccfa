package org.playerdesk.insight.figures;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Brings the figures up to date in a test: waits until the events outbox is empty (every ticket's
 * creation and messages handed to their listeners: routing, clocks, counts) and this application's
 * event workers have handled every event handed to them (the test's own, the events their
 * listeners published in turn, and whatever a moved clock made the sweeps publish), then rolls the
 * marked days and months up. The outbox is looked at first: its listeners hand their own events
 * to the workers before their rows are deleted. Of the registry's publications only the workers'
 * queue and activity count, not the rows in the database: on a database shared by the suite's
 * cached applications, a paused application holds its publications open until it runs again, and
 * another application's leftovers are no concern of this test's figures (the outbox's rows belong
 * to no application: the running one delivers them all).
 */
public final class Settled {

    private Settled() {
    }

    public static void settle(MeterRegistry meters, FigureRollUp rollUp) {
        await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> meters.get("playerdesk.events.outbox.waiting").gauge().value() == 0
                        && workers(meters, "executor.queued") == 0 && workers(meters, "executor.active") == 0);
        rollUp.rollUp();
    }

    private static double workers(MeterRegistry meters, String gauge) {
        return meters.get(gauge).tag("name", "eventWorkerThreads").gauge().value();
    }
}
