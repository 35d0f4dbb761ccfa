package org.playerdesk.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.InvalidInput;

/** The period a dashboard shows: its days, the one before it, and what is refused. */
class PeriodTest {

    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    @Test
    void todayWhenNothingIsChosen() {
        Period today = Period.parse(null, null, null, null, THURSDAY);
        assertThat(today).isEqualTo(Period.day(THURSDAY));
        assertThat(today.days()).isEqualTo(1);
        assertThat(today.previous()).isEqualTo(Period.day(THURSDAY.minusDays(1)));
    }

    @Test
    void aWeekRunsFromMondayToSunday() {
        Period week = Period.parse("week", "2026-12-03", null, null, THURSDAY);
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(week.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(week.previous()).isEqualTo(new Period(Period.Kind.WEEK, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(Period.week(LocalDate.of(2026, 12, 6))).as("a Sunday belongs to the week before it").isEqualTo(week);
        assertThat(week.next().from()).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aMonthIsTheCalendarMonthAndComparesWithTheMonthBefore() {
        Period march = Period.parse("month", "2027-03-15", null, null, THURSDAY);
        assertThat(march.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(march.to()).isEqualTo(LocalDate.of(2027, 3, 31));
        Period february = march.previous();
        assertThat(february.from()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(february.to()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(february.next()).isEqualTo(march);
    }

    @Test
    void aCustomPeriodComparesWithAsManyDaysJustBefore() {
        Period custom = Period.parse("custom", null, "2026-11-10", "2026-11-19", THURSDAY);
        assertThat(custom.days()).isEqualTo(10);
        assertThat(custom.dates()).hasSize(10).startsWith(LocalDate.of(2026, 11, 10)).endsWith(LocalDate.of(2026, 11, 19));
        Period before = custom.previous();
        assertThat(before.from()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(before.to()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(custom.query()).containsEntry("period", "custom").containsEntry("from", "2026-11-10")
                .containsEntry("to", "2026-11-19");
    }

    @Test
    void aWholeLeapYearIsTheLongestPeriod() {
        assertThat(Period.parse("custom", null, "2028-01-01", "2028-12-31", THURSDAY).days()).isEqualTo(366);
        assertThat(fields(() -> Period.parse("custom", null, "2026-01-01", "2027-01-02", THURSDAY)))
                .containsExactly("to: invalid.insight.period.tooLong [366]");
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        assertThat(fields(() -> Period.parse("custom", null, "2026-13-01", "", THURSDAY)))
                .containsExactly("from: invalid.insight.period.date []", "to: invalid.insight.period.dateMissing []");
        assertThat(fields(() -> Period.parse("custom", null, "2026-12-03", "2026-12-01", THURSDAY)))
                .containsExactly("to: invalid.insight.period.order []");
        assertThat(fields(() -> Period.parse("year", null, null, null, THURSDAY)))
                .containsExactly("period: invalid.insight.period.kind []");
        assertThat(fields(() -> Period.parse("week", "yesterday", null, null, THURSDAY)))
                .containsExactly("date: invalid.insight.period.date []");
    }

    @Test
    void refusesAPeriodEndingBeforeItStarts() {
        assertThatThrownBy(() -> new Period(Period.Kind.CUSTOM, THURSDAY, THURSDAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static java.util.List<String> fields(Runnable parsing) {
        try {
            parsing.run();
        } catch (InvalidInput invalid) {
            return invalid.errors().stream().map(e -> e.field() + ": " + e.key() + " " + e.arguments()).toList();
        }
        throw new AssertionError("accepted");
    }
}
