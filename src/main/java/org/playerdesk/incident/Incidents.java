package org.playerdesk.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.incident.internal.Broadcasts;
import org.playerdesk.incident.internal.GroupingStore;
import org.playerdesk.incident.internal.Incident;
import org.playerdesk.incident.internal.IncidentLinks;
import org.playerdesk.incident.internal.IncidentRepository;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.hibernate.validator.constraints.Range;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Incidents of a game and their tickets: open one, link and unlink tickets (a ticket is in at most
 * one incident), confirm or dismiss what the storm grouping proposed, answer every linked ticket
 * at once, resolve them together, and the public notice players see while it is open. Callers
 * check who may do what; every command checks its input field by field and its rules.
 */
@Service
@Transactional
public class Incidents {

    public static final int PAGE_SIZE = 50;
    public static final int REPLY_MAX = 10_000;

    private final IncidentRepository incidents;
    private final IncidentLinks links;
    private final GroupingStore grouping;
    private final Broadcasts broadcasts;
    private final TicketQueries tickets;
    private final TicketDesk desk;
    private final GameCatalog games;
    private final MessageSource messages;
    private final InputValidation validation;
    private final Clock clock;

    Incidents(IncidentRepository incidents, IncidentLinks links, GroupingStore grouping, Broadcasts broadcasts,
            TicketQueries tickets, TicketDesk desk, GameCatalog games, MessageSource messages,
            InputValidation validation, Clock clock) {
        this.desk = desk;
        this.games = games;
        this.messages = messages;
        this.incidents = incidents;
        this.validation = validation;
        this.links = links;
        this.grouping = grouping;
        this.broadcasts = broadcasts;
        this.tickets = tickets;
        this.clock = clock;
    }

    public IncidentView open(UUID gameId, IncidentDraft draft, Actor by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (gameId == null) {
            errors.add(new InvalidInput.FieldError("game", "invalid.required"));
        }
        IncidentDraft checked = checked(draft, errors);
        Incident incident = incidents.save(Incident.opened(gameId, checked, by.id(), by.name(), clock.instant()));
        return view(incident);
    }

    public IncidentView edit(UUID incidentId, IncidentDraft draft) {
        IncidentDraft checked = checked(draft, new ArrayList<>());
        Incident incident = load(incidentId);
        incident.write(checked);
        return view(incident);
    }

    /** The draft tidied, when it and the errors found before are all right; every bad field at once otherwise. */
    private IncidentDraft checked(IncidentDraft draft, List<InvalidInput.FieldError> errors) {
        IncidentDraft tidied = draft == null ? new IncidentDraft(null, null, null, null, null) : draft.tidied();
        errors.addAll(validation.errors(tidied));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return tidied;
    }

    @Transactional(readOnly = true)
    public IncidentView get(UUID incidentId) {
        return view(load(incidentId));
    }

    /** Newest first, in the given games (null: all games), in the given statuses (empty: all). */
    @Transactional(readOnly = true)
    public Slice<IncidentView> list(Set<UUID> gameScope, Set<IncidentStatus> statuses, int page) {
        Set<IncidentStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.allOf(IncidentStatus.class)
                : statuses;
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        Slice<Incident> found = gameScope == null ? incidents.findForListAllGames(wanted, request)
                : gameScope.isEmpty() ? new org.springframework.data.domain.SliceImpl<>(List.of())
                : incidents.findForList(gameScope, wanted, request);
        return found.map(this::view);
    }

    /** The incidents of a game a ticket can still be linked to, newest first. */
    @Transactional(readOnly = true)
    public List<IncidentView> live(UUID gameId) {
        return incidents.findByGameIdInEither(gameId, IncidentStatus.PROPOSED, IncidentStatus.OPEN).stream()
                .map(this::view).toList();
    }

