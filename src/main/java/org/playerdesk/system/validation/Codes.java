package org.playerdesk.system.validation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;

/**
 * Reads a code that a form or a request gives ({@code ban_appeal}, {@code webhook}) as one of an
 * enum's values, or of the codes a deployment configures ({@code gold}). The one way a code is
 * checked: none given is {@code invalid.choose}, an unknown one {@code invalid.unknownCode}, both
 * naming the valid codes.
 */
public final class Codes {

    private Codes() {
    }

    /**
     * The enum value whose code is {@code value}. A blank code gives the fallback, or an error when
     * there is none; an unknown code gives an error and the fallback. Errors are added to
     * {@code errors} under {@code field}.
     */
    public static <E extends Enum<E> & Coded> E read(String field, String value, Class<E> type, E fallback,
            List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(new InvalidInput.FieldError(field, "invalid.choose", valid(type)));
            }
            return fallback;
        }
        E found = find(value.strip(), type);
        if (found == null) {
            errors.add(new InvalidInput.FieldError(field, "invalid.unknownCode", Texts.abbreviate(value.strip(), 40),
                    valid(type)));
            return fallback;
        }
        return found;
    }

    /**
     * The code {@code value} when it is one of {@code codes}: codes that are configured rather than
     * an enum's (the VIP tiers), read the same way. A blank code gives the fallback, or an error when
     * there is none; an unknown code gives an error and the fallback.
     */
    public static String read(String field, String value, List<String> codes, String fallback,
            List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                errors.add(new InvalidInput.FieldError(field, "invalid.choose", String.join(", ", codes)));
            }
            return fallback;
        }
        String code = value.strip();
        if (!codes.contains(code)) {
            errors.add(new InvalidInput.FieldError(field, "invalid.unknownCode", Texts.abbreviate(code, 40),
                    String.join(", ", codes)));
            return fallback;
        }
        return code;
    }

    /** The enum value whose code is {@code value}, or what is wrong with it, thrown at once. */
    public static <E extends Enum<E> & Coded> E require(String field, String value, Class<E> type) {
        List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
        E found = read(field, value, type, null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return found;
    }

    private static <E extends Enum<E> & Coded> E find(String value, Class<E> type) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.code().equals(value)) {
                return candidate;
            }
        }
        return null;
    }

    /** The valid codes, as a reader sees them in an error: {@code email, webhook, members}. */
    public static <E extends Enum<E> & Coded> String valid(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
