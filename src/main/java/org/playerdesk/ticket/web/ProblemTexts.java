package org.playerdesk.ticket.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the desk's refusals into the agent's language. The desk words its field errors in
 * English for the API; here each known kind of error gets its bundle text, and an unknown one is
 * shown as it is rather than hidden.
 */
@Component
class ProblemTexts {

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

    private final MessageSource messages;
    private final PlayerDeskProperties properties;

    ProblemTexts(MessageSource messages, PlayerDeskProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** A problem found by the console itself, by its kind ({@code invalid.<kind>} in the bundle). */
    String kind(String kind, Locale locale) {
        return messages.getMessage("invalid." + kind, null, kind, locale);
    }

    String tooLarge(Locale locale) {
        return messages.getMessage("invalid.fileTooLarge",
                new Object[] {properties.attachments().maxSize().toMegabytes()}, locale);
    }

    /** A refused rule, with status codes among its arguments shown as status names. */
    String refused(RuleViolation violation, Locale locale) {
        Object[] arguments = violation.arguments().stream()
                .map(a -> a instanceof String code && violation.code().startsWith("ticket.status")
                        ? messages.getMessage("ticket.status." + code, null, code, locale)
                        : a)
                .toArray();
        return messages.getMessage("error." + violation.code(), arguments, violation.getMessage(), locale);
    }

    /**
     * Field errors grouped by form field ({@code files[2]} counts as {@code files}); a file's
     * error names the file.
     */
    Map<String, List<String>> invalid(InvalidInput invalid, List<String> fileNames, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String field = error.field();
            String prefix = "";
            Matcher indexed = INDEXED.matcher(field);
            if (indexed.matches()) {
                field = indexed.group(1);
                int index = Integer.parseInt(indexed.group(2));
                prefix = index < fileNames.size() ? fileNames.get(index) + ": " : "";
            }
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(prefix + text(field, error.message(), locale));
        }
        return byField;
    }

    String text(String field, String message, Locale locale) {
        String kind = kind(field, message);
        if (kind == null) {
            return message;
        }
        Matcher number = NUMBER.matcher(message);
        Object[] arguments = number.find() ? new Object[] {Long.parseLong(number.group(1))} : new Object[0];
        return messages.getMessage("invalid." + kind, arguments, message, locale);
    }

    private static String kind(String field, String message) {
        if (message.startsWith("must not be blank")) {
            return "blank";
        }
        if (message.startsWith("must be at most")) {
            return "tooLong";
        }
        if (message.contains("control characters")) {
            return "control";
        }
        if (message.startsWith("only images")) {
            return "fileType";
        }
        if (message.startsWith("the file is empty")) {
            return "fileEmpty";
        }
        if (message.startsWith("at most") && message.contains("files")) {
            return "tooManyFiles";
        }
        if ("tag".equals(field)) {
            return "tag";
        }
        if (message.startsWith("unknown value")) {
            return "unknownValue";
        }
        return null;
    }
}