    /**
     * Links a ticket of the incident's game. Refused when the ticket is in another incident (the
     * lead unlinks it there first); a ticket the grouping proposed for this incident becomes linked.
     */
    public LinkedTicket link(UUID incidentId, UUID ticketId, Actor by) {
        Incident incident = load(incidentId);
        incident.requireLive();
        TicketView ticket = tickets.head(ticketId);
        if (!ticket.gameId().equals(incident.gameId())) {
            throw new RuleViolation("incident.ticket.other-game", "the ticket belongs to another game");
        }
        Instant now = clock.instant();
        Optional<LinkedTicket> existing = links.of(ticketId);
        boolean linked = false;
        if (existing.isEmpty()) {
            LinkState state = incident.status() == IncidentStatus.PROPOSED ? LinkState.PROPOSED : LinkState.LINKED;
            linked = links.link(ticketId, incidentId, state, by.name(), now);
            if (!linked) {
                existing = links.of(ticketId);
            }
        }
        if (existing.isPresent() && !existing.get().incidentId().equals(incidentId)) {
            throw new RuleViolation("incident.ticket.linked-elsewhere",
                    "ticket #" + ticket.number() + " is already linked to another incident", ticket.number());
        }
        if (existing.isPresent() && existing.get().state() == LinkState.PROPOSED
                && incident.status() == IncidentStatus.OPEN) {
            links.promote(ticketId, by.name(), now);
            linked = true;
        }
        if (linked) {
            // the ticket's own record says who linked it, as for every other change of it
            desk.recordInHistory(ticketId, by, messages.getMessage("incident.history.linked",
                    new Object[] {incident.title()}, Locales.supported(games.get(incident.gameId()).defaultLocale())));
        }
        return links.of(ticketId).orElseThrow();
    }

    public void unlink(UUID incidentId, UUID ticketId) {
        load(incidentId);
        if (links.unlink(ticketId, incidentId) == 0) {
            throw new NotFoundException("ticket of incident", ticketId);
        }
    }

    /** The incident a ticket is in, if any. */
    @Transactional(readOnly = true)
    public Optional<LinkedTicket> incidentOf(UUID ticketId) {
        return links.of(ticketId);
    }

    /** One page of the incident's tickets, in the order they were linked. */
    @Transactional(readOnly = true)
    public List<LinkedTicket> tickets(UUID incidentId, int page) {
        return links.page(incidentId, Math.max(page, 0), PAGE_SIZE);
    }

    /** A lead confirms a proposal: it is open, and every proposed ticket is linked. */
    public IncidentView confirm(UUID incidentId) {
        Incident incident = load(incidentId);
        incident.moveTo(IncidentStatus.OPEN, clock.instant());
        links.confirmAll(incidentId);
        return view(incident);
    }

    /** A lead dismisses a proposal: its tickets are free again, and it gathers no more reports. */
    public IncidentView dismiss(UUID incidentId) {
        Incident incident = load(incidentId);
        incident.moveTo(IncidentStatus.DISMISSED, clock.instant());
        links.dropAll(incidentId);
        return view(incident);
    }

    /**
     * The incident is over: its notice goes from the help center, and with {@code alsoTickets} every
     * linked ticket is resolved in the background; answers that run's id (null without).
     */
    public UUID resolve(UUID incidentId, boolean alsoTickets, Actor by) {
        Incident incident = load(incidentId);
        incident.moveTo(IncidentStatus.RESOLVED, clock.instant());
        return alsoTickets ? broadcasts.start(incidentId, BroadcastView.Kind.RESOLVE, null, false, by) : null;
    }

    public IncidentView reopen(UUID incidentId) {
        Incident incident = load(incidentId);
        incident.moveTo(IncidentStatus.OPEN, clock.instant());
        return view(incident);
    }

    /**
     * One public reply for every ticket linked to the incident now, optionally resolving them;
     * delivered in the background. Answers the run's id, whose progress {@link #broadcast} shows.
     */
    public UUID replyToAll(UUID incidentId, String body, boolean resolve, Actor by) {
        String text = validation.check(ReplyToAll.of(body)).message();
        Incident incident = load(incidentId);
        if (incident.status() == IncidentStatus.PROPOSED) {
            throw new RuleViolation("incident.unconfirmed", "confirm the proposed incident before replying to its tickets");
        }
        if (incident.status() == IncidentStatus.DISMISSED) {
            throw new RuleViolation("incident.finished", "a dismissed incident has no tickets", "dismissed");
        }
        return broadcasts.start(incidentId, BroadcastView.Kind.REPLY, text, resolve, by);
    }

