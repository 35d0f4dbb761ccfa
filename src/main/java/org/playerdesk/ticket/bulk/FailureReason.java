package org.playerdesk.ticket.bulk;

import java.util.ArrayList;
import java.util.List;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a ticket of a bulk job failed, kept as a message key and its arguments so that it is worded
 * in the language of whoever reads the job, as every refusal is. An argument that is itself a
 * message (a status by its name) is kept by its key and worded with the rest.
 */
record FailureReason(String key, List<Object> arguments) {

    static final String CHANGED_MEANWHILE = "problem.changedMeanwhile";
    static final String REFUSED = "error.refused";

    private static final String SEPARATOR = "\u001f";
    private static final String MESSAGE = "\u0002";
    private static final int ARGUMENT_MAX = 200;
    private static final int STORED_MAX = 1000;

    static FailureReason of(RuntimeException refused) {
        if (refused instanceof RuleViolation violation) {
            return new FailureReason("error." + violation.code(), violation.arguments());
        }
        if (refused instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
            InvalidInput.FieldError first = invalid.errors().getFirst();
            return new FailureReason(first.key(), first.arguments());
        }
        if (refused instanceof NotFoundException) {
            return new FailureReason("error.bulk.gone", List.of());
        }
        return new FailureReason(REFUSED, List.of());
    }

    static FailureReason changedMeanwhile() {
        return new FailureReason(CHANGED_MEANWHILE, List.of());
    }

    static FailureReason unexpected() {
        return new FailureReason(REFUSED, List.of());
    }

    /** The arguments as one column: separated by a control character, a message by its key. */
    String storedArguments() {
        if (arguments.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (Object argument : arguments) {
            String part = argument instanceof MessageSourceResolvable message && message.getCodes() != null
                    && message.getCodes().length > 0 ? MESSAGE + message.getCodes()[0] : String.valueOf(argument);
            part = part.replace(SEPARATOR, " ");
            parts.add(part.length() > ARGUMENT_MAX ? part.substring(0, ARGUMENT_MAX) : part);
        }
        String stored = String.join(SEPARATOR, parts);
        return stored.length() > STORED_MAX ? stored.substring(0, STORED_MAX) : stored;
    }

    static List<Object> readArguments(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<Object> arguments = new ArrayList<>();
        for (String part : stored.split(SEPARATOR, -1)) {
            if (part.startsWith(MESSAGE)) {
                String key = part.substring(MESSAGE.length());
                arguments.add(new DefaultMessageSourceResolvable(new String[] {key}, key));
            } else {
                arguments.add(part);
            }
        }
        return arguments;
    }
}
