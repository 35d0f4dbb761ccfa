package org.playerdesk.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a task at a steady rate until a deadline, each on a virtual thread of its own, whatever
 * the answers' latency (an open loop: a slow node does not slow the load down). At most
 * {@code limit} run at once; a start beyond that is skipped and counted, so the load stays bounded
 * when a node stops answering.
 */
final class Pace {

    interface Task {
        void run() throws Exception;
    }

    private final Thread driver;
    private final AtomicLong skipped = new AtomicLong();

    private Pace(Thread driver) {
        this.driver = driver;
    }

    /** {@code perSecond} starts a second (0: none) until {@code endNanos} (System.nanoTime). */
    static Pace start(String name, double perSecond, long endNanos, int limit, Task task) {
        Semaphore running = new Semaphore(limit);
        Pace[] pace = new Pace[1];
        Thread driver = Thread.ofPlatform().name("pace-" + name).daemon().unstarted(() -> {
            if (perSecond <= 0) {
                return;
            }
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
            for (long next = System.nanoTime(); next < endNanos; next += interval) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running.tryAcquire()) {
                    pace[0].skipped.incrementAndGet();
                    continue;
                }
                Thread.ofVirtual().name(name).start(() -> {
                    try {
                        task.run();
                    } catch (Exception e) {
                        // the task records its own failures
                    } finally {
                        running.release();
                    }
                });
            }
            // the last tasks finish
            running.acquireUninterruptibly(limit);
        });
        pace[0] = new Pace(driver);
        driver.start();
        return pace[0];
    }

    /** Waits until the deadline has passed and the last task has finished. */
    void await(Duration atMost) throws InterruptedException {
        driver.join(atMost.toMillis());
    }

    long skipped() {
        return skipped.get();
    }
}
