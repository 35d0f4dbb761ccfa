package org.playerdesk.wellbeing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The longest stretch an agent worked without a break in a shift: the gaps between the start of
 * work, the breaks and the end of work. On a rostered shift work starts with the shift and goes
 * on until now (at most the shift's end); on a day without one it runs from the agent's first
 * contact or break to their last.
 */
final class Stretches {

    private Stretches() {
    }

    /**
     * @param workStart when work began (null: nothing happened, no stretch)
     * @param workEnd until when work is counted
     * @param breaks the breaks of the shift, in any order
     */
    static Duration longest(Instant workStart, Instant workEnd, List<Break> breaks) {
        if (workStart == null || workEnd == null || !workEnd.isAfter(workStart)) {
            return Duration.ZERO;
        }
        Duration longest = Duration.ZERO;
        Instant from = workStart;
        for (Break rest : breaks.stream().sorted(Comparator.comparing(Break::startedAt)).toList()) {
            if (rest.startedAt().isAfter(workEnd)) {
                break;
            }
            longest = max(longest, Duration.between(from, rest.startedAt()));
            if (rest.endsAt().isAfter(from)) {
                from = rest.endsAt();
            }
        }
        return max(longest, Duration.between(from, workEnd));
    }

    private static Duration max(Duration a, Duration b) {
        return b.compareTo(a) > 0 ? b : a;
    }
}
