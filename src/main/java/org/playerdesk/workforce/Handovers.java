package org.playerdesk.workforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatView;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.workforce.HandoverEvents.HandoverSettled;
import org.playerdesk.workforce.HandoverItem.Disposition;
import org.playerdesk.workforce.HandoverItem.Kind;
import org.playerdesk.workforce.internal.handover.HandoverRecords;
import org.playerdesk.workforce.internal.handover.HandoverSettings;
import org.playerdesk.workforce.internal.handover.OpenWork;
import org.playerdesk.workforce.internal.handover.ShiftLog;
import org.playerdesk.workforce.internal.handover.ShiftTimes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Size;

/**
 * Shift handover (交接班, seed 004): the outgoing agent's handover form, pre-filled with their
 * unresolved work, written and submitted to the incoming shift (tickets and live chats handed to
 * named incoming agents or given back to routing as it is submitted); the incoming agents
 * acknowledge it item by item; a lead may release the outgoing agent instead; a handover not
 * acknowledged within the window alerts the on-duty lead; a settled handover's shift log goes to
 * the next shift, the team leads and the supervisors. Each command is stored whole or not at all.
 * <p>
 * Until their handover is acknowledged or released the outgoing agent is waiting for handover
 * ({@link #waitingFor}): 接班人未到岗，交班人不得离台.
 */
@Service
@Transactional
@EnableConfigurationProperties(HandoverSettings.class)
public class Handovers {

    /** The refusal code (words: {@code error.handover.waiting}) for an agent who may not leave yet. */
    public static final String WAITING = "handover.waiting";
    public static final int REASON_MAX = 500;
    public static final int SEARCH_MAX = 50;
    private static final Duration NO_ROSTER_SHIFT = Duration.ofHours(8);

    record ReleaseForm(@Size(max = REASON_MAX, message = "{invalid.tooLong}") @SingleLine String reason) {
    }

    private final HandoverRecords records;
    private final OpenWork work;
    private final ShiftTimes shifts;
    private final ShiftLog shiftLog;
    private final StaffDirectory staff;
    private final Teams teams;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final ChatSeats chats;
    private final Notifications notifications;
    private final AuditLog audit;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final HandoverSettings settings;
    private final Clock clock;

