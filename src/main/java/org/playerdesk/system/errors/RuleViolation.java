package org.playerdesk.system.errors;

import java.util.List;

/**
 * A domain rule refused a command, for example a status change the ticket state machine does
 * not allow. Carries a stable code (also the i18n message key) and the values for the message.
 * Answered as 409 Conflict with problem details.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public RuleViolation(String code, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
