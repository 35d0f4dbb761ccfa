package org.playerdesk.channel.help;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.RuleViolation;
import org.springframework.context.MessageSource;

/**
 * Turns the ticket desk's field errors into words for the player, next to the form field they
 * belong to. The desk names fields as its API does ({@code player.accountId}, {@code message},
 * {@code files[0]}) and explains in English; players read the help center in their own
 * language, so each known explanation maps to a message key, and anything unforeseen becomes a
 * plain "please check this field" rather than English text on a Chinese page.
 */
final class FieldMessages {

    /** Field of the desk → field of the submit form. */
    static final Map<String, String> TICKET_FORM = Map.of(
            "player", "accountId",
            "player.accountId", "accountId",
            "player.nickname", "nickname",
            "player.server", "server",
            "type", "type",
            "subject", "subject",
            "message", "description",
            "contactEmail", "email",
            "files", "files");

    /** Field of the desk → field of the reply form. */
    static final Map<String, String> REPLY_FORM = Map.of("message", "message", "files", "files");

    /** Where an error goes that belongs to no field of the form. */
    static final String GENERAL = "form";

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("must be chosen|must not be blank; valid values.*"), "help.error.choose"),
            new Rule(Pattern.compile("unknown value.*"), "help.error.choose"),
            new Rule(Pattern.compile("must not be blank|must be given"), "help.error.required"),
            new Rule(Pattern.compile("must be at most (\\d+) characters"), "help.error.tooLong"),
            new Rule(Pattern.compile("must not contain control characters"), "help.error.control"),
            new Rule(Pattern.compile("is not an email address"), "help.error.email"),
            new Rule(Pattern.compile("the file is empty"), "help.error.fileEmpty"),
            new Rule(Pattern.compile("only images.*"), "help.error.fileType"),
            new Rule(Pattern.compile("at most (\\d+) files per message"), "help.error.fileCount"));

    private final MessageSource messages;

    FieldMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** Form field → what is wrong with it, in the reader's language; the first problem per field. */
    Map<String, String> describe(InvalidInput invalid, Map<String, String> fields, Locale locale) {
        Map<String, String> described = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            described.putIfAbsent(formField(error.field(), fields), explain(error.message(), locale));
        }
        return described;
    }

    /** A message from the bundles, in the reader's language. */
    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** Why the desk refused, in the reader's language; a refusal without words of its own gets general ones. */
    String refusal(RuleViolation refused, Locale locale) {
        String general = text("help.error.refused", locale);
        return messages.getMessage("error." + refused.code(), refused.arguments().toArray(), general, locale);
    }

    static String formField(String field, Map<String, String> fields) {
        String name = field == null ? "" : field.replaceFirst("\\[\\d+]$", "");
        return fields.getOrDefault(name, GENERAL);
    }

    private String explain(String message, Locale locale) {
        String text = message == null ? "" : message;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                Object[] arguments = matcher.groupCount() > 0 ? new Object[] { matcher.group(1) } : new Object[0];
                return text(rule.key(), locale, arguments);
            }
        }
        return text("help.error.invalid", locale);
    }
}
