package org.playerdesk.ticket;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.TicketEvents.StaffMentioned;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.playerdesk.ticket.internal.AttachmentStore;
import org.playerdesk.ticket.internal.Change;
import org.playerdesk.ticket.internal.Mentions;
import org.playerdesk.ticket.internal.MessageFindings;
import org.playerdesk.ticket.internal.TagName;
import org.playerdesk.ticket.internal.Ticket;
import org.playerdesk.ticket.internal.TicketAttachment;
import org.playerdesk.ticket.internal.TicketAttachmentRepository;
import org.playerdesk.ticket.internal.TicketHistory;
import org.playerdesk.ticket.internal.TicketHistoryRepository;
import org.playerdesk.ticket.internal.TicketMessage;
import org.playerdesk.ticket.internal.TicketMessageRepository;
import org.playerdesk.ticket.internal.TicketNumbers;
import org.playerdesk.ticket.internal.TicketRepository;
import org.playerdesk.ticket.internal.TicketRows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Everything that changes a ticket. Each command checks its input field by field, applies the
 * ticket's rules, writes the history, and publishes the matching event, all in one transaction:
 * when the caller gets an answer, all of it is stored, or none of it.
 */
@Service
@Transactional
public class TicketDesk {

    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int METADATA_MAX = 30;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final TicketHistoryRepository history;
    private final TicketNumbers numbers;
    private final AttachmentStore files;
    private final PlayerDirectory players;
    private final ApplicationEventPublisher events;
    private final PlayerDeskProperties properties;
    private final Clock clock;
    private final InputValidation validation;
    private final Mentions mentions;
    /** Asked when a reply comes, not when the desk is made: the reviews use modules that use the desk. */
    private final ObjectProvider<ReplyReview> reviews;
    private final MessageFindings findings;
    private final TicketRows rows;
    private final SecureRandom random = new SecureRandom();

    TicketDesk(TicketRepository tickets, TicketMessageRepository messages, TicketAttachmentRepository attachments,
            TicketHistoryRepository history, TicketNumbers numbers, AttachmentStore files, PlayerDirectory players,
            ApplicationEventPublisher events, PlayerDeskProperties properties, Clock clock, InputValidation validation,
            Mentions mentions, ObjectProvider<ReplyReview> reviews, MessageFindings findings, TicketRows rows) {
        this.rows = rows;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.numbers = numbers;
        this.files = files;
        this.players = players;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.validation = validation;
        this.mentions = mentions;
        this.reviews = reviews;
        this.findings = findings;
    }

    /**
     * Opens a ticket for a player (matched by game and account id, created on first contact)
     * with the player's first message.
     */
    public Opened open(NewTicket request, List<Upload> uploads) {
        Checked checked = checked(request, uploads);
        NewTicket tidied = checked.tidied();
        TicketType type = checked.type();
        TicketChannel channel = checked.channel();
        TicketPriority priority = checked.priority();
        Map<String, String> metadata = checked.metadata();

        // the files first: a file refused, or a store out of reach, leaves no ticket and draws no number
        List<AttachmentStore.Stored> kept = store(uploads);
        Instant now = clock.instant();
        String subject = tidied.subject();
        String message = tidied.message();
        String email = tidied.contactEmail();
        PlayerSummary player = players.matchOrCreate(request.gameId(), tidied.player(), email);
        String token = request.followLink() ? newToken() : null;
        Ticket ticket = new Ticket(request.gameId(), numbers.next(request.gameId()), player.id(), subject, type, channel,
                priority, email, metadata, token == null ? null : Hashes.sha256(token), now);
        tickets.save(ticket);
        Actor author = Actor.player(player.id(), player.displayName());
        record(ticket, new Change(Change.CREATED, null, TicketStatus.NEW.code()), author, now);
        TicketMessage first = post(ticket, Visibility.PUBLIC, author, message, kept, now);
        events.publishEvent(new TicketCreated(ticket.getId(), ticket.gameId(), ticket.number(), player.id(), type,
                channel, priority, first.getId(), now));
        // the answer from what was just written: no upload, no attachment to read back
        MessageView opening = viewOf(first, kept);
        return new Opened(ticket.view(), token, player, metadata, opening);
    }

