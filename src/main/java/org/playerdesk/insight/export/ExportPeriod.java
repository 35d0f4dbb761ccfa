package org.playerdesk.insight.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.playerdesk.system.errors.InvalidInput;

/**
 * The days an export covers, from {@code from} to {@code to}, both included: at most
 * {@value #LONGEST_DAYS} days, so that a typing slip (2207 for 2027) does not start an export of
 * centuries.
 */
record ExportPeriod(LocalDate from, LocalDate to) {

    static final int LONGEST_DAYS = 366;

    /** Reads the two dates as typed; every fault is named by its field ({@code from}, {@code to}). */
    static ExportPeriod parse(String from, String to) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new InvalidInput.FieldError("to", "insight.export.error.order"));
            } else if (ChronoUnit.DAYS.between(start, end) + 1 > LONGEST_DAYS) {
                errors.add(new InvalidInput.FieldError("to", "insight.export.error.tooLong", LONGEST_DAYS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ExportPeriod(start, end);
    }

    private static LocalDate date(String field, String text, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.required"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "invalid.date", text.strip()));
            return null;
        }
    }
}
