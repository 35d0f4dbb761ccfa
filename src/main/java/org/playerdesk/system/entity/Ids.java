package org.playerdesk.system.entity;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The one id scheme: time-ordered UUIDs (version 7), made in the application so that an entity
 * has its id before it is stored and index inserts stay local. Within one process ids only grow
 * (a 12-bit counter breaks ties inside a millisecond), so entries written together keep their
 * order.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long sequence;

    private Ids() {
    }

    public static UUID next() {
        long millis;
        long seq;
        synchronized (Ids.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0x0fff) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = RANDOM.nextInt(0x400);
            }
            lastMillis = millis;
            seq = sequence;
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