    /**
     * Refuses, field by field, what {@link #open} would refuse of this request before writing
     * anything, without the database: for a caller that hands the writing to a group of requests
     * (a refused request must not spoil the others' transaction).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public void check(NewTicket request) {
        checked(request, List.of());
    }

    private record Checked(NewTicket tidied, TicketType type, TicketChannel channel, TicketPriority priority,
            Map<String, String> metadata) {
    }

    private Checked checked(NewTicket request, List<Upload> uploads) {
        NewTicket tidied = request.tidied();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(tidied));
        TicketType type = Codes.read("type", request.type(), TicketType.class, null, errors);
        TicketChannel channel = Codes.read("channel", request.channel(), TicketChannel.class, TicketChannel.IN_GAME,
                errors);
        TicketPriority priority = Codes.read("priority", request.priority(), TicketPriority.class,
                TicketPriority.NORMAL, errors);
        Map<String, String> metadata = checkMetadata(request.metadata(), errors);
        checkUploadCount(uploads, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(NewTicket.class, errors));
        }
        return new Checked(tidied, type, channel, priority, metadata);
    }

    /**
     * A public reply. From the player it reopens a resolved ticket and ends waiting on them;
     * from an agent it is the answer, optionally moving the ticket on to {@code then}.
     */
    public MessageView reply(UUID ticketId, Actor author, String body, List<Upload> uploads, TicketStatus then) {
        Ticket ticket = load(ticketId);
        String text = checkBody(body, uploads);
        List<ReplyReview.Finding> found = review(ticket, author, text, then);
        Instant now = clock.instant();
        Change statusChange = author.isPlayer() ? ticket.playerReplied(now) : ticket.agentReplied(now);
        List<AttachmentStore.Stored> kept = store(uploads);
        TicketMessage message = post(ticket, Visibility.PUBLIC, author, text, kept, now);
        if (!found.isEmpty()) {
            findings.store(ticket.getId(), ticket.gameId(), message.getId(), author.id(), now, found);
        }
        statusChanged(ticket, statusChange, author, now);
        if (then != null && !author.isPlayer()) {
            statusChanged(ticket, ticket.changeStatus(then, now), author, now);
        }
        events.publishEvent(new TicketMessagePosted(ticket.getId(), ticket.gameId(), message.getId(),
                Visibility.PUBLIC, author.kind(), now));
        return viewOf(message, kept);
    }

    /**
     * What the reviews would find in this draft of a reply, were it sent now with {@code then}:
     * nothing is written (the reply box shows it while the agent types).
     */
    @Transactional(readOnly = true)
    public List<ReplyReview.Finding> reviewDraft(UUID ticketId, Actor author, String body, TicketStatus then) {
        return reviewed(load(ticketId), author, body == null ? "" : body.strip(), then);
    }

    private List<ReplyReview.Finding> reviewed(Ticket ticket, Actor author, String text, TicketStatus then) {
        if (author.kind() != Actor.Kind.AGENT || text.isBlank()) {
            return List.of();
        }
        boolean closing = then == TicketStatus.RESOLVED || then == TicketStatus.CLOSED;
        ReplyReview.Reply reply = new ReplyReview.Reply(ticket.getId(), ticket.gameId(), ticket.channel(), author, text,
                !ticket.answered(), closing, false);
        List<ReplyReview.Finding> found = new ArrayList<>();
        reviews.orderedStream().forEach(review -> found.addAll(review.review(reply)));
        return found;
    }

