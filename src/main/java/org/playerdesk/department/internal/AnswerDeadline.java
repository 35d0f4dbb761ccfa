package org.playerdesk.department.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.playerdesk.department.DepartmentSettings.BusinessHours;

/**
 * When a department's answer is due: {@code hours} after the question, counted either around the
 * clock or only within the working week of {@code playerdesk.departments.business-hours} (a
 * question asked on Friday at 17:00 with 4 business hours is due on Monday at 12:00). No holiday
 * calendar: the days are the same every week.
 */
public final class AnswerDeadline {

    private AnswerDeadline() {
    }

    public static Instant due(Instant askedAt, int hours, boolean businessHoursOnly, BusinessHours week) {
        if (!businessHoursOnly) {
            return askedAt.plus(Duration.ofHours(hours));
        }
        Duration left = Duration.ofHours(hours);
        ZonedDateTime at = askedAt.atZone(week.zone());
        // at most a few weeks of days to walk for any deadline an administrator can set
        for (int guard = 0; guard < 3700; guard++) {
            LocalDate day = at.toLocalDate();
            if (week.days().contains(day.getDayOfWeek())) {
                ZonedDateTime open = day.atTime(week.start()).atZone(week.zone());
                ZonedDateTime close = day.atTime(week.end()).atZone(week.zone());
                ZonedDateTime from = at.isBefore(open) ? open : at;
                if (from.isBefore(close)) {
                    Duration today = Duration.between(from, close);
                    if (today.compareTo(left) >= 0) {
                        return from.plus(left).toInstant();
                    }
                    left = left.minus(today);
                }
            }
            at = day.plusDays(1).atStartOfDay(week.zone());
        }
        throw new IllegalStateException("no working time within ten years; check the business hours");
    }
}
