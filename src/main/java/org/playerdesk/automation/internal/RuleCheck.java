package org.playerdesk.automation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RuleActionKind;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleDraft;
import org.playerdesk.automation.RuleTrigger;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.hibernate.validator.constraints.Range;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Checks an event rule before it is stored, field by field ({@code name}, {@code trigger},
 * {@code conditions.types}, {@code actions[0].value}…), and answers it in its stored form: codes
 * checked, tags in lower case, blanks dropped. The shape of the rule is stated as constraints on
 * {@link RuleShape}; what each code, tag, word and action refers to is checked here in code.
 */
public final class RuleCheck {

    public static final int ACTIONS_MAX = 10;
    static final int LIST_MAX = 20;
    static final int WORD_MAX = 50;
    static final int NOTE_MAX = 2000;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");
    /**
     * The fields in the order their errors are reported; the two hours of the day share a place,
     * so that "give both hours" follows what is wrong with either.
     */
    private static final List<String> ORDER = List.of("name", "trigger", "conditions.channels", "conditions.types",
            "conditions.priorities", "conditions.statuses", "conditions.tagsPresent", "conditions.tagsAbsent",
            "conditions.words", "conditions.vipTiers", "conditions.hours", "actions");

    /** What the game offers to refer to: its staff, its canned replies, the VIP tiers. */
    public record Known(Set<UUID> staff, Set<UUID> cannedReplies, List<String> vipTiers) {
    }

    public record Checked(String name, RuleTrigger trigger, boolean enabled, RuleConditions conditions,
            List<RuleAction> actions) {
    }

    /** An event rule's shape: a name on one line, a few tags and words, hours of the day, one to ten actions. */
    record RuleShape(
            @NotBlank(message = "{invalid.blank}") @Size(max = AutomationRule.NAME_MAX, message = "{invalid.tooLong}")
            @SingleLine String name,
            @Valid ConditionsShape conditions,
            @NotEmpty(message = "{invalid.noAction}") @Size(max = ACTIONS_MAX, message = "{invalid.tooMany}")
            List<RuleAction> actions) {
    }

    /** How many tags and words a rule may ask for, and the hours of the day (0 to 23) it holds in. */
    record ConditionsShape(
            @Size(max = LIST_MAX, message = "{invalid.tooMany}") List<String> tagsPresent,
            @Size(max = LIST_MAX, message = "{invalid.tooMany}") List<String> tagsAbsent,
            @Size(max = LIST_MAX, message = "{invalid.tooMany}") List<String> words,
            @Range(min = 0, max = 23, message = "{invalid.range.between}") Integer hourFrom,
            @Range(min = 0, max = 23, message = "{invalid.range.between}") Integer hourTo) {
    }

    /** The internal note an action adds: text of several lines. */
    record Note(
            @NotBlank(message = "{invalid.blank}") @Size(max = NOTE_MAX, message = "{invalid.tooLong}") @PlainText
            String value) {
    }

    private RuleCheck() {
    }

