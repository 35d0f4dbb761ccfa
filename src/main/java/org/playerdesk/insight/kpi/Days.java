package org.playerdesk.insight.kpi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;

/**
 * The days a page's address asks for, {@code from} and {@code to} both included (ISO dates), at
 * most {@link #MAX_DAYS}; the month of {@code today} when neither is given, the rest of that month
 * or its start when one is. Every bad field is named at once, with a message key.
 */
record Days(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 366;

    static Days parse(String from, String to, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date(errors, "from", from);
        LocalDate end = date(errors, "to", to);
        if (errors.isEmpty()) {
            LocalDate month = today.withDayOfMonth(1);
            start = start == null ? (end == null ? month : end.withDayOfMonth(1)) : start;
            end = end == null ? start.with(TemporalAdjusters.lastDayOfMonth()) : end;
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", "invalid.insight.kpi.order"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new FieldError("to", "invalid.insight.kpi.tooLong", MAX_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Days(start, end);
    }

    private static LocalDate date(List<FieldError> errors, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid.insight.kpi.date"));
            return null;
        }
    }
}
