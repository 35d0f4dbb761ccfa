package org.playerdesk.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.sla.internal.DefaultPolicies;
import org.playerdesk.sla.internal.PolicyStore;
import org.playerdesk.sla.internal.SlaClocks;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level policies and business calendars of each game. A game gets the shipped
 * defaults (docs/service-levels.md) the first time its policies are asked for; after that they
 * are the operators' to change. Policies are ordered: the first that matches a ticket applies.
 */
@Service
@Transactional
public class SlaPolicies {

    private final PolicyStore store;
    private final DefaultPolicies defaults;
    private final PlayerProfiles profiles;
    private final Clock clock;
    private final ObjectProvider<SlaClocks> clocks;

    SlaPolicies(PolicyStore store, DefaultPolicies defaults, PlayerProfiles profiles, Clock clock,
            ObjectProvider<SlaClocks> clocks) {
        this.store = store;
        this.defaults = defaults;
        this.profiles = profiles;
        this.clock = clock;
        // the clocks need the policies to start a timer: the one cycle of this module, broken by
        // asking for the clocks only when needed
        this.clocks = clocks;
    }

    /** The game's policies in the order they are tried. */
    public List<PolicyView> policies(UUID gameId) {
        defaults.ensure(gameId);
        return store.policies(gameId);
    }

    public List<CalendarView> calendars(UUID gameId) {
        defaults.ensure(gameId);
        return store.calendars(gameId);
    }

    /** The VIP tier codes a policy may ask for, lowest first. */
    @Transactional(readOnly = true)
    public List<String> tiers() {
        return profiles.tierCodes();
    }

    /**
     * The first policy of the game matching the ticket; {@code tierRank} is the player's VIP tier
     * rank (0 the lowest). Empty when none matches.
     */
    public Optional<PolicyView> match(UUID gameId, TicketChannel channel, TicketType type, TicketPriority priority,
            int tierRank) {
        List<String> tiers = tiers();
        return policies(gameId).stream()
                .filter(p -> p.channel() == null || p.channel() == channel)
                .filter(p -> p.type() == null || p.type() == type)
                .filter(p -> p.priority() == null || p.priority() == priority)
                .filter(p -> p.minTier() == null || tiers.indexOf(p.minTier()) <= tierRank)
                .findFirst();
    }

    /** Whether any policy of the game asks for a VIP tier (then the player's tier must be known). */
    public boolean needsTier(UUID gameId) {
        return policies(gameId).stream().anyMatch(p -> p.minTier() != null);
    }

    public PolicyView addPolicy(UUID gameId, PolicyForm form) {
        defaults.ensure(gameId);
        return store.addPolicy(gameId, form, calendarIds(gameId), tiers(), clock.instant());
    }

    public PolicyView changePolicy(UUID gameId, UUID policyId, PolicyForm form) {
        return store.changePolicy(gameId, policyId, form, calendarIds(gameId), tiers(), clock.instant());
    }

    /** Running timers keep the targets they had; new ones match the remaining policies. */
    public void removePolicy(UUID gameId, UUID policyId) {
        store.removePolicy(gameId, policyId);
    }

    /** Moves a policy one place earlier ({@code up}) or later in its game's order. */
    public List<PolicyView> movePolicy(UUID gameId, UUID policyId, boolean up) {
        return store.move(gameId, policyId, up);
    }

    public CalendarView addCalendar(UUID gameId, CalendarForm form) {
        defaults.ensure(gameId);
        checkNameFree(gameId, null, form.name());
        return store.addCalendar(gameId, form, clock.instant());
    }

    public CalendarView changeCalendar(UUID gameId, UUID calendarId, CalendarForm form) {
        checkNameFree(gameId, calendarId, form.name());
        return store.changeCalendar(gameId, calendarId, form, clock.instant());
    }

    /** Refused while a policy uses the calendar. */
    public void removeCalendar(UUID gameId, UUID calendarId) {
        store.removeCalendar(gameId, calendarId);
    }

    /** Each service-level target of the ticket as it stands now (none when no policy matched it). */
    @Transactional(readOnly = true)
    public List<TimerView> timers(UUID ticketId) {
        return clocks.getObject().timersOf(ticketId, clock.instant());
    }

    /** The arithmetic of a stored calendar. */
    @Transactional(readOnly = true)
    public BusinessCalendar calendar(UUID calendarId) {
        return store.calendar(calendarId).orElseThrow(() -> new NotFoundException("calendar", calendarId));
    }

    private Set<UUID> calendarIds(UUID gameId) {
        return store.calendars(gameId).stream().map(CalendarView::id).collect(Collectors.toSet());
    }

    private void checkNameFree(UUID gameId, UUID self, String name) {
        if (name == null) {
            return;
        }
        List<CalendarView> same = new ArrayList<>(store.calendars(gameId));
        same.removeIf(c -> c.id().equals(self) || !c.name().equals(name.strip()));
        if (!same.isEmpty()) {
            throw new RuleViolation("sla.calendar.name-taken", "another calendar of this game has that name",
                    name.strip());
        }
    }
}