    /**
     * What the reviews find in a reply by a member of staff (none for players and PlayerDesk's own
     * rules); refused before anything is stored when a finding blocks it.
     */
    private List<ReplyReview.Finding> review(Ticket ticket, Actor author, String text, TicketStatus then) {
        return ReplyReview.refuseBlocked(reviewed(ticket, author, text, then));
    }

    /**
     * Lines of a live chat written to its ticket in one go, each a public reply at the time it was
     * said, with the same effects on the ticket's status and first response as a reply. The chat
     * stores and delivers each line at once; its ticket catches up in batches, so one event per
     * side and batch ({@link TicketMessagePosted} for that side's last line) stands for the batch:
     * listeners that rebuild or time something from the conversation see it once per batch.
     */
    public List<MessageView> appendTranscript(UUID ticketId, List<TranscriptLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Ticket ticket = load(ticketId);
        List<MessageView> written = new ArrayList<>(lines.size());
        // the last line of each side, in the order they were said: one event each
        Map<Actor.Kind, TicketMessagePosted> last = new LinkedHashMap<>();
        for (TranscriptLine line : lines) {
            String body = Texts.abbreviate(line.body() == null ? "" : line.body(), TicketMessage.BODY_MAX);
            if (body.isBlank()) {
                continue;
            }
            Actor author = line.author();
            Change statusChange = author.isPlayer() ? ticket.playerReplied(line.at()) : ticket.agentReplied(line.at());
            TicketMessage message = post(ticket, Visibility.PUBLIC, author, body, List.of(), line.at());
            if (!line.findings().isEmpty()) {
                findings.store(ticket.getId(), ticket.gameId(), message.getId(), author.id(), line.at(), line.findings());
            }
            statusChanged(ticket, statusChange, author, line.at());
            last.remove(author.kind());
            last.put(author.kind(), new TicketMessagePosted(ticket.getId(), ticket.gameId(), message.getId(),
                    Visibility.PUBLIC, author.kind(), line.at()));
            written.add(message.view(List.of()));
        }
        last.values().forEach(events::publishEvent);
        return written;
    }

    /**
     * Findings of the reviews that come after a chat line was written to its ticket (the agent
     * ended the chat after a last line without a closing): kept with the agent's message said at
     * {@code at}, if the ticket has it.
     */
    public void addFindings(UUID ticketId, Actor author, Instant at, List<ReplyReview.Finding> found) {
        if (!found.isEmpty() && author.id() != null) {
            findings.storeOnLine(ticketId, load(ticketId).gameId(), author.id(), at, found);
        }
    }

    /** An internal note: seen by staff only, never by the player. */
    public MessageView note(UUID ticketId, Actor author, String body, List<Upload> uploads) {
        if (author.isPlayer()) {
            throw new RuleViolation("ticket.note.staff-only", "only staff can add internal notes");
        }
        Ticket ticket = load(ticketId);
        String text = checkBody(body, uploads);
        Instant now = clock.instant();
        ticket.noted(now);
        List<AttachmentStore.Stored> kept = store(uploads);
        TicketMessage message = post(ticket, Visibility.INTERNAL, author, text, kept, now);
        events.publishEvent(new TicketMessagePosted(ticket.getId(), ticket.gameId(), message.getId(),
                Visibility.INTERNAL, author.kind(), now));
        return viewOf(message, kept);
    }

    /**
     * An agent's internal note in which {@code @username} mentions a colleague. Everyone mentioned
     * must be able to see the ticket, or nothing is stored and the refusal names them; each is
     * then told through {@link StaffMentioned} (mentioning oneself tells nobody). The notes that
     * PlayerDesk, rules and departments write go through {@link #note}, where an @ is plain text.
     */
    public MessageView noteMentioning(UUID ticketId, Actor author, String body, List<Upload> uploads) {
        if (author.isPlayer()) {
            throw new RuleViolation("ticket.note.staff-only", "only staff can add internal notes");
        }
        Ticket ticket = load(ticketId);
        List<StaffMember> mentioned = mentions.resolve(checkBody(body, uploads), ticket.gameId(), "message");
        MessageView note = note(ticketId, author, body, uploads);
        for (StaffMember colleague : mentioned) {
            if (!colleague.id().equals(author.id())) {
                events.publishEvent(new StaffMentioned(ticket.getId(), ticket.gameId(), note.id(), colleague.id(),
                        author.id(), author.name(), note.createdAt()));
            }
        }
        return note;
    }

