package org.playerdesk.workforce.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The roster generated from shifts, patterns, assignments and the leads' changes, without Spring. */
class RosterPlanTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final Shift early = new Shift(UUID.randomUUID(), "早班", LocalTime.of(8, 0), LocalTime.of(16, 0));
    final Shift middle = new Shift(UUID.randomUUID(), "中班", LocalTime.of(16, 0), LocalTime.MIDNIGHT);
    final Shift night = new Shift(UUID.randomUUID(), "夜班", LocalTime.MIDNIGHT, LocalTime.of(8, 0));
    final Shift lateNight = new Shift(UUID.randomUUID(), "大夜班", LocalTime.of(22, 0), LocalTime.of(6, 0));
    final Pattern threeOnOneOff = new Pattern(UUID.randomUUID(), "做三休一", false,
            Arrays.asList(early.id(), early.id(), early.id(), null));
    final Pattern threeShifts = new Pattern(UUID.randomUUID(), "三班倒", false,
            Arrays.asList(early.id(), early.id(), middle.id(), middle.id(), night.id(), night.id(), null, null));
    final UUID agent = UUID.randomUUID();
    final UUID colleague = UUID.randomUUID();

    @Test
    void threeOnOneOffRepeatsEveryFourDaysForMonths() {
        LocalDate start = LocalDate.of(2026, 1, 5);
        RosterPlan plan = plan(List.of(personal(agent, threeOnOneOff, start, SHANGHAI)), List.of(), List.of());

        List<RosterPlan.Day> days = plan.days(agent, start, start.plusDays(179));
        for (int i = 0; i < days.size(); i++) {
            RosterPlan.Day day = days.get(i);
            assertThat(day.off()).as("day %d (%s)", i, day.date()).isEqualTo(i % 4 == 3);
            assertThat(day.rostered()).isTrue();
        }
        assertThat(days.stream().filter(d -> !d.off()).count()).isEqualTo(135);
        // across February and a month's end alike: 2026-03-01 is day 55 of the cycle (55 % 4 = 3, off)
        assertThat(plan.day(agent, LocalDate.of(2026, 3, 1)).off()).isTrue();
        assertThat(plan.day(agent, LocalDate.of(2026, 3, 2)).shifts().getFirst().shift()).isEqualTo(early);
        // before the assignment began: not rostered, no opinion
        assertThat(plan.day(agent, start.minusDays(1)).rostered()).isFalse();
    }

    @Test
    void threeShiftsRotatesThroughEarlyMiddleAndNight() {
        LocalDate start = LocalDate.of(2026, 6, 1);
        RosterPlan plan = plan(List.of(personal(agent, threeShifts, start, SHANGHAI)), List.of(), List.of());

        List<String> names = plan.days(agent, start, start.plusDays(15)).stream()
                .map(d -> d.off() ? "休" : d.shifts().getFirst().shift().name()).toList();
        assertThat(names).containsExactly("早班", "早班", "中班", "中班", "夜班", "夜班", "休", "休",
                "早班", "早班", "中班", "中班", "夜班", "夜班", "休", "休");
    }

    @Test
    void aShiftCrossingMidnightEndsTheNextDay() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        Pattern nights = new Pattern(UUID.randomUUID(), "大夜", false, List.of(lateNight.id()));
        RosterPlan plan = plan(List.of(personal(agent, nights, monday, SHANGHAI)), List.of(), List.of(), lateNight);

        RosterPlan.Placed placed = plan.day(agent, monday).shifts().getFirst();
        assertThat(placed.start()).isEqualTo(Instant.parse("2026-06-01T14:00:00Z"));
        assertThat(placed.end()).isEqualTo(Instant.parse("2026-06-01T22:00:00Z"));
        assertThat(plan.onShift(agent, Instant.parse("2026-06-01T21:59:00Z"))).contains(true);
        assertThat(plan.onShift(agent, Instant.parse("2026-06-01T22:00:00Z"))).contains(false);
        // 中班 ends at midnight: 24:00 is the next day's 00:00
        assertThat(middle.endOn(monday, SHANGHAI)).isEqualTo(Instant.parse("2026-06-01T16:00:00Z"));
        assertThat(middle.crossesMidnight()).isTrue();
    }

    @Test
    void aNightShiftOnTheNightTheClocksChangeIsAnHourShorterOrLonger() {
        // New York: clocks go forward on 2026-03-08 at 02:00, back on 2026-11-01 at 02:00
        Pattern nights = new Pattern(UUID.randomUUID(), "夜", false, List.of(night.id()));
        RosterPlan plan = plan(List.of(personal(agent, nights, LocalDate.of(2026, 1, 1), NEW_YORK)), List.of(),
                List.of());

        assertThat(length(plan.day(agent, LocalDate.of(2026, 3, 7)))).isEqualTo(Duration.ofHours(8));
        assertThat(length(plan.day(agent, LocalDate.of(2026, 3, 8)))).isEqualTo(Duration.ofHours(7));
        assertThat(length(plan.day(agent, LocalDate.of(2026, 11, 1)))).isEqualTo(Duration.ofHours(9));
        RosterPlan.Placed spring = plan.day(agent, LocalDate.of(2026, 3, 8)).shifts().getFirst();
        assertThat(spring.start()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(spring.end()).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        // a 22:00-06:00 shift across the change is 7 hours too
        Shift across = lateNight;
        assertThat(Duration.between(across.startOn(LocalDate.of(2026, 3, 7), NEW_YORK),
                across.endOn(LocalDate.of(2026, 3, 7), NEW_YORK))).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void aWeeklyPatternStartsOnMondayWhateverDayTheAssignmentBegins() {
        Pattern weekdays = new Pattern(UUID.randomUUID(), "周一至周五早班", true,
                Arrays.asList(early.id(), early.id(), early.id(), early.id(), early.id(), null, null));
        LocalDate thursday = LocalDate.of(2026, 6, 4);
        RosterPlan plan = plan(List.of(personal(agent, weekdays, thursday, SHANGHAI)), List.of(), List.of());

        assertThat(plan.day(agent, thursday).off()).isFalse();
        assertThat(plan.day(agent, thursday.plusDays(1)).off()).isFalse();
        assertThat(plan.day(agent, thursday.plusDays(2)).off()).isTrue();
        assertThat(plan.day(agent, thursday.plusDays(3)).off()).isTrue();
        assertThat(plan.day(agent, thursday.plusDays(4)).off()).isFalse();
        assertThatThrownBy(() -> new Pattern(UUID.randomUUID(), "x", true, List.of(early.id())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAgentsOwnAssignmentWinsOverTheTeamsAndTheLaterOneOverTheEarlier() {
        UUID team = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 6, 1);
        Pattern allEarly = new Pattern(UUID.randomUUID(), "全早", false, List.of(early.id()));
        Pattern allNight = new Pattern(UUID.randomUUID(), "全夜", false, List.of(night.id()));
        List<Assignment> assignments = List.of(
                new Assignment(UUID.randomUUID(), null, team, allEarly.id(), start, null, SHANGHAI),
                new Assignment(UUID.randomUUID(), agent, null, allNight.id(), start.plusDays(10), start.plusDays(12),
                        SHANGHAI));
        RosterPlan plan = new RosterPlan(List.of(early, night), List.of(allEarly, allNight), assignments,
                Map.of(agent, Set.of(team), colleague, Set.of(team)), List.of(), List.of(), SHANGHAI);

        assertThat(plan.day(agent, start.plusDays(9)).shifts().getFirst().shift()).isEqualTo(early);
        assertThat(plan.day(agent, start.plusDays(10)).shifts().getFirst().shift()).isEqualTo(night);
        assertThat(plan.day(agent, start.plusDays(13)).shifts().getFirst().shift()).isEqualTo(early);
        assertThat(plan.day(colleague, start.plusDays(10)).shifts().getFirst().shift()).isEqualTo(early);
    }

    @Test
    void leaveAndSickDaysLeaveNoShiftAndAnExtraShiftIsAdded() {
        LocalDate start = LocalDate.of(2026, 6, 1);
        List<DayChange> changes = List.of(
                new DayChange(UUID.randomUUID(), agent, start, DayChange.Kind.LEAVE, null, null),
                new DayChange(UUID.randomUUID(), agent, start.plusDays(1), DayChange.Kind.SICK, null, null),
                new DayChange(UUID.randomUUID(), agent, start.plusDays(2), DayChange.Kind.EXTRA, middle.id(), null),
                new DayChange(UUID.randomUUID(), agent, start.plusDays(3), DayChange.Kind.EXTRA, middle.id(), null),
                new DayChange(UUID.randomUUID(), colleague, start, DayChange.Kind.EXTRA, night.id(), null));
        RosterPlan plan = plan(List.of(personal(agent, threeOnOneOff, start, SHANGHAI)), changes, List.of());

        assertThat(plan.day(agent, start).off()).isTrue();
        assertThat(plan.day(agent, start).marks()).containsExactly(RosterPlan.Mark.LEAVE);
        assertThat(plan.day(agent, start.plusDays(1)).marks()).containsExactly(RosterPlan.Mark.SICK);
        assertThat(plan.day(agent, start.plusDays(2)).shifts()).extracting(p -> p.shift().name())
                .containsExactly("早班", "中班");
        assertThat(plan.day(agent, start.plusDays(3)).shifts()).extracting(RosterPlan.Placed::source)
                .containsExactly(RosterPlan.Source.EXTRA);
        // a colleague without a pattern is rostered on the day of their extra shift only
        assertThat(plan.day(colleague, start).rostered()).isTrue();
        assertThat(plan.day(colleague, start.plusDays(1)).rostered()).isFalse();
        assertThat(plan.onShift(colleague, start.plusDays(5).atTime(12, 0).atZone(SHANGHAI).toInstant())).isEmpty();
    }

    @Test
    void anApprovedSwapExchangesTheTwoAgentsShiftsOfThatDayAndOnlyThen() {
        LocalDate start = LocalDate.of(2026, 6, 1);
        Pattern allEarly = new Pattern(UUID.randomUUID(), "全早", false, List.of(early.id()));
        Pattern allNight = new Pattern(UUID.randomUUID(), "全夜", false, List.of(night.id()));
        List<Assignment> assignments = List.of(personal(agent, allEarly, start, SHANGHAI),
                personal(colleague, allNight, start, SHANGHAI));
        LocalDate day = start.plusDays(3);
        Swap waiting = swap(day, SwapState.REQUESTED);
        Swap refused = swap(day.plusDays(1), SwapState.REFUSED);
        Swap approved = swap(day.plusDays(2), SwapState.APPROVED);
        RosterPlan plan = new RosterPlan(List.of(early, night), List.of(allEarly, allNight), assignments, Map.of(),
                List.of(), List.of(waiting, refused, approved), SHANGHAI);

        assertThat(plan.day(agent, day).shifts().getFirst().shift()).isEqualTo(early);
        assertThat(plan.day(agent, day.plusDays(1)).shifts().getFirst().shift()).isEqualTo(early);
        RosterPlan.Day swapped = plan.day(agent, day.plusDays(2));
        assertThat(swapped.shifts().getFirst().shift()).isEqualTo(night);
        assertThat(swapped.shifts().getFirst().source()).isEqualTo(RosterPlan.Source.SWAP);
        assertThat(swapped.marks()).containsExactly(RosterPlan.Mark.SWAP);
        assertThat(plan.day(colleague, day.plusDays(2)).shifts().getFirst().shift()).isEqualTo(early);
        assertThat(plan.day(agent, day.plusDays(3)).shifts().getFirst().shift()).isEqualTo(early);
    }

    @Test
    void onShiftHasNoOpinionWithoutARosterAndCountsYesterdaysNightShift() {
        LocalDate start = LocalDate.of(2026, 6, 1);
        Pattern nights = new Pattern(UUID.randomUUID(), "大夜", false, Arrays.asList(lateNight.id(), null));
        RosterPlan plan = plan(List.of(personal(agent, nights, start, SHANGHAI)), List.of(), List.of(), lateNight);

        // 2026-06-02 03:00 in Shanghai: the shift begun on the 1st (a working day), on the 2nd (a day off)
        assertThat(plan.onShift(agent, at(start.plusDays(1), 3))).contains(true);
        assertThat(plan.onShift(agent, at(start.plusDays(1), 12))).contains(false);
        assertThat(plan.onShift(agent, at(start.plusDays(2), 23))).contains(true);
        assertThat(plan.onShift(colleague, at(start.plusDays(1), 3))).isEqualTo(Optional.empty());
        assertThat(plan.onShift(agent, at(start.minusDays(3), 3))).isEmpty();
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    private Swap swap(LocalDate day, SwapState state) {
        return new Swap(UUID.randomUUID(), agent, colleague, day, null, state, Instant.EPOCH, null, null);
    }

    private static Duration length(RosterPlan.Day day) {
        RosterPlan.Placed placed = day.shifts().getFirst();
        return Duration.between(placed.start(), placed.end());
    }

    /** Every pattern a test put someone on, for the plan. */
    private final Map<UUID, Pattern> known = new java.util.HashMap<>();

    private Assignment personal(UUID staffId, Pattern pattern, LocalDate from, ZoneId zone) {
        known.put(pattern.id(), pattern);
        return new Assignment(UUID.randomUUID(), staffId, null, pattern.id(), from, null, zone);
    }

    private RosterPlan plan(List<Assignment> assignments, List<DayChange> changes, List<Swap> swaps, Shift... more) {
        List<Shift> shifts = new ArrayList<>(List.of(early, middle, night));
        shifts.addAll(List.of(more));
        return new RosterPlan(shifts, known.values(), assignments, Map.of(), changes, swaps, SHANGHAI);
    }
}
