package org.playerdesk.workforce.internal.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.RoutingSetup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster board's grid, built in memory from one load of the range: agents × days with the
 * shifts' names and the day's marks, and per day and shift how many are rostered against the
 * minimum (gaps marked), with the on-duty lead.
 */
@Component
public class RosterBoard {

    /** One agent's day on the board; {@code marks} are codes: leave, sick, extra, swap, swap-waiting. */
    public record Cell(LocalDate date, List<String> shifts, boolean off, boolean rostered, boolean leave,
            boolean sick, boolean extra, boolean swapped, boolean swapWaiting, String shiftText, List<String> marks) {

        Cell(LocalDate date, List<String> shifts, boolean off, boolean rostered, boolean leave, boolean sick,
                boolean extra, boolean swapped, boolean swapWaiting) {
            this(date, shifts, off, rostered, leave, sick, extra, swapped, swapWaiting, String.join(" / ", shifts),
                    marks(leave, sick, extra, swapped, swapWaiting));
        }

        /** The cell's class: a rostered day off is muted. */
        public String css() {
            return off && rostered ? "text-muted" : "";
        }

        private static List<String> marks(boolean leave, boolean sick, boolean extra, boolean swapped,
                boolean waiting) {
            List<String> marks = new ArrayList<>(1);
            if (leave) {
                marks.add("leave");
            }
            if (sick) {
                marks.add("sick");
            }
            if (extra) {
                marks.add("extra");
            }
            if (swapped) {
                marks.add("swap");
            }
            if (waiting) {
                marks.add("swap-waiting");
            }
            return marks;
        }
    }

    public record Row(UUID staffId, String name, List<Cell> cells) {
    }

    /** A tier's minimum on a shift and date: how many of the tier are rostered against how many are needed. */
    public record TierCount(String tier, int count, int minimum) {
        public boolean gap() {
            return count < minimum;
        }
    }

    /** A shift on a date: how many are rostered, the minimum (0: none set), the tiers' minimums, the duty lead. */
    public record Coverage(LocalDate date, UUID shiftId, int count, int minimum, List<TierCount> tiers,
            String dutyLead, UUID dutyLeadId) {
        public boolean gap() {
            return count < minimum || tiers.stream().anyMatch(TierCount::gap);
        }
    }

    public record ShiftLine(UUID shiftId, String name, String hours, List<Coverage> days) {
    }

    public record Grid(List<LocalDate> dates, List<Row> rows, List<ShiftLine> shifts) {
        public long gaps() {
            return shifts.stream().flatMap(s -> s.days().stream()).filter(Coverage::gap).count();
        }
    }

    private final RosterPlans plans;
    private final RosterStore store;
    private final RoutingSetup routing;

    RosterBoard(RosterPlans plans, RosterStore store, RoutingSetup routing) {
        this.plans = plans;
        this.store = store;
        this.routing = routing;
    }

