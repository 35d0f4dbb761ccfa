package org.playerdesk.training.internal;

import java.util.List;

import org.playerdesk.system.errors.InvalidInput;

/** Whole numbers typed into the training forms: a field left empty is null, one that is no number an error. */
final class WebNumbers {

    private WebNumbers() {
    }

    static Integer parse(String text, String field, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            errors.add(new InvalidInput.FieldError(field, "invalid.wholeNumber"));
            return null;
        }
    }

    static void refuse(List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
