package org.playerdesk.sla.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.sla.PolicyForm;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaAction;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A game's service-level policy; see {@link PolicyView}. */
@Entity
@Table(name = "sla_policy")
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
     * Checks the form field by field against the game's calendars and tiers, and takes it;
     * throws every bad field at once.
     */
    void change(PolicyForm form, Set<UUID> calendars, List<String> tiers, Instant now) {
        FieldErrors errors = new FieldErrors();
        String checkedName = errors.line("name", form.name(), NAME_MAX, true);
        TicketChannel ch = optional(errors, "channel", form.channel(), TicketChannel.class);
        TicketType type = optional(errors, "type", form.type(), TicketType.class);
        TicketPriority prio = optional(errors, "priority", form.priority(), TicketPriority.class);
        String tier = form.minTier() == null || form.minTier().isBlank() ? null : form.minTier().strip();
        if (tier != null && !tiers.contains(tier)) {
            errors.add("minTier", "invalid.unknownCode", org.playerdesk.system.validation.Texts.abbreviate(tier, 30),
                    String.join(", ", tiers));
        }
        Integer first = minutes(errors, "firstResponseMinutes", form.firstResponseMinutes());
        Integer next = minutes(errors, "nextResponseMinutes", form.nextResponseMinutes());
        Integer resolution = minutes(errors, "resolutionMinutes", form.resolutionMinutes());
        if (first == null && next == null && resolution == null && errors.isEmpty()) {
            errors.add("firstResponseMinutes", "invalid.sla.target");
        }
        int warning = 80;
        if (form.warningPercent() != null && !form.warningPercent().isBlank()) {
            try {
                warning = Integer.parseInt(form.warningPercent().strip());
                if (warning < 1 || warning > 99) {
                    errors.add("warningPercent", "invalid.range", 1, 99);
                }
            } catch (NumberFormatException e) {
                errors.add("warningPercent", "invalid.wholeNumber");
            }
        }
        UUID calendar = null;
        try {
            calendar = form.calendarId() == null || form.calendarId().isBlank() ? null
                    : UUID.fromString(form.calendarId().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (calendar == null || !calendars.contains(calendar)) {
            errors.add("calendarId", "invalid.calendar");
        }
        Set<SlaAction> atWarning = actions(errors, "warningActions", form.warningActions());
        Set<SlaAction> atBreach = actions(errors, "breachActions", form.breachActions());
        errors.throwIfAny();
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

    private static <E extends Enum<E> & Coded> E optional(FieldErrors errors, String field, String value,
            Class<E> type) {
        if (value == null || value.isBlank() || "any".equals(value.strip())) {
            return null;
        }
        return errors.code(field, value.strip(), type, null);
    }

    private static Integer minutes(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value.strip());
            if (minutes < 1 || minutes > MINUTES_MAX) {
                errors.add(field, "invalid.range", 1, MINUTES_MAX);
                return null;
            }
            return minutes;
        } catch (NumberFormatException e) {
            errors.add(field, "invalid.wholeNumber");
            return null;
        }
    }

    private static Set<SlaAction> actions(FieldErrors errors, String field, Set<String> codes) {
        Set<SlaAction> actions = EnumSet.noneOf(SlaAction.class);
        for (String code : codes) {
            SlaAction action = errors.code(field, code, SlaAction.class, null);
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
