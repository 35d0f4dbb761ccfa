package org.playerdesk.ticket.internal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A tag as it is kept: 1 to {@code max} letters, digits, dots, dashes or underscores, in any
 * script. One constraint rather than a size and a pattern, so a bad tag gets one answer.
 */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
@Constraint(validatedBy = TagName.Check.class)
public @interface TagName {

    String message() default "{invalid.tag}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int max();

    class Check implements ConstraintValidator<TagName, String> {

        private static final Pattern LETTERS = Pattern.compile("[\\p{L}\\p{N}_.-]+");

        private int max;

        @Override
        public void initialize(TagName constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && value.length() <= max && LETTERS.matcher(value).matches();
        }
    }
}
