package org.playerdesk.system.validation;

import org.playerdesk.system.errors.ErrorTexts;

import org.playerdesk.system.errors.InvalidInput;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Bean Validation for commands and forms, with its errors as {@link InvalidInput}: each
 * constraint's message is a message key in braces ({@code {invalid.tooLong}}), and the
 * constraint's attributes, in the order of their names ({@code max} before {@code min}), are the
 * key's arguments {@code {0}}, {@code {1}}… The texts are chosen where the error is shown
 * ({@link ErrorTexts}), in the reader's language.
 */
@Component
public class InputValidation {

    private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

    private final Validator validator;

    InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** The command when it meets its constraints; otherwise every bad field at once. */
    public <T> T check(T command) {
        List<InvalidInput.FieldError> errors = errors(command);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return command;
    }

    /** What is wrong with the command, field by field, in the order the command declares its fields. */
    public List<InvalidInput.FieldError> errors(Object command) {
        return inDeclaredOrder(command.getClass(), validator.validate(command).stream()
                .map(InputValidation::error)
                .sorted(Comparator.comparing(InvalidInput.FieldError::field).thenComparing(InvalidInput.FieldError::key))
                .toList());
    }

    /**
     * The errors in the order {@code type} declares the fields they name (a nested field, such as
     * {@code player.accountId} or {@code files[1]}, by its top field); fields it does not declare
     * last; otherwise in the order given.
     */
    public static List<InvalidInput.FieldError> inDeclaredOrder(Class<?> type, List<InvalidInput.FieldError> errors) {
        List<String> order = declared(type);
        return errors.stream().sorted(Comparator.comparingInt((InvalidInput.FieldError e) -> rank(order, e.field())))
                .toList();
    }

    private static List<String> declared(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        }
        return Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }

    private static int rank(List<String> order, String field) {
        int index = order.indexOf(field.split("[.\\[]", 2)[0]);
        return index < 0 ? order.size() : index;
    }

    /** The field errors of a bound form or request body. */
    public static List<InvalidInput.FieldError> errors(BindingResult result) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError field : result.getFieldErrors()) {
            if (field.contains(ConstraintViolation.class)) {
                errors.add(error(field.unwrap(ConstraintViolation.class)));
            } else {
                // a value Spring could not convert (a number that is not one)
                errors.add(new InvalidInput.FieldError(field.getField(), "invalid.format"));
            }
        }
        return errors;
    }

    static InvalidInput.FieldError error(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        String key = template.startsWith("{") && template.endsWith("}")
                ? template.substring(1, template.length() - 1) : "invalid.invalid";
        List<Object> arguments = violation.getConstraintDescriptor().getAttributes().entrySet().stream()
                .filter(a -> !NOT_ARGUMENTS.contains(a.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
        return new InvalidInput.FieldError(violation.getPropertyPath().toString(), key, arguments);
    }
}
