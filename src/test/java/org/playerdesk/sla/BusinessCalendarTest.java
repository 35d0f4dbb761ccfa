package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.playerdesk.sla.BusinessCalendar.Hours;

/** Business-time arithmetic: open hours, weekends, holidays, make-up working days, time zones, DST. */
class BusinessCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday to Friday 09:00–12:00 and 13:00–18:00 (8 open hours a day). */
    static BusinessCalendar office(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> workingDates) {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(Hours.of("09:00", "12:00"), Hours.of("13:00", "18:00")));
        }
        return BusinessCalendar.of(zone, week, holidays, workingDates);
    }

    static Instant at(String local, ZoneId zone) {
        return java.time.LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void countsOnlyOpenHoursOfTheDayAcrossTheLunchBreak() {
        BusinessCalendar calendar = office(SHANGHAI, Set.of(), Set.of());
        // Wednesday 2026-11-25 11:30 + 60 min: 30 before lunch, 30 after
        assertThat(calendar.plus(at("2026-11-25T11:30", SHANGHAI), Duration.ofMinutes(60)))
                .isEqualTo(at("2026-11-25T13:30", SHANGHAI));
        assertThat(calendar.between(at("2026-11-25T11:30", SHANGHAI), at("2026-11-25T13:30", SHANGHAI)))
                .isEqualTo(Duration.ofMinutes(60));
        // arriving before opening starts at opening
        assertThat(calendar.plus(at("2026-11-25T07:00", SHANGHAI), Duration.ofMinutes(30)))
                .isEqualTo(at("2026-11-25T09:30", SHANGHAI));
        assertThat(calendar.isOpen(at("2026-11-25T12:30", SHANGHAI))).isFalse();
    }

    @Test
    void skipsTheWeekend() {
        BusinessCalendar calendar = office(SHANGHAI, Set.of(), Set.of());
        // Friday 2026-11-27 17:00 + 2 h → Monday 10:00
        Instant friday = at("2026-11-27T17:00", SHANGHAI);
        assertThat(calendar.plus(friday, Duration.ofHours(2))).isEqualTo(at("2026-11-30T10:00", SHANGHAI));
        assertThat(calendar.between(friday, at("2026-11-30T10:00", SHANGHAI))).isEqualTo(Duration.ofHours(2));
        // a whole weekend in between counts nothing
        assertThat(calendar.between(at("2026-11-28T08:00", SHANGHAI), at("2026-11-29T20:00", SHANGHAI)))
                .isZero();
    }

    @Test
    void aHolidayIsClosedAndAMakeUpWorkingDayIsOpen() {
        // National Day week: Thursday 2026-10-01 and Friday 10-02 closed; Saturday 10-10 is a 调休 working day
        BusinessCalendar calendar = office(SHANGHAI, Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")),
                Set.of(LocalDate.parse("2026-10-10")));
        // Wednesday 09-30 17:00 + 2 h: 1 h that day, then Thu, Fri (holidays), Sat, Sun → Monday 10-05 10:00
        assertThat(calendar.plus(at("2026-09-30T17:00", SHANGHAI), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-05T10:00", SHANGHAI));
        // Friday 10-09 17:00 + 2 h: 1 h that day, then the make-up Saturday opens at 09:00 → 10:00
        assertThat(calendar.plus(at("2026-10-09T17:00", SHANGHAI), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-10T10:00", SHANGHAI));
        assertThat(calendar.hoursOn(LocalDate.parse("2026-10-10"))).hasSize(2);
        assertThat(calendar.hoursOn(LocalDate.parse("2026-10-01"))).isEmpty();
    }

    @Test
    void theSameInstantIsOpenInShanghaiAndClosedInUtc() {
        BusinessCalendar shanghai = office(SHANGHAI, Set.of(), Set.of());
        BusinessCalendar utc = office(ZoneId.of("UTC"), Set.of(), Set.of());
        Instant instant = Instant.parse("2026-11-25T02:00:00Z"); // 10:00 in Shanghai, 02:00 UTC
        assertThat(shanghai.isOpen(instant)).isTrue();
        assertThat(utc.isOpen(instant)).isFalse();
        assertThat(shanghai.plus(instant, Duration.ofMinutes(30))).isEqualTo(Instant.parse("2026-11-25T02:30:00Z"));
        assertThat(utc.plus(instant, Duration.ofMinutes(30))).isEqualTo(Instant.parse("2026-11-25T09:30:00Z"));
    }

    @Test
    void followsWallClockHoursAcrossDaylightSavingChanges() {
        // Europe/Berlin springs forward on Sunday 2026-03-29 and falls back on Sunday 2026-10-25
        Map<DayOfWeek, List<Hours>> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, List.of(Hours.of("00:00", "24:00")));
        }
        BusinessCalendar berlin = BusinessCalendar.of(BERLIN, everyDay, Set.of(), Set.of());
        assertThat(berlin.between(at("2026-03-29T00:00", BERLIN), at("2026-03-30T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(berlin.between(at("2026-10-25T00:00", BERLIN), at("2026-10-26T00:00", BERLIN)))
                .isEqualTo(Duration.ofHours(25));

        // office hours keep their local times: Friday 17:00 CET + 2 h → Monday 10:00 CEST
        BusinessCalendar office = office(BERLIN, Set.of(), Set.of());
        Instant due = office.plus(at("2026-03-27T17:00", BERLIN), Duration.ofHours(2));
        assertThat(ZonedDateTime.ofInstant(due, BERLIN).toLocalDateTime().toString()).isEqualTo("2026-03-30T10:00");
        assertThat(Duration.between(at("2026-03-27T17:00", BERLIN), due)).isEqualTo(Duration.ofHours(64));
    }

    @Test
    void alwaysOpenIsPlainTime() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen(SHANGHAI);
        Instant saturdayNight = at("2026-11-28T23:50", SHANGHAI);
        assertThat(always.plus(saturdayNight, Duration.ofMinutes(20))).isEqualTo(at("2026-11-29T00:10", SHANGHAI));
        assertThat(always.between(saturdayNight, at("2026-11-29T00:10", SHANGHAI))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void aPauseKeepsTheTimeUsedAndTheRemainderRunsFromTheResume() {
        BusinessCalendar calendar = office(SHANGHAI, Set.of(), Set.of());
        Duration target = Duration.ofHours(4);
        Instant start = at("2026-11-25T09:00", SHANGHAI);
        Instant paused = at("2026-11-25T10:30", SHANGHAI);
        Duration used = calendar.between(start, paused);
        assertThat(used).isEqualTo(Duration.ofMinutes(90));
        // resumed Thursday 17:00: 2.5 h left → 1 h Thursday, 1.5 h Friday morning
        Instant resumed = at("2026-11-26T17:00", SHANGHAI);
        assertThat(calendar.plus(resumed, target.minus(used))).isEqualTo(at("2026-11-27T10:30", SHANGHAI));
    }

    @Test
    void refusesCalendarsThatNeverOpenOrOverlap() {
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, Map.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI,
                Map.of(DayOfWeek.MONDAY, List.of(Hours.of("09:00", "12:00"), Hours.of("11:00", "13:00"))), Set.of(),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hours.of("18:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
