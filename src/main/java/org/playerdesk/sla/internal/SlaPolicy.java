package org.playerdesk.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.sla.PolicyForm;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaAction;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.hibernate.validator.constraints.Range;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A game's service-level policy; see {@link PolicyView}. */
@Entity
@Table(name = "sla_policy")
@EntityListeners(ReferenceData.Changes.class)
public class SlaPolicy extends StoredEntity {

    static final int NAME_MAX = 60;
    /** A month of round-the-clock minutes: longer targets are typing mistakes. */
    static final int MINUTES_MAX = 60 * 24 * 31;

    private UUID gameId;
    private int position;
    private String name;
    private String channel;
    private String ticketType;
    private String priority;
    private String minTier;
    private Integer firstResponseMinutes;
    private Integer nextResponseMinutes;
    private Integer resolutionMinutes;
    private int warningPercent;
    private UUID calendarId;
    @Column(name = "warning_actions")
    private String warningActions;
    @Column(name = "breach_actions")
    private String breachActions;
    private Instant updatedAt;

    protected SlaPolicy() {
    }

    SlaPolicy(UUID gameId, int position) {
        this.gameId = gameId;
        this.position = position;
    }

    public UUID gameId() {
        return gameId;
    }

    int position() {
        return position;
    }

    void moveTo(int position) {
        this.position = position;
    }

    /**
     * A policy's form with each text tidied (no blanks around it, an empty one as none) and its
     * numbers read, its fields in the order their errors are reported: the shape of each. The
     * codes, the tier, the calendar and that at least one target is set are checked in code.
     */
    record PolicyInput(
            @NotBlank(message = "{invalid.blank}") @Size(max = NAME_MAX, message = "{invalid.tooLong}") @SingleLine
            String name,
            String channel, String type, String priority, String minTier,
            @Range(min = 1, max = MINUTES_MAX, message = "{invalid.range.between}") Integer firstResponseMinutes,
            @Range(min = 1, max = MINUTES_MAX, message = "{invalid.range.between}") Integer nextResponseMinutes,
            @Range(min = 1, max = MINUTES_MAX, message = "{invalid.range.between}") Integer resolutionMinutes,
            @Range(min = 1, max = 99, message = "{invalid.range.between}") Integer warningPercent,
            String calendarId, Set<String> warningActions, Set<String> breachActions) {
    }

    /**
     * Checks the form field by field against the game's calendars and tiers, and takes it;
     * throws every bad field at once.
     */
    void change(PolicyForm form, Set<UUID> calendars, List<String> tiers, InputValidation validation, Instant now) {
        String checkedName = tidy(form.name());
        String tier = tidy(form.minTier());
        List<InvalidInput.FieldError> unreadable = new ArrayList<>();
        Integer first = number(unreadable, "firstResponseMinutes", form.firstResponseMinutes());
        Integer next = number(unreadable, "nextResponseMinutes", form.nextResponseMinutes());
        Integer resolution = number(unreadable, "resolutionMinutes", form.resolutionMinutes());
        Integer percent = number(unreadable, "warningPercent", form.warningPercent());
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new PolicyInput(checkedName,
                form.channel(), form.type(), form.priority(), tier, first, next, resolution, percent,
                form.calendarId(), form.warningActions(), form.breachActions())));
        errors.addAll(unreadable);
        TicketChannel ch = optional(errors, "channel", form.channel(), TicketChannel.class);
        TicketType type = optional(errors, "type", form.type(), TicketType.class);
        TicketPriority prio = optional(errors, "priority", form.priority(), TicketPriority.class);
        if (tier != null) {
            Codes.read("minTier", tier, tiers, null, errors);
        }
        // a target is asked for only when nothing above it on the form is wrong: a target typed
        // wrongly is reported as that, not as a missing one
        if (first == null && next == null && resolution == null
                && errors.stream().allMatch(e -> e.field().equals("warningPercent"))) {
            errors.add(new InvalidInput.FieldError("firstResponseMinutes", "invalid.sla.target"));
        }
        int warning = percent == null ? 80 : percent;
        UUID calendar = null;
        try {
            calendar = form.calendarId() == null || form.calendarId().isBlank() ? null
                    : UUID.fromString(form.calendarId().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (calendar == null || !calendars.contains(calendar)) {
            errors.add(new InvalidInput.FieldError("calendarId", "invalid.calendar"));
        }
        Set<SlaAction> atWarning = actions(errors, "warningActions", form.warningActions());
        Set<SlaAction> atBreach = actions(errors, "breachActions", form.breachActions());
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(PolicyInput.class, errors));
        }
        this.name = checkedName;
        this.channel = ch == null ? null : ch.code();
        this.ticketType = type == null ? null : type.code();
        this.priority = prio == null ? null : prio.code();
        this.minTier = tier;
        this.firstResponseMinutes = first;
        this.nextResponseMinutes = next;
        this.resolutionMinutes = resolution;
        this.warningPercent = warning;
        this.calendarId = calendar;
        this.warningActions = codes(atWarning);
        this.breachActions = codes(atBreach);
        this.updatedAt = now;
    }

    public PolicyView view() {
        return new PolicyView(getId(), gameId, position, name, coded(TicketChannel.class, channel),
                coded(TicketType.class, ticketType), coded(TicketPriority.class, priority), minTier,
                firstResponseMinutes, nextResponseMinutes, resolutionMinutes, warningPercent, calendarId,
                parse(warningActions), parse(breachActions));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E> & Coded> E optional(List<InvalidInput.FieldError> errors, String field,
            String value, Class<E> type) {
        if (value == null || value.isBlank() || "any".equals(value.strip())) {
            return null;
        }
        return Codes.read(field, value.strip(), type, null, errors);
    }

    /** A whole number as typed (blank: none); one that is not is reported under its field. */
    private static Integer number(List<InvalidInput.FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new InvalidInput.FieldError(field, "invalid.wholeNumber"));
            return null;
        }
    }

    private static Set<SlaAction> actions(List<InvalidInput.FieldError> errors, String field, Set<String> codes) {
        Set<SlaAction> actions = EnumSet.noneOf(SlaAction.class);
        for (String code : codes) {
            SlaAction action = Codes.read(field, code, SlaAction.class, null, errors);
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    static String codes(Set<SlaAction> actions) {
        return actions.stream().map(SlaAction::code).sorted().collect(Collectors.joining(","));
    }

    static Set<SlaAction> parse(String codes) {
        Set<SlaAction> actions = EnumSet.noneOf(SlaAction.class);
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(c -> coded(SlaAction.class, c.strip())).filter(a -> a != null)
                    .forEach(actions::add);
        }
        return actions;
    }

    private static <E extends Enum<E> & Coded> E coded(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        return null;
    }
}
