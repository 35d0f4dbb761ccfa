package org.playerdesk.insight.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;

/**
 * The days a report covers, from {@code from} to {@code to}, both included: one day, a week
 * (Monday to Sunday), a calendar month or days of the reader's choosing, at most
 * {@link #MAX_DAYS}. The days are calendar dates, each game's own.
 */
public record Period(Kind kind, LocalDate from, LocalDate to) {

    /** A year and a day: a whole leap year, never more, so a dashboard never reads years of rows. */
    public static final int MAX_DAYS = 366;

    public enum Kind {
        DAY, WEEK, MONTH, CUSTOM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Period {
        if (kind == null || from == null || to == null) {
            throw new IllegalArgumentException("a period needs its kind and both ends");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ending before it starts");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a period longer than " + MAX_DAYS + " days");
        }
    }

    public static Period day(LocalDate day) {
        return new Period(Kind.DAY, day, day);
    }

    /** The week holding the day, Monday to Sunday. */
    public static Period week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(Kind.WEEK, monday, monday.plusDays(6));
    }

    /** The calendar month holding the day. */
    public static Period month(LocalDate day) {
        return new Period(Kind.MONTH, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /**
     * The period of these days, as a report asked for its days alone sees it: a day, a week (Monday
     * to Sunday), a calendar month, or custom days; so the previous period is the same as the
     * dashboard's.
     */
    public static Period of(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(from);
        }
        if (from.getDayOfWeek() == DayOfWeek.MONDAY && to.equals(from.plusDays(6))) {
            return week(from);
        }
        if (from.getDayOfMonth() == 1 && to.equals(from.with(TemporalAdjusters.lastDayOfMonth()))) {
            return month(from);
        }
        return new Period(Kind.CUSTOM, from, to);
    }

    /**
     * The period a page's address asks for: {@code period} (day, week, month or custom; a day when
     * absent), {@code date} (the day that day, week or month holds; {@code today} when absent) or,
     * for a custom period, {@code from} and {@code to}. Every bad field is named at once, with a
     * message key, so the page says what is wrong in the reader's language.
     */
    public static Period parse(String period, String date, String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = Stream.of(Kind.values()).filter(k -> k.code().equals(blankToNull(period) == null ? "day" : period.strip()))
                .findFirst().orElse(null);
        if (kind == null) {
            errors.add(new FieldError("period", "invalid.insight.period.kind"));
        }
        if (kind != Kind.CUSTOM) {
            LocalDate day = date(errors, "date", date, today);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return switch (kind) {
                case WEEK -> week(day);
                case MONTH -> month(day);
                default -> day(day);
            };
        }
        LocalDate start = date(errors, "from", from, null);
        LocalDate end = date(errors, "to", to, null);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", "invalid.insight.period.order"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "invalid.insight.period.tooLong", MAX_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Period(Kind.CUSTOM, start, end);
    }

    private static LocalDate date(List<FieldError> errors, String field, String text, LocalDate absent) {
        if (blankToNull(text) == null) {
            if (absent == null) {
                errors.add(new FieldError(field, "invalid.insight.period.dateMissing"));
            }
            return absent;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid.insight.period.date"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** How many days the period holds. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Each day of the period, in order. */
    public List<LocalDate> dates() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /**
     * The period before this one, to compare with: the day, week or month before, or as many days
     * as this one just before it. A month's previous one is the calendar month before, whose length
     * may differ (a lead compares November with October, not with 30 days ending on October 31).
     */
    public Period previous() {
        return switch (kind) {
            case MONTH -> month(from.minusMonths(1));
            default -> new Period(kind, from.minusDays(days()), from.minusDays(1));
        };
    }

    /** The period after this one: the day, week or month after, or as many days just after it. */
    public Period next() {
        return switch (kind) {
            case MONTH -> month(from.plusMonths(1));
            default -> new Period(kind, to.plusDays(1), to.plusDays(days()));
        };
    }

    /** Whether the day is one of the period's. */
    public boolean holds(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The address's query for this period, so a chosen period can be bookmarked. */
    public Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("period", kind.code());
        if (kind == Kind.CUSTOM) {
            query.put("from", from.toString());
            query.put("to", to.toString());
        } else {
            query.put("date", from.toString());
        }
        return query;
    }
}