    public TicketView changeStatus(UUID ticketId, TicketStatus next, Actor actor) {
        Ticket ticket = load(ticketId);
        Instant now = clock.instant();
        statusChanged(ticket, ticket.changeStatus(next, now), actor, now);
        return ticket.view();
    }

    /** Gives the ticket to a member of staff, or to nobody when {@code assignee} is null. */
    public TicketView assign(UUID ticketId, UUID assignee, Actor actor) {
        Ticket ticket = load(ticketId);
        UUID before = ticket.assigneeId();
        Instant now = clock.instant();
        for (Change change : ticket.assign(assignee, now)) {
            if (Change.STATUS.equals(change.action())) {
                statusChanged(ticket, change, actor, now);
            } else {
                record(ticket, change, actor, now);
                events.publishEvent(new TicketAssigned(ticket.getId(), ticket.gameId(), before, assignee, now));
            }
        }
        return ticket.view();
    }

    /**
     * Gives an unassigned, unfinished ticket to a member of staff, unless someone else got it first:
     * of two claims at the same moment exactly one succeeds (a conditional update on the empty
     * assignee), the other answers empty. Routing's automatic assignment and "Next" both claim.
     */
    public Optional<TicketView> claim(UUID ticketId, UUID assignee, Actor actor) {
        if (assignee == null) {
            throw new IllegalArgumentException("a claim needs an assignee");
        }
        if (tickets.reserveUnassigned(ticketId, TicketStatus.ACTIVE) == 0) {
            return Optional.empty();
        }
        return Optional.of(assign(ticketId, assignee, actor));
    }

    public TicketView prioritize(UUID ticketId, TicketPriority next, Actor actor) {
        Ticket ticket = load(ticketId);
        TicketPriority before = ticket.priority();
        Instant now = clock.instant();
        if (record(ticket, ticket.prioritize(next, now), actor, now)) {
            events.publishEvent(new TicketPriorityChanged(ticket.getId(), ticket.gameId(), before, next, now));
        }
        return ticket.view();
    }

    public TicketView retype(UUID ticketId, TicketType next, Actor actor) {
        Ticket ticket = load(ticketId);
        TicketType before = ticket.type();
        Instant now = clock.instant();
        if (record(ticket, ticket.retype(next, now), actor, now)) {
            events.publishEvent(new TicketTypeChanged(ticket.getId(), ticket.gameId(), before, next, now));
        }
        return ticket.view();
    }

    /** Adds a tag: letters, digits, dots, dashes and underscores, at most 40; stored in lower case. */
    public TicketView tag(UUID ticketId, String tag, Actor actor) {
        String checked = checkTag(tag);
        Ticket ticket = load(ticketId);
        Instant now = clock.instant();
        if (record(ticket, ticket.tag(checked, now), actor, now)) {
            events.publishEvent(new TicketTagged(ticket.getId(), ticket.gameId(), checked, true, now));
        }
        return ticket.view();
    }

    /**
     * A tag as {@link #tag} would store it, checked the same way, for a caller that checks a tag once
     * before adding it to many tickets.
     */
    public String tagName(String tag) {
        return checkTag(tag);
    }

    public TicketView untag(UUID ticketId, String tag, Actor actor) {
        Ticket ticket = load(ticketId);
        Instant now = clock.instant();
        String normal = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (record(ticket, ticket.untag(normal, now), actor, now)) {
            events.publishEvent(new TicketTagged(ticket.getId(), ticket.gameId(), normal, false, now));
        }
        return ticket.view();
    }

