package org.playerdesk.wellbeing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.routing.Roster;

/** The rules of the wellbeing figures, without Spring: runs, stretches, shifts and sudden rises. */
class WellbeingRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2 December 2026, 10:00 in Shanghai. */
    private static final Instant T = LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(SHANGHAI).toInstant();

    private static Contact hostile(int minute) {
        return new Contact(UUID.randomUUID(), Contact.TICKET, true, Contact.TAG, T.plusSeconds(60L * minute));
    }

    private static Contact calm(int minute) {
        return new Contact(UUID.randomUUID(), Contact.TICKET, false, null, T.plusSeconds(60L * minute));
    }

    private static Break rest(int fromMinute, int toMinute) {
        return new Break(UUID.randomUUID(), UUID.randomUUID(), T.plusSeconds(60L * fromMinute),
                T.plusSeconds(60L * toMinute), true, false);
    }

    @Test
    void aRunCountsHostileContactsBackToTheLastCalmOneOrTheLastRest() {
        assertThat(HostileRun.of(List.of(), null)).isZero();
        assertThat(HostileRun.of(List.of(hostile(1), hostile(2), hostile(3)), null)).isEqualTo(3);
        assertThat(HostileRun.of(List.of(hostile(1), calm(2), hostile(3), hostile(4)), null))
                .as("a calm contact ends the run").isEqualTo(2);
        assertThat(HostileRun.of(List.of(hostile(1), hostile(2), calm(3)), null)).as("the newest is calm").isZero();
        assertThat(HostileRun.of(List.of(hostile(1), hostile(2), hostile(5)), T.plusSeconds(180)))
                .as("a break at minute 3 starts a new run").isEqualTo(1);
    }

    @Test
    void theLongestStretchIsTheLongestGapBetweenStartBreaksAndEnd() {
        Instant start = T.minus(Duration.ofHours(2));
        assertThat(Stretches.longest(start, T, List.of())).isEqualTo(Duration.ofHours(2));
        assertThat(Stretches.longest(start, T.plus(Duration.ofHours(2)), List.of(rest(0, 10))))
                .as("08:00-10:00 before the break, 10:10-12:00 after").isEqualTo(Duration.ofHours(2));
        assertThat(Stretches.longest(T, T.plus(Duration.ofHours(3)), List.of(rest(60, 70), rest(0, 10))))
                .as("in any order, from 10:00: 10:10-11:00, then 11:10-13:00").isEqualTo(Duration.ofMinutes(110));
        assertThat(Stretches.longest(start, T.plusSeconds(300), List.of(rest(0, 10))))
                .as("still on the break: the stretch before it").isEqualTo(Duration.ofHours(2));
        assertThat(Stretches.longest(null, T, List.of())).isZero();
        assertThat(Stretches.longest(T, T, List.of())).isZero();
    }

    @Test
    void thisShiftIsTheRosteredShiftUnderWayElseTheLocalDay() {
        List<Roster.Weekly> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new Roster.Weekly(day, LocalTime.of(8, 0), LocalTime.of(16, 0)));
        }
        week.add(new Roster.Weekly(DayOfWeek.TUESDAY, LocalTime.of(22, 0), LocalTime.of(6, 0)));
        Roster roster = new Roster(SHANGHAI, week, List.of());

        ShiftWindow early = ShiftWindow.at(roster, T);
        assertThat(early.rostered()).isTrue();
        assertThat(early.start()).isEqualTo(T.minus(Duration.ofHours(2)));
        assertThat(early.end()).isEqualTo(T.plus(Duration.ofHours(6)));

        ShiftWindow night = ShiftWindow.at(roster, T.minus(Duration.ofHours(5)));
        assertThat(night.start()).as("Tuesday's night shift runs past midnight")
                .isEqualTo(T.minus(Duration.ofHours(12)));
        assertThat(night.end()).isEqualTo(T.minus(Duration.ofHours(4)));

        ShiftWindow evening = ShiftWindow.at(roster, T.plus(Duration.ofHours(8)));
        assertThat(evening.rostered()).as("off shift: the day").isFalse();
        assertThat(evening.start()).isEqualTo(T.minus(Duration.ofHours(10)));
        assertThat(evening.end()).isEqualTo(T.plus(Duration.ofHours(14)));

        ShiftWindow noRoster = ShiftWindow.at(new Roster(SHANGHAI, List.of(), List.of()), T);
        assertThat(noRoster.rostered()).isFalse();
        assertThat(noRoster.start()).isEqualTo(T.minus(Duration.ofHours(10)));

        assertThat(ShiftWindow.weekStart(roster, T)).as("Monday 00:00 in Shanghai")
                .isEqualTo(LocalDate.of(2026, 11, 30).atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void aRiseShowsAboveTheFactorTimesTheUsualAndNotBelowTheMinimum() {
        assertThat(Rise.ofCount(Rise.QA_FINDINGS, 6, 8, 1.5, 3).raised()).as("6 against 2 a week").isTrue();
        assertThat(Rise.ofCount(Rise.QA_FINDINGS, 3, 8, 1.5, 3).raised()).as("3 is 1.5 times 2, not more").isFalse();
        assertThat(Rise.ofCount(Rise.ESCALATIONS, 2, 0, 1.5, 3).raised()).as("below the minimum").isFalse();
        assertThat(Rise.ofCount(Rise.ESCALATIONS, 3, 0, 1.5, 3).raised()).as("no history: the minimum decides")
                .isTrue();
        Rise usual = Rise.ofCount(Rise.ESCALATIONS, 5, 20, 1.5, 3);
        assertThat(usual.usual()).isEqualTo(5.0);
        assertThat(usual.raised()).isFalse();

        Rise reopened = Rise.ofShare(Rise.REOPEN_RATE, 3, 10, 2, 40, 1.5, 3);
        assertThat(reopened.recent()).isEqualTo(0.3);
        assertThat(reopened.usual()).isEqualTo(0.05);
        assertThat(reopened.raised()).isTrue();
        assertThat(Rise.ofShare(Rise.REOPEN_RATE, 3, 60, 2, 40, 1.5, 3).raised()).as("5% against 5%").isFalse();
        assertThat(Rise.ofShare(Rise.ERROR_RATE, 0, 0, 0, 0, 1.5, 3).raised()).isFalse();
    }
}
