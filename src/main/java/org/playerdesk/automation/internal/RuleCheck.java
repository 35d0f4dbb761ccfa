package org.playerdesk.automation.internal;

import java.util.ArrayList;
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
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;

/**
 * Checks an event rule before it is stored, field by field ({@code name}, {@code trigger},
 * {@code conditions.types}, {@code actions[0].value}…), and answers it in its stored form: codes
 * checked, tags in lower case, blanks dropped.
 */
public final class RuleCheck {

    public static final int ACTIONS_MAX = 10;
    static final int LIST_MAX = 20;
    static final int WORD_MAX = 50;
    static final int NOTE_MAX = 2000;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");

    /** What the game offers to refer to: its staff, its canned replies, the VIP tiers. */
    public record Known(Set<UUID> staff, Set<UUID> cannedReplies, List<String> vipTiers) {
    }

    public record Checked(String name, RuleTrigger trigger, boolean enabled, RuleConditions conditions,
            List<RuleAction> actions) {
    }

    private RuleCheck() {
    }

    public static Checked check(RuleDraft draft, Known known) {
        FieldErrors errors = new FieldErrors();
        String name = errors.line("name", draft.name(), AutomationRule.NAME_MAX, true);
        RuleTrigger trigger = errors.code("trigger", draft.trigger(), RuleTrigger.class, null);
        RuleConditions c = draft.conditions();
        RuleConditions conditions = new RuleConditions(
                codes(errors, "conditions.channels", c.channels(), TicketChannel.class),
                codes(errors, "conditions.types", c.types(), TicketType.class),
                codes(errors, "conditions.priorities", c.priorities(), TicketPriority.class),
                codes(errors, "conditions.statuses", c.statuses(), TicketStatus.class),
                tags(errors, "conditions.tagsPresent", c.tagsPresent()),
                tags(errors, "conditions.tagsAbsent", c.tagsAbsent()),
                words(errors, c.words()),
                tiers(errors, c.vipTiers(), known.vipTiers()),
                hour(errors, "conditions.hourFrom", c.hourFrom()), hour(errors, "conditions.hourTo", c.hourTo()));
        if ((c.hourFrom() == null) != (c.hourTo() == null)) {
            errors.add(c.hourFrom() == null ? "conditions.hourFrom" : "conditions.hourTo",
                    "invalid.bothHours");
        }
        List<RuleAction> actions = new ArrayList<>();
        if (draft.actions().isEmpty()) {
            errors.add("actions", "invalid.noAction");
        } else if (draft.actions().size() > ACTIONS_MAX) {
            errors.add("actions", "invalid.tooMany", ACTIONS_MAX);
        } else {
            for (int i = 0; i < draft.actions().size(); i++) {
                RuleAction action = action(errors, "actions[" + i + "]", draft.actions().get(i), known);
                if (action != null) {
                    actions.add(action);
                }
            }
        }
        errors.throwIfAny();
        return new Checked(name, trigger, draft.enabled(), conditions, actions);
    }

    private static RuleAction action(FieldErrors errors, String field, RuleAction action, Known known) {
        RuleActionKind kind = errors.code(field + ".kind", action.kind(), RuleActionKind.class, null);
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
            case ADD_NOTE -> errors.text(valueField, value, NOTE_MAX, true);
            case NOTIFY_ASSIGNEE, NOTIFY_LEADS -> "";
        };
        return checked == null ? null : new RuleAction(kind.code(), checked);
    }

    private static <E extends Enum<E> & Coded> String code(FieldErrors errors, String field, String value,
            Class<E> type) {
        E parsed = errors.code(field, value, type, null);
        return parsed == null ? null : parsed.code();
    }

    private static String member(FieldErrors errors, String field, String value, Set<UUID> staff) {
        return id(errors, field, value, staff, "invalid.staff");
    }

    private static String id(FieldErrors errors, String field, String value, Set<UUID> known, String problem) {
        if (value.isEmpty()) {
            errors.add(field, "invalid.blank");
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
        errors.add(field, problem);
        return null;
    }

    private static String tag(FieldErrors errors, String field, String value) {
        String normal = value.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(normal).matches()) {
            errors.add(field, "invalid.tag", 40);
            return null;
        }
        return normal;
    }

    private static <E extends Enum<E> & Coded> List<String> codes(FieldErrors errors, String field,
            List<String> values, Class<E> type) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String code = code(errors, field, value.strip(), type);
            if (code != null && !checked.contains(code)) {
                checked.add(code);
            }
        }
        return checked;
    }

    private static List<String> tags(FieldErrors errors, String field, List<String> values) {
        if (values.size() > LIST_MAX) {
            errors.add(field, "invalid.tooMany", LIST_MAX);
            return List.of();
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

    private static List<String> words(FieldErrors errors, List<String> values) {
        if (values.size() > LIST_MAX) {
            errors.add("conditions.words", "invalid.tooMany", LIST_MAX);
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String word = value.strip();
            if (word.length() > WORD_MAX || Texts.hasForbiddenControl(word, false)) {
                errors.add("conditions.words", "invalid.word", WORD_MAX);
            } else if (!checked.contains(word)) {
                checked.add(word);
            }
        }
        return checked;
    }

    private static List<String> tiers(FieldErrors errors, List<String> values, List<String> tiers) {
        List<String> checked = new ArrayList<>();
        for (String value : values) {
            String tier = value.strip().toLowerCase(Locale.ROOT);
            if (!tiers.contains(tier)) {
                errors.add("conditions.vipTiers", "invalid.unknownCode", Texts.abbreviate(tier, 40),
                        String.join(", ", tiers));
            } else if (!checked.contains(tier)) {
                checked.add(tier);
            }
        }
        return checked;
    }

    private static Integer hour(FieldErrors errors, String field, Integer hour) {
        if (hour != null && (hour < 0 || hour > 23)) {
            errors.add(field, "invalid.range", 0, 23);
            return null;
        }
        return hour;
    }
}