    /**
     * Writes into the ticket's history what another module did about it, in words (a game action
     * and its outcome, a finished procedure step): the ticket's own record of work done outside it.
     * At most 200 characters are kept.
     */
    public void recordInHistory(UUID ticketId, Actor actor, String summary) {
        String text = validation.check(HistoryNote.of(summary)).summary();
        Ticket ticket = load(ticketId);
        record(ticket, new Change(Change.RECORDED, null, text), actor, clock.instant());
    }

    /**
     * Records where the ticket's service-level clock stands, for the inbox's colour and its
     * "due first" order: kept out of the history and the version, since it moves on its own.
     */
    public void trackSla(UUID ticketId, Instant dueAt, SlaState state) {
        tickets.flush();
        if (!rows.trackSla(ticketId, dueAt, state)) {
            throw new NotFoundException("ticket", ticketId);
        }
    }

    /**
     * Moves the ticket to another support level with the reason, written into its history; the
     * assignee, the conversation and the service-level clock stay as they are (routing decides
     * who at the new level takes it).
     */
    public TicketView escalate(UUID ticketId, SupportLevel to, String reason, Actor actor) {
        String why = validation.check(Escalation.of(to, reason)).reason();
        Ticket ticket = load(ticketId);
        SupportLevel before = ticket.supportLevel();
        Instant now = clock.instant();
        if (record(ticket, ticket.escalate(to, now), actor, now)) {
            record(ticket, new Change(Change.RECORDED, null, why), actor, now);
            events.publishEvent(new TicketEscalated(ticket.getId(), ticket.gameId(), before, to, why, actor.kind(),
                    actor.kind() == Actor.Kind.AGENT ? actor.id() : null, ticket.assigneeId(), now));
        }
        return ticket.view();
    }

    private Ticket load(UUID ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    }

    /**
     * Checks every file, then stores them, before any row refers to them: the first file refused
     * is named ({@code files[i]}) and nothing is stored. A store that cannot be reached throws
     * {@code FilesUnavailable}, and the command stores nothing; files already written by a command
     * that is undone are removed again by the store.
     */
    private List<AttachmentStore.Stored> store(List<Upload> uploads) {
        List<AttachmentStore.Checked> checked = new ArrayList<>();
        for (int i = 0; uploads != null && i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            checked.add(files.check("files[" + i + "]", upload.fileName(), upload.content()));
        }
        return checked.stream().map(files::store).toList();
    }

    private TicketMessage post(Ticket ticket, Visibility visibility, Actor author, String body,
            List<AttachmentStore.Stored> kept, Instant now) {
        TicketMessage message = messages.save(new TicketMessage(ticket.getId(), visibility, author, body, now));
        record(ticket, new Change(visibility == Visibility.PUBLIC ? Change.REPLY : Change.NOTE, null, null), author, now);
        for (AttachmentStore.Stored stored : kept) {
            attachments.save(new TicketAttachment(ticket.getId(), message.getId(), visibility, stored.fileName(),
                    stored.contentType(), stored.size(), stored.sha256(), stored.storageKey(), author.name(), now));
            record(ticket, new Change(Change.ATTACHMENT, null, stored.fileName()), author, now);
        }
        return message;
    }

    /** A message just written: its attachments read back only when it has some (a read flushes the transaction). */
    private MessageView viewOf(TicketMessage message, List<AttachmentStore.Stored> kept) {
        return message.view(kept.isEmpty() ? List.of() : attachmentsOf(message));
    }

    private List<AttachmentView> attachmentsOf(TicketMessage message) {
        return attachments.findByMessageIdOrderByCreatedAtAscIdAsc(message.getId()).stream()
                .map(TicketAttachment::view).toList();
    }

