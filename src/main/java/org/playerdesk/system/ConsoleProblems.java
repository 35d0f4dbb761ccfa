package org.playerdesk.system;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What a console form shows when a command refused its input: a refused rule as its translated
 * message ({@code error.<code>}), invalid fields as "field: what is wrong", each translated where
 * the bundles know the field ({@code field.<name>}).
 */
@Component
public class ConsoleProblems {

    private final MessageSource messages;

    ConsoleProblems(MessageSource messages) {
        this.messages = messages;
    }

    public String describe(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolation violation) {
            return messages.getMessage("error." + violation.code(), violation.arguments().toArray(),
                    violation.getMessage(), locale);
        }
        if (refused instanceof InvalidInput invalid) {
            return invalid.errors().stream()
                    .map(e -> messages.getMessage("field." + e.field(), null, e.field(), locale) + ": " + e.message())
                    .collect(Collectors.joining("; "));
        }
        return refused.getMessage();
    }
}
