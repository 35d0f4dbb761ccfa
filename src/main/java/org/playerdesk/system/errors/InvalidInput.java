package org.playerdesk.system.errors;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that fails validation, named field by field. Each error says what is wrong as a message
 * key ({@code invalid.*} in the bundles) with its arguments, never as prose: the reader's language
 * is chosen where the error is shown (see {@link ErrorTexts}). Answered as 400 with problem details
 * whose {@code errors} list each field and what is wrong with it.
 */
public class InvalidInput extends RuntimeException {

    /** A field, by its machine name, and what is wrong with it as a message key and arguments. */
    public record FieldError(String field, String key, List<Object> arguments) {

        public FieldError {
            arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        }

        public FieldError(String field, String key, Object... arguments) {
            this(field, key, Arrays.asList(arguments));
        }

        @Override
        public String toString() {
            return field + ": " + key + (arguments.isEmpty() ? "" : " " + arguments);
        }
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        // the message is for logs only; readers get the bundle's words
        super(errors.isEmpty() ? "invalid input"
                : errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String key, Object... arguments) {
        return new InvalidInput(List.of(new FieldError(field, key, arguments)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