    private void statusChanged(Ticket ticket, Change change, Actor actor, Instant now) {
        if (record(ticket, change, actor, now)) {
            events.publishEvent(new TicketStatusChanged(ticket.getId(), ticket.gameId(),
                    Coded.fromCode(TicketStatus.class, change.oldValue()),
                    Coded.fromCode(TicketStatus.class, change.newValue()), actor.kind(), now));
        }
    }

    private boolean record(Ticket ticket, Change change, Actor actor, Instant now) {
        if (change == null) {
            return false;
        }
        history.save(new TicketHistory(ticket.getId(), change, actor, now));
        return true;
    }

    private String checkBody(String body, List<Upload> uploads) {
        Reply reply = Reply.of(body);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(reply));
        boolean hasFiles = uploads != null && !uploads.isEmpty();
        if (reply.message() == null && !hasFiles) {
            // a reply may be files alone
            errors.add(new InvalidInput.FieldError("message", "invalid.blank"));
        }
        checkUploadCount(uploads, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return reply.message() == null ? "" : reply.message();
    }

    private void checkUploadCount(List<Upload> uploads, List<InvalidInput.FieldError> errors) {
        int max = properties.attachments().maxPerMessage();
        if (uploads != null && uploads.size() > max) {
            errors.add(new InvalidInput.FieldError("files", "invalid.tooManyFiles", max));
        }
    }

    /** The metadata a channel sent, its keys as given and its values checked one by one under {@code metadata.<key>}. */
    private Map<String, String> checkMetadata(Map<String, String> metadata, List<InvalidInput.FieldError> errors) {
        Map<String, String> checked = new LinkedHashMap<>();
        if (metadata == null) {
            return checked;
        }
        if (metadata.size() > METADATA_MAX) {
            errors.add(new InvalidInput.FieldError("metadata", "invalid.tooMany", METADATA_MAX));
            return checked;
        }
        metadata.forEach((key, value) -> {
            if (key == null || !METADATA_KEY.matcher(key).matches()) {
                errors.add(new InvalidInput.FieldError("metadata", "invalid.metadataKey"));
                return;
            }
            MetadataValue entry = MetadataValue.of(value);
            List<InvalidInput.FieldError> wrong = validation.errors(entry);
            wrong.forEach(e -> errors.add(new InvalidInput.FieldError("metadata." + key, e.key(), e.arguments())));
            if (wrong.isEmpty()) {
                checked.put(key, entry.value());
            }
        });
        return checked;
    }

    private String checkTag(String tag) {
        String normal = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        return validation.check(new Tagging(normal)).tag();
    }

    /** A line written into a ticket's history by another module: at most 200 characters are kept. */
    record HistoryNote(@NotBlank(message = "{invalid.blank}") @Size(max = 200, message = "{invalid.tooLong}")
            @SingleLine String summary) {

        static HistoryNote of(String summary) {
            return new HistoryNote(summary == null || summary.isBlank() ? null : Texts.abbreviate(summary.strip(), 200));
        }
    }

    record Escalation(@NotNull(message = "{invalid.chooseLevel}") SupportLevel level,
            @NotBlank(message = "{invalid.blank}") @Size(max = 200, message = "{invalid.tooLong}")
            @SingleLine String reason) {

        static Escalation of(SupportLevel level, String reason) {
            return new Escalation(level, reason == null || reason.isBlank() ? null : reason.strip());
        }
    }

    /** A reply's text; it may be left out when files are sent. */
    record Reply(@Size(max = TicketMessage.BODY_MAX, message = "{invalid.tooLong}") @PlainText String message) {

        static Reply of(String message) {
            return new Reply(message == null || message.isBlank() ? null : message.strip());
        }
    }

    record MetadataValue(@NotBlank(message = "{invalid.blank}") @Size(max = 500, message = "{invalid.tooLong}")
            @SingleLine String value) {

        static MetadataValue of(String value) {
            return new MetadataValue(value == null || value.isBlank() ? null : value.strip());
        }
    }

    record Tagging(@TagName(max = Ticket.TAG_MAX) String tag) {
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
