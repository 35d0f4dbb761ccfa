package org.playerdesk.system.validation;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a request is checked, then throws them all at once, so that a
 * caller learns about every bad field in one answer.
 */
public final class FieldErrors {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    /** What is wrong with a field, as a message key ({@code invalid.*}) and its arguments. */
    public FieldErrors add(String field, String key, Object... arguments) {
        errors.add(new InvalidInput.FieldError(field, key, arguments));
        return this;
    }

    /** A single line of at most {@code max} characters (a subject, a name); blank is refused when required. */
    public String line(String field, String value, int max, boolean required) {
        return checked(field, value, max, required, false);
    }

    /** A text of several lines of at most {@code max} characters (a message); blank is refused when required. */
    public String text(String field, String value, int max, boolean required) {
        return checked(field, value, max, required, true);
    }

    private String checked(String field, String value, int max, boolean required, boolean multiline) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "invalid.blank");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "invalid.tooLong", max);
            return null;
        }
        if (Texts.hasForbiddenControl(trimmed, multiline)) {
            add(field, "invalid.control");
            return null;
        }
        return trimmed;
    }

    /**
     * Parses a code such as {@code ban_appeal} into an enum value, naming the valid codes when it
     * fails. A blank value gives the fallback, or an error when there is none.
     */
    public <E extends Enum<E> & Coded> E code(String field, String value, Class<E> type, E fallback) {
        return Codes.read(field, value, type, fallback, errors);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
