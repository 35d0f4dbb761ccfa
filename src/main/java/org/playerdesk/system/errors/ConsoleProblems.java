package org.playerdesk.system.errors;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a console form shows when a command refused its input, in the agent's language: a refused
 * rule as its message ({@code error.<code>}), invalid fields as "field: what is wrong" (see
 * {@link ErrorTexts}).
 */
@Component
public class ConsoleProblems {

    private final ErrorTexts texts;

    ConsoleProblems(ErrorTexts texts) {
        this.texts = texts;
    }

    /**
     * Runs a console command for a redirecting form: on success the flash attribute {@code notice}
     * (a message key), when refused the flash attribute {@code problem} (the translated reason).
     * Answers the command's result, or null when it was refused.
     */
    public <T> T attempt(Supplier<T> command, String notice, Locale locale, RedirectAttributes redirect) {
        return attempt(command, notice, "field.", locale, redirect);
    }

    /** As {@link #attempt(Supplier, String, Locale, RedirectAttributes)}, naming fields by the form's labels first. */
    public <T> T attempt(Supplier<T> command, String notice, String labels, Locale locale,
            RedirectAttributes redirect) {
        try {
            T result = command.get();
            redirect.addFlashAttribute("notice", notice);
            return result;
        } catch (InvalidInput | RuleViolation refused) {
            redirect.addFlashAttribute("problem", describe(refused, labels, locale));
            return null;
        }
    }

    public String describe(RuntimeException refused, Locale locale) {
        return texts.describe(refused, locale);
    }

    /** A refusal as one line, a bad field named by the form's label ({@code <labels><name>}) or the shared one. */
    public String describe(RuntimeException refused, String labels, Locale locale) {
        return refused instanceof InvalidInput invalid ? texts.summary(invalid, labels, locale)
                : texts.describe(refused, locale);
    }
}
