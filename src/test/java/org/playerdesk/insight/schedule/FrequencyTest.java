package org.playerdesk.insight.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** When a subscribed report is next sent, and which period it covers. */
class FrequencyTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Test
    void aDailyReportIsSentEachDayAtItsTimeForYesterday() {
        ZonedDateTime thursdayNine = ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, SHANGHAI);
        assertThat(Frequency.DAILY.nextRun(thursdayNine, EIGHT, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 4, 8, 0, 0, 0, SHANGHAI));
        assertThat(Frequency.DAILY.nextRun(thursdayNine.withHour(7), EIGHT, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 3, 8, 0, 0, 0, SHANGHAI));
        assertThat(Frequency.DAILY.periodBefore(LocalDate.of(2026, 12, 3)))
                .containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 2));
    }

    @Test
    void aWeeklyReportIsSentOnMondayForTheWeekBefore() {
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, SHANGHAI);
        assertThat(Frequency.WEEKLY.nextRun(thursday, EIGHT, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, SHANGHAI));
        assertThat(Frequency.WEEKLY.periodBefore(LocalDate.of(2026, 12, 7)))
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
    }

    @Test
    void aMonthlyReportIsSentOnTheFirstForTheMonthBefore() {
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, SHANGHAI);
        assertThat(Frequency.MONTHLY.nextRun(thursday, EIGHT, SHANGHAI))
                .isEqualTo(ZonedDateTime.of(2027, 1, 1, 8, 0, 0, 0, SHANGHAI));
        assertThat(Frequency.MONTHLY.periodBefore(LocalDate.of(2027, 3, 1)))
                .containsExactly(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28));
    }

    @Test
    void aNodeBackAfterDaysSendsTheLastPeriodOnce() {
        // down from Monday to Thursday 09:00: the last sending day that came is Thursday, for Wednesday
        ZonedDateTime thursday = ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, SHANGHAI);
        assertThat(ReportSchedule.lastSendingDay(Frequency.DAILY, thursday, EIGHT)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(ReportSchedule.lastSendingDay(Frequency.DAILY, thursday.withHour(7), EIGHT))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ReportSchedule.lastSendingDay(Frequency.WEEKLY, thursday, EIGHT)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ReportSchedule.lastSendingDay(Frequency.MONTHLY, thursday, EIGHT)).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
