package org.playerdesk.wellbeing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.ticket.ReplyFindingTally;
import org.springframework.stereotype.Component;

/**
 * The stress signals a lead watches (seed 002: an agent under strain slips in their work): each
 * agent's last seven days against their own four weeks before, as a {@link Rise}:
 * <ul>
 * <li>{@code qa-findings}: what the reply checks found in their replies;</li>
 * <li>{@code reopen-rate}: of the tickets resolved while they held them, the share reopened;</li>
 * <li>{@code error-rate}: of the account actions they asked for, the share a supervisor rejected;</li>
 * <li>{@code escalations}: tickets they escalated (or the system escalated from them at a breach).</li>
 * </ul>
 */
@Component
class StressSignals {

    static final Duration RECENT = Duration.ofDays(7);
    static final Duration BEFORE = Duration.ofDays(28);
    /** The most account actions read per agent: far more than five weeks of anyone's work. */
    static final int ACTIONS_MAX = 1000;

    private final ReplyFindingTally findings;
    private final Marks marks;
    private final AccountActions actions;
    private final WellbeingSettings settings;

    StressSignals(ReplyFindingTally findings, Marks marks, AccountActions actions, WellbeingSettings settings) {
        this.findings = findings;
        this.marks = marks;
        this.actions = actions;
        this.settings = settings;
    }

    /** Each agent's four signals, in the order above. */
    Map<UUID, List<Rise>> of(Collection<StaffMember> agents, Instant now) {
        Instant recent = now.minus(RECENT);
        Instant before = recent.minus(BEFORE);
        Instant end = now.plusMillis(1);
        List<UUID> ids = agents.stream().map(StaffMember::id).toList();
        Map<UUID, Long> findingsRecent = findings.byAuthor(ids, recent, end);
        Map<UUID, Long> findingsBefore = findings.byAuthor(ids, before, recent);
        double factor = settings.riseFactor();
        int minimum = settings.riseMinimum();
        Map<UUID, List<Rise>> signals = new HashMap<>();
        for (UUID id : ids) {
            long rejected = 0;
            long asked = 0;
            long rejectedBefore = 0;
            long askedBefore = 0;
            for (ActionView action : actions.requestedBy(id, ACTIONS_MAX)) {
                Instant at = action.requestedAt();
                boolean rejection = action.state() == ActionState.REJECTED;
                if (!at.isBefore(recent) && !at.isAfter(now)) {
                    asked++;
                    rejected += rejection ? 1 : 0;
                } else if (!at.isBefore(before) && at.isBefore(recent)) {
                    askedBefore++;
                    rejectedBefore += rejection ? 1 : 0;
                }
            }
            signals.put(id, List.of(
                    Rise.ofCount(Rise.QA_FINDINGS, findingsRecent.getOrDefault(id, 0L),
                            findingsBefore.getOrDefault(id, 0L), factor, minimum),
                    Rise.ofShare(Rise.REOPEN_RATE, marks.count(id, Marks.REOPENED, recent, end),
                            marks.count(id, Marks.RESOLVED, recent, end), marks.count(id, Marks.REOPENED, before, recent),
                            marks.count(id, Marks.RESOLVED, before, recent), factor, minimum),
                    Rise.ofShare(Rise.ERROR_RATE, rejected, asked, rejectedBefore, askedBefore, factor, minimum),
                    Rise.ofCount(Rise.ESCALATIONS, marks.count(id, Marks.ESCALATED, recent, end),
                            marks.count(id, Marks.ESCALATED, before, recent), factor, minimum)));
        }
        return signals;
    }
}