    Handovers(HandoverRecords records, OpenWork work, ShiftTimes shifts, ShiftLog shiftLog, StaffDirectory staff,
            Teams teams, TicketDesk desk, TicketQueries tickets, ChatSeats chats, Notifications notifications,
            AuditLog audit, InputValidation validation, ApplicationEventPublisher events, HandoverSettings settings,
            Clock clock) {
        this.records = records;
        this.work = work;
        this.shifts = shifts;
        this.shiftLog = shiftLog;
        this.staff = staff;
        this.teams = teams;
        this.desk = desk;
        this.tickets = tickets;
        this.chats = chats;
        this.notifications = notifications;
        this.audit = audit;
        this.validation = validation;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the rule presence asks

    /**
     * Whether the agent has submitted a handover that is neither acknowledged nor released: such
     * an agent is "waiting for handover" and may not set themselves unavailable.
     */
    @Transactional(readOnly = true)
    public boolean waitingFor(UUID staffId) {
        return records.awaitingOf(staffId).isPresent();
    }

    /** Refuses ({@link #WAITING}) while the agent is waiting for handover; for presence's check before leaving. */
    @Transactional(readOnly = true)
    public void requireFreeToLeave(UUID staffId) {
        if (waitingFor(staffId)) {
            throw new RuleViolation(WAITING, "waiting for the handover to be acknowledged or released");
        }
    }

    // ---------------------------------------------------------------- reads

    /** The agent's draft, if they started one. */
    @Transactional(readOnly = true)
    public Optional<HandoverView> draftOf(UUID staffId) {
        return records.draftOf(staffId).flatMap(records::view);
    }

    /** The agent's submitted handover waiting to be acknowledged, if any. */
    @Transactional(readOnly = true)
    public Optional<HandoverView> awaitingOf(UUID staffId) {
        return records.awaitingOf(staffId).flatMap(records::view);
    }

    /** Handovers addressed to this incoming agent and waiting for them, oldest first. */
    @Transactional(readOnly = true)
    public List<HandoverView> addressedTo(UUID staffId) {
        return records.views(records.awaitingAddressedTo(staffId));
    }

    /** Handovers waiting to be acknowledged of the people this member leads (not their own), the earliest due first. */
    @Transactional(readOnly = true)
    public List<HandoverView> awaitingLedBy(StaffMember lead) {
        Set<UUID> led = ledPeople(lead);
        return records.views(records.awaitingOfAny(led)).stream()
                .filter(h -> !h.outgoingId().equals(lead.id())).toList();
    }

    /** A handover its outgoing agent, its incoming agents and the outgoing agent's leads may read; others: not found. */
    @Transactional(readOnly = true)
    public HandoverView get(UUID handoverId, StaffMember reader) {
        HandoverView handover = records.view(handoverId).orElseThrow(() -> new NotFoundException("handover",
                handoverId));
        boolean own = handover.outgoingId().equals(reader.id());
        if (!own && (handover.state() == HandoverState.DRAFT || !handover.addressedTo(reader.id())
                && !teams.leads(reader, handover.outgoingId()))) {
            throw new NotFoundException("handover", handoverId);
        }
        return handover;
    }

    /**
     * The shift log: handovers past their draft that the reader may read, newest first, whose
     * notes, items or outgoing agent's name hold {@code words} (blank: all), at most {@link #SEARCH_MAX}.
     */
    @Transactional(readOnly = true)
    public List<HandoverView> search(String words, StaffMember reader) {
        String text = words == null ? "" : words.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<UUID> named = text.isEmpty() ? List.of() : staff.all().stream()
                .filter(m -> m.displayName().toLowerCase(java.util.Locale.ROOT).contains(lower))
                .map(StaffMember::id).toList();
        return records.views(records.search(ledPeople(reader), reader.id(), text, named, SEARCH_MAX));
    }

    /**
     * Who the outgoing agent may address a handover to and hand items to: enabled colleagues who
     * work tickets, in their teams or serving one of their games, by name.
     */
    @Transactional(readOnly = true)
    public List<HandoverView.Person> colleagues(StaffMember outgoing) {
        Map<UUID, StaffMember> found = new HashMap<>();
        Set<UUID> teamPeople = new HashSet<>();
        teams.of(outgoing.id()).forEach(t -> teamPeople.addAll(t.people()));
        staff.byIds(teamPeople).forEach(found::put);
        Collection<StaffMember> serving = outgoing.role().seesAllGames() ? staff.all()
                : outgoing.gameIds().stream().flatMap(g -> staff.servingGame(g).stream()).toList();
        serving.forEach(m -> found.put(m.id(), m));
        return found.values().stream().filter(StaffMember::enabled).filter(m -> m.can(Permission.WORK_TICKETS))
                .filter(m -> !m.id().equals(outgoing.id()))
                .sorted(java.util.Comparator.comparing(StaffMember::displayName).thenComparing(StaffMember::id))
                .map(m -> new HandoverView.Person(m.id(), m.displayName())).toList();
    }

    // ---------------------------------------------------------------- the outgoing agent

    /**
     * Opens the agent's handover form: their draft, its items brought up to date with their
     * unresolved work now (new items added, resolved ones gone, notes kept), or a new draft
     * pre-filled and addressed to the agents of the following shift.
     */
    public HandoverView openDraft(StaffMember outgoing) {
        requireWorker(outgoing);
        if (waitingFor(outgoing.id())) {
            throw new RuleViolation("handover.pending", "the previous handover is still waiting");
        }
        Instant now = clock.instant();
        ShiftTimes.ShiftSpan shift = shifts.currentShift(outgoing.id(), now).orElse(null);
        Optional<UUID> existing = records.draftOf(outgoing.id());
        UUID id;
        if (existing.isPresent()) {
            id = existing.get();
            records.updateShift(id, shift);
        } else {
            id = records.insertDraft(outgoing.id(), shift, now);
            if (shift != null) {
                records.replaceRecipients(id, shifts.incoming(outgoing.id(), shift.end()));
            }
        }
        Instant horizon = shift == null ? now.plus(NO_ROSTER_SHIFT)
                : shift.end().plus(Duration.between(shift.start(), shift.end()));
        List<OpenWork.Listed> listed = work.of(outgoing, horizon);
        Map<String, HandoverItem> kept = new HashMap<>();
        records.view(id).orElseThrow().items().forEach(i -> kept.put(i.kind().code() + ":" + i.refId(), i));
        int position = 0;
        for (OpenWork.Listed item : listed) {
            HandoverItem before = kept.remove(item.kind().code() + ":" + item.refId());
            if (before == null) {
                records.addItem(id, position, item);
            } else {
                records.relistItem(before.id(), position, item);
            }
            position++;
        }
        kept.values().forEach(gone -> records.removeItem(gone.id()));
        return records.view(id).orElseThrow();
    }

    /** Keeps what the outgoing agent wrote on the form, without submitting it. */
    public HandoverView save(UUID handoverId, HandoverForm form, StaffMember outgoing) {
        HandoverView draft = ownDraft(handoverId, outgoing);
        write(draft, form, outgoing, false);
        return records.view(handoverId).orElseThrow();
    }

    /**
     * Submits the handover to the incoming shift: what the form says is kept, tickets and live
     * chats go where it says (a ticket still held by the outgoing agent to the named agent or
     * back to routing; a live chat still theirs to the named agent, who must have a free seat),
     * the incoming agents (and everyone an item was handed to) are told, and the outgoing agent
     * waits for handover until it is acknowledged, due by the end of the handover window.
     */
    public HandoverView submit(UUID handoverId, HandoverForm form, StaffMember outgoing) {
        HandoverView draft = ownDraft(handoverId, outgoing);
        List<HandoverItem> items = write(draft, form, outgoing, true);
        Actor actor = Actor.agent(outgoing.id(), outgoing.displayName());
        Set<UUID> activeChats = new HashSet<>(chats.active(outgoing).stream().map(ChatView::id).toList());
        Set<UUID> addressed = new LinkedHashSet<>(records.recipients(handoverId));
        for (HandoverItem item : items) {
            if (item.disposition() == Disposition.KEEP) {
                continue;
            }
            if (item.kind() == Kind.TICKET && outgoing.id().equals(tickets.head(item.refId()).assigneeId())) {
                desk.assign(item.refId(), item.disposition() == Disposition.ASSIGN ? item.targetId() : null, actor);
            } else if (item.kind() == Kind.CHAT && activeChats.contains(item.refId())) {
                chats.transfer(item.refId(), outgoing, item.targetId());
            }
            if (item.targetId() != null) {
                addressed.add(item.targetId());
            }
        }
        records.replaceRecipients(handoverId, addressed);
        Instant now = clock.instant();
        Instant start = draft.shiftEnd() == null || draft.shiftEnd().isBefore(now) ? now : draft.shiftEnd();
        if (!records.submit(handoverId, now, start.plus(settings.acknowledgeWithin()))) {
            throw new RuleViolation("handover.notDraft", "the handover was submitted already");
        }
        notifications.send(addressed, new Notice("handover.submitted", "handover.notice.incoming",
                List.of(outgoing.displayName(), String.valueOf(items.size())), "/console/handover", null));
        return records.view(handoverId).orElseThrow();
    }

    // ---------------------------------------------------------------- the incoming agents and the lead

    /** An incoming agent acknowledges one item; the last one acknowledged settles the handover. */
    public HandoverView acknowledge(UUID handoverId, UUID itemId, StaffMember incoming) {
        HandoverView handover = awaiting(handoverId, incoming);
        if (handover.items().stream().noneMatch(i -> i.id().equals(itemId))) {
            throw new NotFoundException("handover item", itemId);
        }
        Instant now = clock.instant();
        records.acknowledgeItem(handoverId, itemId, incoming.id(), now);
        settleIfAcknowledged(handoverId, incoming, now);
        return records.view(handoverId).orElseThrow();
    }

    /** An incoming agent acknowledges every item not yet acknowledged, and with them the handover. */
    public HandoverView acknowledgeAll(UUID handoverId, StaffMember incoming) {
        awaiting(handoverId, incoming);
        Instant now = clock.instant();
        records.acknowledgeItems(handoverId, incoming.id(), now);
        settleIfAcknowledged(handoverId, incoming, now);
        return records.view(handoverId).orElseThrow();
    }

    /**
     * A lead of the outgoing agent (their team's lead, a supervisor, an administrator; never the
     * agent themselves) releases them from waiting: the handover is settled without every
     * acknowledgement, and the shift log goes out. Audited.
     */
    public HandoverView release(UUID handoverId, String reason, StaffMember lead) {
        HandoverView handover = records.view(handoverId).orElseThrow(() -> new NotFoundException("handover",
                handoverId));
        if (lead.id().equals(handover.outgoingId()) || !teams.leads(lead, handover.outgoingId())) {
            throw new AccessDeniedException("only a lead of the outgoing agent releases them");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        validation.check(new ReleaseForm(why));
        if (!records.settleReleased(handoverId, lead.id(), why, clock.instant())) {
            throw new RuleViolation("handover.settled", "the handover is not waiting");
        }
        audit.record(lead, null, "handover.release", "handover", handoverId.toString(),
                handover.outgoingName() + (why == null ? "" : ": " + why));
        settled(handoverId);
        return records.view(handoverId).orElseThrow();
    }

    /**
     * Alerts the on-duty lead of each submitted handover not acknowledged by its due time, once
     * (each is claimed by a conditional update, so several nodes sweeping at once alert once);
     * answers how many were alerted. Run every {@code playerdesk.workforce.handover.sweep-interval}.
     */
    public int alertOverdue() {
        Instant now = clock.instant();
        int alerted = 0;
        for (UUID id : records.pastDue(now, 100)) {
            if (!records.claimOverdue(id, now)) {
                continue;
            }
            HandoverView handover = records.view(id).orElseThrow();
            // who led the shift being handed over (its 值班长), asked as of its last moment
            Instant asOf = handover.shiftEnd() == null ? now : handover.shiftEnd().minusMillis(1);
            notifications.send(shifts.onDutyLeads(handover.outgoingId(), asOf), new Notice("handover.overdue",
                    "handover.notice.overdue", List.of(handover.outgoingName(),
                            String.valueOf(handover.items().size() - handover.acknowledgedItems())),
                    ShiftLog.LINK + id, null));
            alerted++;
        }
        return alerted;
    }

    // ---------------------------------------------------------------- inside

    private void settleIfAcknowledged(UUID handoverId, StaffMember incoming, Instant now) {
        if (records.settleAcknowledged(handoverId, incoming.id(), now)) {
            settled(handoverId);
        }
    }

    private void settled(UUID handoverId) {
        HandoverView handover = records.view(handoverId).orElseThrow();
        shiftLog.announce(handover);
        events.publishEvent(new HandoverSettled(handoverId, handover.outgoingId(), handover.state(),
                clock.instant()));
    }

    private HandoverView awaiting(UUID handoverId, StaffMember incoming) {
        HandoverView handover = records.view(handoverId).orElseThrow(() -> new NotFoundException("handover",
                handoverId));
        if (!handover.addressedTo(incoming.id())) {
            throw new AccessDeniedException("only the incoming agents acknowledge a handover");
        }
        if (!handover.state().awaitingAcknowledgement()) {
            throw new RuleViolation("handover.settled", "the handover is not waiting");
        }
        return handover;
    }

    private HandoverView ownDraft(UUID handoverId, StaffMember outgoing) {
        requireWorker(outgoing);
        HandoverView handover = records.view(handoverId).orElseThrow(() -> new NotFoundException("handover",
                handoverId));
        if (!handover.outgoingId().equals(outgoing.id())) {
            throw new NotFoundException("handover", handoverId);
        }
        if (handover.state() != HandoverState.DRAFT) {
            throw new RuleViolation("handover.notDraft", "the handover was submitted already");
        }
        return handover;
    }

    /**
     * Checks the form whole (every bad field at once) and keeps it; answers the items as written.
     * When {@code submitting}, a live chat handed to an agent without a free seat is refused too.
     */
    private List<HandoverItem> write(HandoverView draft, HandoverForm form, StaffMember outgoing, boolean submitting) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Set<UUID> mentioned = new HashSet<>(form.incoming());
        form.items().forEach(c -> {
            if (c.target() != null) {
                mentioned.add(c.target());
            }
        });
        Map<UUID, StaffMember> people = staff.byIds(mentioned);
        List<UUID> incoming = form.incoming().stream().distinct().toList();
        if (incoming.stream().anyMatch(id -> !worker(people.get(id)) || id.equals(outgoing.id()))) {
            errors.add(new InvalidInput.FieldError("incoming", "invalid.staff.any"));
        }
        Map<UUID, HandoverItem> byId = new HashMap<>();
        draft.items().forEach(i -> byId.put(i.id(), i));
        Map<UUID, HandoverForm.ItemChoice> chosen = new HashMap<>();
        for (int n = 0; n < form.items().size(); n++) {
            HandoverForm.ItemChoice choice = form.items().get(n);
            String at = "items[" + n + "].";
            HandoverItem item = choice.itemId() == null ? null : byId.get(choice.itemId());
            if (item == null) {
                errors.add(new InvalidInput.FieldError(at + "itemId", "handover.invalid.item"));
                continue;
            }
            chosen.put(item.id(), choice);
            Disposition disposition = disposition(choice.disposition());
            if (disposition == null) {
                errors.add(new InvalidInput.FieldError(at + "disposition", "invalid.invalid"));
                continue;
            }
            if (disposition != Disposition.KEEP && !item.kind().movable()
                    || disposition == Disposition.ROUTING && !item.kind().routable()) {
                errors.add(new InvalidInput.FieldError(at + "disposition", "handover.invalid.notMovable"));
            }
            if (disposition == Disposition.ASSIGN) {
                StaffMember target = choice.target() == null ? null : people.get(choice.target());
                if (choice.target() == null) {
                    errors.add(new InvalidInput.FieldError(at + "target", "handover.invalid.noTarget"));
                } else if (!worker(target) || target.id().equals(outgoing.id())
                        || item.gameId() != null && !target.serves(item.gameId())) {
                    errors.add(new InvalidInput.FieldError(at + "target", "invalid.staff"));
                } else if (submitting && item.kind() == Kind.CHAT && !chats.seat(target).free()) {
                    errors.add(new InvalidInput.FieldError(at + "target", "handover.invalid.noSeat"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(HandoverForm.class, errors));
        }
        records.writeNotes(draft.id(), blankToNull(form.notes()), blankToNull(form.emergencies()));
        records.replaceRecipients(draft.id(), incoming);
        List<HandoverItem> written = new ArrayList<>();
        for (HandoverItem item : draft.items()) {
            HandoverForm.ItemChoice choice = chosen.get(item.id());
            String note = choice == null ? item.note() : blankToNull(choice.note());
            Disposition disposition = choice == null ? item.disposition() : disposition(choice.disposition());
            UUID target = disposition == Disposition.ASSIGN ? (choice == null ? item.targetId() : choice.target())
                    : null;
            records.writeItem(item.id(), note, disposition, target);
            written.add(new HandoverItem(item.id(), item.kind(), item.refId(), item.gameId(), item.label(),
                    item.detail(), item.dueAt(), item.link(), note, disposition, target, null, null, null, null));
        }
        return written;
    }

    private Set<UUID> ledPeople(StaffMember reader) {
        if (reader.role().leads()) {
            return null;
        }
        Set<UUID> led = new HashSet<>();
        led.add(reader.id());
        teams.ledBy(reader.id()).forEach(t -> led.addAll(t.people()));
        return led;
    }

    private static Disposition disposition(String code) {
        if (code == null || code.isBlank()) {
            return Disposition.KEEP;
        }
        for (Disposition d : Disposition.values()) {
            if (d.code().equals(code.strip())) {
                return d;
            }
        }
        return null;
    }

    private static boolean worker(StaffMember member) {
        return member != null && member.enabled() && member.can(Permission.WORK_TICKETS);
    }

    private static void requireWorker(StaffMember member) {
        if (!member.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("only staff who work tickets hand over a shift");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
