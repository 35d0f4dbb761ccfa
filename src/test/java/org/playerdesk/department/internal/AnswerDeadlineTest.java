package org.playerdesk.department.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.playerdesk.department.DepartmentSettings.BusinessHours;

/** A department's answer deadline, around the clock or in business hours (Shanghai, 09:00–18:00, Monday to Friday). */
class AnswerDeadlineTest {

    static final BusinessHours WEEK = new BusinessHours(ZoneId.of("Asia/Shanghai"), null, null, null);

    @Test
    void aroundTheClockTheDeadlineIsSimplyHoursLater() {
        Instant friday = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(AnswerDeadline.due(friday, 4, false, WEEK)).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
    }

    @Test
    void businessHoursCarryOverTheWeekend() {
        // Friday 17:00 in Shanghai, 4 business hours: 1 on Friday, 3 on Monday from 09:00
        Instant friday = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(AnswerDeadline.due(friday, 4, true, WEEK)).isEqualTo(Instant.parse("2026-11-23T04:00:00Z"));
    }

    @Test
    void aQuestionAskedAtNightOrOnTheWeekendStartsCountingAtTheNextOpening() {
        // Saturday 22:00 in Shanghai: Monday 09:00 + 9 h = Monday 18:00
        assertThat(AnswerDeadline.due(Instant.parse("2026-11-21T14:00:00Z"), 9, true, WEEK))
                .isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        // Tuesday 07:00 in Shanghai, 2 h: Tuesday 11:00
        assertThat(AnswerDeadline.due(Instant.parse("2026-11-23T23:00:00Z"), 2, true, WEEK))
                .isEqualTo(Instant.parse("2026-11-24T03:00:00Z"));
    }

    @Test
    void aLongDeadlineSpansSeveralWorkingDays() {
        // Monday 09:00, 24 business hours = Monday, Tuesday (18 h) and 6 h of Wednesday: Wednesday 15:00
        assertThat(AnswerDeadline.due(Instant.parse("2026-11-23T01:00:00Z"), 24, true, WEEK))
                .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    }

    @Test
    void theWorkingWeekIsConfigurable() {
        BusinessHours sixDays = new BusinessHours(ZoneId.of("UTC"), LocalTime.of(10, 0), LocalTime.of(12, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
        // Friday 11:00 UTC, 3 h: 1 h on Friday, 2 h on Saturday
        assertThat(AnswerDeadline.due(Instant.parse("2026-11-20T11:00:00Z"), 3, true, sixDays))
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
    }
}
