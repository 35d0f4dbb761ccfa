package org.playerdesk.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.sla.BusinessCalendar;
import org.playerdesk.sla.CalendarForm;
import org.playerdesk.sla.CalendarView;
import org.playerdesk.sla.PolicyForm;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.system.cache.ReferenceMap;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored policies and calendars; each change checked by the entity it changes. */
@Component
@Transactional
public class PolicyStore {

    static final int POLICIES_MAX = 50;
    static final int CALENDARS_MAX = 20;

    /** How long a change another node makes may go unseen in {@link #policies}. */
    static final Duration KEEP = Duration.ofSeconds(5);

    private final SlaPolicyRepository policies;
    private final SlaCalendarRepository calendars;
    private final InputValidation validation;
    /**
     * Each game's policies as last read, kept in memory: every new ticket and every change of one
     * matches them (twice: whether a VIP tier matters, then which policy), so they are not read
     * from the database each time. Forgotten whenever a policy changes.
     */
    private final ReferenceMap<UUID, List<PolicyView>> kept;
    /**
     * Each calendar's arithmetic as last read: every change of a ticket's clocks needs the calendars
     * of its timers, and reading one parses its hours and dates. Forgotten whenever a calendar changes.
     */
    private final ReferenceMap<UUID, BusinessCalendar> keptCalendars;

    PolicyStore(SlaPolicyRepository policies, SlaCalendarRepository calendars, InputValidation validation,
            ReferenceData referenceData) {
        this.policies = policies;
        this.calendars = calendars;
        this.validation = validation;
        this.kept = referenceData.map(SlaPolicy.class, KEEP);
        this.keptCalendars = referenceData.map(SlaCalendar.class, KEEP);
    }

    @Transactional(readOnly = true)
    public List<PolicyView> policies(UUID gameId) {
        return kept.get(gameId, game -> policies.findByGameIdOrderByPositionAsc(game).stream().map(SlaPolicy::view).toList());
    }

    @Transactional(readOnly = true)
    public List<CalendarView> calendars(UUID gameId) {
        return calendars.findByGameIdOrderByNameAsc(gameId).stream().map(SlaCalendar::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<BusinessCalendar> calendar(UUID calendarId) {
        // a calendar not found is not kept: it may be another node's, not yet committed
        return Optional.ofNullable(keptCalendars.get(calendarId,
                id -> calendars.findById(id).map(SlaCalendar::calendar).orElse(null)));
    }

    public PolicyView addPolicy(UUID gameId, PolicyForm form, Set<UUID> calendarIds, List<String> tiers,
            Instant now) {
        List<SlaPolicy> existing = policies.findByGameIdOrderByPositionAsc(gameId);
        if (existing.size() >= POLICIES_MAX) {
            throw new RuleViolation("sla.policy.too-many", "a game has at most " + POLICIES_MAX + " policies",
                    POLICIES_MAX);
        }
        SlaPolicy policy = new SlaPolicy(gameId, existing.isEmpty() ? 1 : existing.getLast().position() + 1);
        policy.change(form, calendarIds, tiers, validation, now);
        return policies.save(policy).view();
    }

    public PolicyView changePolicy(UUID gameId, UUID policyId, PolicyForm form, Set<UUID> calendarIds,
            List<String> tiers, Instant now) {
        SlaPolicy policy = policy(gameId, policyId);
        policy.change(form, calendarIds, tiers, validation, now);
        return policy.view();
    }

    public void removePolicy(UUID gameId, UUID policyId) {
        policies.delete(policy(gameId, policyId));
    }

    public List<PolicyView> move(UUID gameId, UUID policyId, boolean up) {
        List<SlaPolicy> ordered = new ArrayList<>(policies.findByGameIdOrderByPositionAsc(gameId));
        SlaPolicy moving = policy(gameId, policyId);
        int at = ordered.indexOf(moving);
        int to = up ? at - 1 : at + 1;
        if (to >= 0 && to < ordered.size()) {
            ordered.remove(at);
            ordered.add(to, moving);
        }
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo(i + 1);
        }
        return ordered.stream().map(SlaPolicy::view).toList();
    }

    public CalendarView addCalendar(UUID gameId, CalendarForm form, Instant now) {
        if (calendars.findByGameIdOrderByNameAsc(gameId).size() >= CALENDARS_MAX) {
            throw new RuleViolation("sla.calendar.too-many", "a game has at most " + CALENDARS_MAX + " calendars",
                    CALENDARS_MAX);
        }
        SlaCalendar calendar = new SlaCalendar(gameId);
        calendar.change(form, validation, now);
        return calendars.save(calendar).view();
    }

    public CalendarView changeCalendar(UUID gameId, UUID calendarId, CalendarForm form, Instant now) {
        SlaCalendar calendar = calendarOf(gameId, calendarId);
        calendar.change(form, validation, now);
        return calendar.view();
    }

    public void removeCalendar(UUID gameId, UUID calendarId) {
        SlaCalendar calendar = calendarOf(gameId, calendarId);
        if (policies.existsByCalendarId(calendarId)) {
            throw new RuleViolation("sla.calendar.in-use", "a policy uses this calendar", calendar.name());
        }
        calendars.delete(calendar);
    }

    private SlaPolicy policy(UUID gameId, UUID policyId) {
        return policies.findById(policyId).filter(p -> p.gameId().equals(gameId))
                .orElseThrow(() -> new NotFoundException("policy", policyId));
    }

    private SlaCalendar calendarOf(UUID gameId, UUID calendarId) {
        return calendars.findById(calendarId).filter(c -> c.gameId().equals(gameId))
                .orElseThrow(() -> new NotFoundException("calendar", calendarId));
    }
}