    /**
     * The grid of these agents from {@code from} over {@code days} days, with the minimums of the
     * team (null: the department's) and the names of the on-duty leads from {@code names}.
     */
    @Transactional(readOnly = true)
    public Grid grid(List<StaffMember> agents, LocalDate from, int days, UUID teamId, Map<UUID, String> names) {
        LocalDate to = from.plusDays(days - 1L);
        RosterPlans.Loaded loaded = plans.load(from, to);
        RosterPlan plan = loaded.plan();
        List<LocalDate> dates = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            dates.add(from.plusDays(i));
        }
        Map<UUID, Map<LocalDate, Boolean>> waiting = new HashMap<>();
        for (Swap swap : loaded.swaps()) {
            if (swap.state() == SwapState.REQUESTED) {
                waiting.computeIfAbsent(swap.requesterId(), k -> new HashMap<>()).put(swap.date(), true);
                waiting.computeIfAbsent(swap.colleagueId(), k -> new HashMap<>()).put(swap.date(), true);
            }
        }
        Map<UUID, AgentTier> tiers = routing.tiers(agents);
        // per date and shift: how many, and how many of each tier
        Map<LocalDate, Map<UUID, int[]>> counts = new HashMap<>();
        Map<LocalDate, Map<UUID, Map<AgentTier, Integer>>> tierCounts = new HashMap<>();
        List<Row> rows = new ArrayList<>(agents.size());
        List<StaffMember> sorted = agents.stream().sorted(Comparator.comparing(StaffMember::displayName)
                .thenComparing(StaffMember::id)).toList();
        for (StaffMember agent : sorted) {
            List<Cell> cells = new ArrayList<>(days);
            for (LocalDate date : dates) {
                RosterPlan.Day day = plan.day(agent.id(), date);
                List<String> names0 = new ArrayList<>(day.shifts().size());
                for (RosterPlan.Placed placed : day.shifts()) {
                    names0.add(placed.shift().name());
                    counts.computeIfAbsent(date, k -> new HashMap<>())
                            .computeIfAbsent(placed.shift().id(), k -> new int[1])[0]++;
                    tierCounts.computeIfAbsent(date, k -> new HashMap<>())
                            .computeIfAbsent(placed.shift().id(), k -> new EnumMap<>(AgentTier.class))
                            .merge(tiers.getOrDefault(agent.id(), AgentTier.L1), 1, Integer::sum);
                }
                Set<RosterPlan.Mark> marks = day.marks();
                cells.add(new Cell(date, names0, day.off(), day.rostered(), marks.contains(RosterPlan.Mark.LEAVE),
                        marks.contains(RosterPlan.Mark.SICK), marks.contains(RosterPlan.Mark.EXTRA),
                        marks.contains(RosterPlan.Mark.SWAP),
                        waiting.getOrDefault(agent.id(), Map.of()).getOrDefault(date, false)));
            }
            rows.add(new Row(agent.id(), agent.displayName(), cells));
        }
        List<RosterStore.Minimum> minimums = store.minimums().stream()
                .filter(m -> teamId == null ? m.teamId() == null : teamId.equals(m.teamId())).toList();
        Map<String, UUID> leads = new HashMap<>();
        store.dutyLeads(from, to).forEach(d -> leads.put(d.shiftId() + "/" + d.date(), d.staffId()));
        List<ShiftLine> lines = new ArrayList<>();
        for (Shift shift : loaded.shifts()) {
            List<RosterStore.Minimum> ofShift = minimums.stream().filter(m -> m.shiftId().equals(shift.id())).toList();
            List<Coverage> coverage = new ArrayList<>(days);
            for (LocalDate date : dates) {
                int count = counts.getOrDefault(date, Map.of()).getOrDefault(shift.id(), new int[1])[0];
                Map<AgentTier, Integer> byTier = tierCounts.getOrDefault(date, Map.of()).getOrDefault(shift.id(),
                        Map.of());
                int minimum = ofShift.stream().filter(m -> m.tier() == null).mapToInt(RosterStore.Minimum::headcount)
                        .findFirst().orElse(0);
                List<TierCount> tierLines = ofShift.stream().filter(m -> m.tier() != null)
                        .sorted(Comparator.comparing(RosterStore.Minimum::tier))
                        .map(m -> new TierCount(m.tier(), count(byTier, m.tier()), m.headcount())).toList();
                UUID lead = leads.get(shift.id() + "/" + date);
                coverage.add(new Coverage(date, shift.id(), count, minimum, tierLines,
                        lead == null ? null : names.getOrDefault(lead, "?"), lead));
            }
            lines.add(new ShiftLine(shift.id(), shift.name(), shift.hours(), coverage));
        }
        return new Grid(dates, rows, lines);
    }

    private static int count(Map<AgentTier, Integer> byTier, String tier) {
        return byTier.entrySet().stream().filter(e -> e.getKey().code().equals(tier)).mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** The staff ids of these members. */
    static List<UUID> ids(Collection<StaffMember> members) {
        return members.stream().map(StaffMember::id).toList();
    }
}