    @Transactional(readOnly = true)
    public BroadcastView broadcast(UUID broadcastId) {
        return broadcasts.view(broadcastId).orElseThrow(() -> new NotFoundException("broadcast", broadcastId));
    }

    @Transactional(readOnly = true)
    public List<BroadcastView> broadcasts(UUID incidentId) {
        return broadcasts.of(incidentId);
    }

    /** The public notices of a game's open incidents, in the reader's language (or the other one). */
    @Transactional(readOnly = true)
    public List<HelpNotice> notices(UUID gameId, Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return incidents.findByGameIdAndStatusOrderByCreatedAtDesc(gameId, IncidentStatus.OPEN).stream()
                .filter(i -> i.view(0, 0).hasNotice())
                .map(i -> new HelpNotice(i.getId(), pick(english ? i.noticeEn() : i.noticeZh(),
                        english ? i.noticeZh() : i.noticeEn()), i.confirmedAt()))
                .toList();
    }

    /**
     * A short text that changes whenever {@link #notices} may answer otherwise for the game (an
     * incident opened, edited or closed), made of the open incidents' ids and versions only.
     */
    @Transactional(readOnly = true)
    public String noticesStamp(UUID gameId) {
        StringBuilder stamp = new StringBuilder();
        for (Object[] idAndVersion : incidents.findVersions(gameId, IncidentStatus.OPEN)) {
            stamp.append(idAndVersion[0]).append(':').append(idAndVersion[1]).append(';');
        }
        return stamp.toString();
    }

    @Transactional(readOnly = true)
    public GroupingSettings grouping(UUID gameId) {
        return grouping.settings(gameId);
    }

    /** A game's grouping: window 1 minute to 24 hours, threshold 2 to 100,000 reports. */
    public GroupingSettings configureGrouping(UUID gameId, boolean enabled, String windowMinutes, String threshold) {
        GroupingInput input = validation.check(GroupingInput.of(windowMinutes, threshold));
        GroupingSettings settings = new GroupingSettings(enabled, input.windowMinutes(), input.threshold());
        grouping.save(gameId, settings);
        return settings;
    }

    /** The one reply sent to every linked ticket. */
    record ReplyToAll(@NotBlank(message = "{invalid.blank}") @Size(max = REPLY_MAX, message = "{invalid.tooLong}")
            @PlainText String message) {

        static ReplyToAll of(String message) {
            return new ReplyToAll(message == null || message.isBlank() ? null : message.strip());
        }
    }

    /**
     * Grouping's numbers; a number outside its range is refused, and so is a text that is no whole
     * number (read as {@link #NOT_A_NUMBER}, outside every range), with the same words.
     */
    record GroupingInput(
            @Range(min = 1, max = GroupingSettings.WINDOW_MAX, message = "{invalid.range.between}") int windowMinutes,
            @Range(min = GroupingSettings.THRESHOLD_MIN, max = GroupingSettings.THRESHOLD_MAX,
                    message = "{invalid.range.between}") int threshold) {

        static final int NOT_A_NUMBER = -1;

        static GroupingInput of(String windowMinutes, String threshold) {
            return new GroupingInput(number(windowMinutes), number(threshold));
        }

        private static int number(String value) {
            try {
                return value == null ? NOT_A_NUMBER : Integer.parseInt(value.strip());
            } catch (NumberFormatException notANumber) {
                return NOT_A_NUMBER;
            }
        }
    }

    private static String pick(String wanted, String other) {
        return wanted != null && !wanted.isBlank() ? wanted : other;
    }

    private Incident load(UUID incidentId) {
        return incidents.findById(incidentId).orElseThrow(() -> new NotFoundException("incident", incidentId));
    }

    private IncidentView view(Incident incident) {
        Map<LinkState, Long> counts = links.counts(incident.getId());
        return incident.view(counts.get(LinkState.LINKED), counts.get(LinkState.PROPOSED));
    }

}
