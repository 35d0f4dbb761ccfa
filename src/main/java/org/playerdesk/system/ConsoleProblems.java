package org.playerdesk.system;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

    /**
     * Runs a console command for a redirecting form: on success the flash attribute {@code notice}
     * (a message key), when refused the flash attribute {@code problem} (the translated reason).
     * Answers the command's result, or null when it was refused.
     */
    public <T> T attempt(Supplier<T> command, String notice, Locale locale, RedirectAttributes redirect) {
        try {
            T result = command.get();
            redirect.addFlashAttribute("notice", notice);
            return result;
        } catch (InvalidInput | RuleViolation refused) {
            redirect.addFlashAttribute("problem", describe(refused, locale));
            return null;
        }
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