    public static Checked check(RuleDraft draft, Known known, InputValidation validation) {
        RuleConditions c = draft.conditions();
        String name = draft.name() == null || draft.name().isBlank() ? null : draft.name().strip();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new RuleShape(name,
                new ConditionsShape(c.tagsPresent(), c.tagsAbsent(), c.words(), c.hourFrom(), c.hourTo()),
                draft.actions())));
        RuleTrigger trigger = Codes.read("trigger", draft.trigger(), RuleTrigger.class, null, errors);
        RuleConditions conditions = new RuleConditions(
                codes(errors, "conditions.channels", c.channels(), TicketChannel.class),
                codes(errors, "conditions.types", c.types(), TicketType.class),
                codes(errors, "conditions.priorities", c.priorities(), TicketPriority.class),
                codes(errors, "conditions.statuses", c.statuses(), TicketStatus.class),
                tags(errors, "conditions.tagsPresent", c.tagsPresent()),
                tags(errors, "conditions.tagsAbsent", c.tagsAbsent()),
                words(errors, c.words()),
                tiers(errors, c.vipTiers(), known.vipTiers()),
                c.hourFrom(), c.hourTo());
        if ((c.hourFrom() == null) != (c.hourTo() == null)) {
            errors.add(new InvalidInput.FieldError(c.hourFrom() == null ? "conditions.hourFrom" : "conditions.hourTo",
                    "invalid.bothHours"));
        }
        List<RuleAction> actions = new ArrayList<>();
        if (!draft.actions().isEmpty() && draft.actions().size() <= ACTIONS_MAX) {
            for (int i = 0; i < draft.actions().size(); i++) {
                RuleAction action = action(errors, "actions[" + i + "]", draft.actions().get(i), known, validation);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RuleCheck::rank));
            throw new InvalidInput(errors);
        }
        return new Checked(name, trigger, draft.enabled(), conditions, actions);
    }

    private static int rank(InvalidInput.FieldError error) {
        String field = error.field().replaceFirst("\\[.*$", "")
                .replaceFirst("^conditions\\.hour(From|To)$", "conditions.hours");
        return ORDER.indexOf(field);
    }

    private static RuleAction action(List<InvalidInput.FieldError> errors, String field, RuleAction action,
            Known known, InputValidation validation) {
        RuleActionKind kind = Codes.read(field + ".kind", action.kind(), RuleActionKind.class, null, errors);
        if (kind == null) {
            return null;
        }
        String value = action.value() == null ? "" : action.value().strip();
        String valueField = field + ".value";
        String checked = switch (kind) {
            case SET_STATUS -> code(errors, valueField, value, TicketStatus.class);
            case SET_PRIORITY -> code(errors, valueField, value, TicketPriority.class);
            case SET_TYPE -> code(errors, valueField, value, TicketType.class);
            case ASSIGN -> value.isEmpty() ? "" : member(errors, valueField, value, known.staff());
            case NOTIFY_STAFF -> member(errors, valueField, value, known.staff());
            case ADD_TAG, REMOVE_TAG -> tag(errors, valueField, value);
            case CANNED_REPLY -> id(errors, valueField, value, known.cannedReplies(), "invalid.cannedReply");
            case ADD_NOTE -> note(errors, valueField, value, validation);
            case NOTIFY_ASSIGNEE, NOTIFY_LEADS -> "";
        };
        return checked == null ? null : new RuleAction(kind.code(), checked);
    }

    private static String note(List<InvalidInput.FieldError> errors, String field, String value,
            InputValidation validation) {
        List<InvalidInput.FieldError> found = validation.errors(new Note(value));
        found.forEach(e -> errors.add(new InvalidInput.FieldError(field, e.key(), e.arguments())));
        return found.isEmpty() ? value : null;
    }

    private static <E extends Enum<E> & Coded> String code(List<InvalidInput.FieldError> errors, String field,
            String value, Class<E> type) {
        E parsed = Codes.read(field, value, type, null, errors);
        return parsed == null ? null : parsed.code();
    }

    private static String member(List<InvalidInput.FieldError> errors, String field, String value, Set<UUID> staff) {
        return id(errors, field, value, staff, "invalid.staff");
    }

    private static String id(List<InvalidInput.FieldError> errors, String field, String value, Set<UUID> known,
            String problem) {
        if (value.isEmpty()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.blank"));
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (known.contains(id)) {
                return id.toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below, like an unknown id
        }
        errors.add(new InvalidInput.FieldError(field, problem));
        return null;
    }

    private static String tag(List<InvalidInput.FieldError> errors, String field, String value) {
        String normal = value.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(normal).matches()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tag", 40));
            return null;
        }
        return normal;
    }

    private static <E extends Enum<E> & Coded> List<String> codes(List<InvalidInput.FieldError> errors,
            String field, List<String> values, Class<E> type) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String code = code(errors, field, value.strip(), type);
            if (code != null && !checked.contains(code)) {
                checked.add(code);
            }
        }
        return checked;
    }

    private static List<String> tags(List<InvalidInput.FieldError> errors, String field, List<String> values) {
        if (values.size() > LIST_MAX) {
            return List.of(); // too many, as RuleShape says
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String tag = tag(errors, field, value.strip());
            if (tag != null && !checked.contains(tag)) {
                checked.add(tag);
            }
        }
        return checked;
    }

    // a word's length and its one line are one rule, with words of its own
    private static List<String> words(List<InvalidInput.FieldError> errors, List<String> values) {
        if (values.size() > LIST_MAX) {
            return List.of(); // too many, as RuleShape says
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String word = value.strip();
            if (word.length() > WORD_MAX || Texts.hasForbiddenControl(word, false)) {
                errors.add(new InvalidInput.FieldError("conditions.words", "invalid.word", WORD_MAX));
            } else if (!checked.contains(word)) {
                checked.add(word);
            }
        }
        return checked;
    }

    private static List<String> tiers(List<InvalidInput.FieldError> errors, List<String> values, List<String> tiers) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String tier = Codes.read("conditions.vipTiers", value.strip().toLowerCase(Locale.ROOT), tiers, null,
                    errors);
            if (tier != null && !checked.contains(tier)) {
                checked.add(tier);
            }
        }
        return checked;
    }
}
