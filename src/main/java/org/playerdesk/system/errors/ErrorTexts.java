package org.playerdesk.system.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The one place where refusals become words, in the reader's language: a field error by its
 * message key ({@code invalid.*}), a refused rule by its code ({@code error.<code>}). The API's
 * problem details, the console and the help center all read their texts here; arguments that are
 * themselves messages (a status, a type) are put into the same language.
 */
@Component
public class ErrorTexts {

    private final MessageSource messages;

    public ErrorTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** What is wrong with one field. */
    public String text(InvalidInput.FieldError error, Locale locale) {
        return messages.getMessage(error.key(), error.arguments().toArray(),
                messages.getMessage("invalid.invalid", null, locale), locale);
    }

    /**
     * What is wrong with one field, in the words of one audience where it has its own
     * ({@code help.invalid.blank} for players, before {@code invalid.blank}).
     */
    public String text(InvalidInput.FieldError error, String audience, Locale locale) {
        String fallback = messages.getMessage(new DefaultMessageSourceResolvable(
                new String[] {audience + ".invalid.invalid", "invalid.invalid"}), locale);
        return messages.getMessage(new DefaultMessageSourceResolvable(
                new String[] {audience + "." + error.key(), error.key()}, error.arguments().toArray(), fallback), locale);
    }

    /** Why a rule refused the command. */
    public String text(RuleViolation refused, Locale locale) {
        return messages.getMessage("error." + refused.code(), refused.arguments().toArray(),
                messages.getMessage("error.refused", null, locale), locale);
    }

    /**
     * The first thing wrong with each field, where a form has written its own words for a field:
     * {@code <prefix><field>.<kind>} (such as {@code admin.error.staff.username.taken} for
     * {@code invalid.taken}), then {@code <prefix><field>}, then the error's own key.
     */
    public Map<String, String> firstByField(InvalidInput invalid, String prefix, Locale locale) {
        Map<String, String> first = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String field = withoutIndex(error.field());
            String kind = error.key().substring(error.key().lastIndexOf('.') + 1);
            first.computeIfAbsent(field, f -> messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] {prefix + f + "." + kind, prefix + f, error.key()}, error.arguments().toArray(),
                    messages.getMessage("invalid.invalid", null, locale)), locale));
        }
        return first;
    }

    /** What is wrong, grouped by field ({@code files[2]} is reported under {@code files}). */
    public Map<String, List<String>> byField(InvalidInput invalid, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            byField.computeIfAbsent(withoutIndex(error.field()), f -> new ArrayList<>()).add(text(error, locale));
        }
        return byField;
    }

    /** The first thing wrong with each field, for forms that show one message beside a field. */
    public Map<String, String> firstByField(InvalidInput invalid, Locale locale) {
        Map<String, String> first = new LinkedHashMap<>();
        byField(invalid, locale).forEach((field, texts) -> first.put(field, texts.getFirst()));
        return first;
    }

    /** A bad field, by its machine name, and what is wrong with it in words, for a list above a form. */
    public record FieldText(String field, String message) {
    }

    /**
     * Each error as "label: what is wrong", keeping the machine field name beside it. The label is
     * the form's own ({@code <labels><field>}, indices left out: {@code actions[1].value} is
     * labelled by {@code <labels>actions.value}), else the shared {@code field.<field>}.
     */
    public List<FieldText> fieldTexts(InvalidInput invalid, String labels, Locale locale) {
        return invalid.errors().stream().map(e -> {
            String field = e.field() == null ? "" : e.field().replaceAll("\\[\\d+]", "");
            String label = messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] {labels + field, "field." + field}, null, ""), locale);
            String text = text(e, locale);
            return new FieldText(e.field(), label.isEmpty() ? text
                    : messages.getMessage("invalid.labelled", new Object[] {label, text}, locale));
        }).toList();
    }

    /**
     * One line for a notice above a form: each field by its label ({@code field.<name>}) and what
     * is wrong; a field without a label in the bundles is not named, so that no machine name
     * shows on the page.
     */
    public String summary(InvalidInput invalid, Locale locale) {
        return summary(invalid, "field.", locale);
    }

    /**
     * As {@link #summary(InvalidInput, Locale)}, with the form's own labels first
     * ({@code <labels><name>}, e.g. {@code routing.field.type}), then the shared {@code field.<name>}.
     */
    public String summary(InvalidInput invalid, String labels, Locale locale) {
        return invalid.errors().stream()
                .map(e -> labelled(e, labels, locale))
                .distinct()
                .collect(Collectors.joining(messages.getMessage("invalid.joiner", null, locale)));
    }

    private String labelled(InvalidInput.FieldError error, String labels, Locale locale) {
        String field = withoutIndex(error.field());
        String label = messages.getMessage(new DefaultMessageSourceResolvable(
                new String[] {labels + field, "field." + field}, null, ""), locale);
        String text = text(error, locale);
        return label.isEmpty() ? text : messages.getMessage("invalid.labelled", new Object[] {label, text}, locale);
    }

    /** A refusal of either kind as one line; anything else as the general words for a refusal. */
    public String describe(RuntimeException refused, Locale locale) {
        if (refused instanceof RuleViolation violation) {
            return text(violation, locale);
        }
        if (refused instanceof InvalidInput invalid) {
            return summary(invalid, locale);
        }
        return messages.getMessage("error.refused", null, locale);
    }

    /** A message of the bundles, for problems found before a command runs (an upload over its limit). */
    public String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    static String withoutIndex(String field) {
        return field == null ? "" : field.replaceFirst("\\[\\d+]$", "");
    }
}
