package org.playerdesk.training.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Which questions of a bank an attempt asks, and in what order: the bank sorted by id, shuffled
 * with {@link Random} seeded by the attempt's seed, the first {@code count} taken. {@code Random}'s
 * sequence for a seed is fixed by its specification, so a recorded seed gives the same draw on any
 * node and any later day, as long as the bank holds the same questions.
 */
final class ExamDraw {

    private ExamDraw() {
    }

    static List<UUID> draw(List<UUID> bank, int count, long seed) {
        List<UUID> order = new ArrayList<>(bank);
        order.sort(Comparator.naturalOrder());
        java.util.Collections.shuffle(order, new Random(seed));
        return List.copyOf(order.subList(0, Math.min(count, order.size())));
    }
}
