package org.playerdesk.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.database.SqlReads;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.internal.AttachmentStore;
import org.playerdesk.ticket.internal.Conversations;
import org.playerdesk.ticket.internal.MessageFindings;
import org.playerdesk.ticket.internal.Ticket;
import org.playerdesk.ticket.internal.TicketAttachment;
import org.playerdesk.ticket.internal.TicketAttachmentRepository;
import org.playerdesk.ticket.internal.TicketHistory;
import org.playerdesk.ticket.internal.TicketHistoryRepository;
import org.playerdesk.ticket.internal.TicketMessage;
import org.playerdesk.ticket.internal.TicketMessageRepository;
import org.playerdesk.ticket.internal.TicketRepository;
import org.playerdesk.ticket.internal.TicketRows;
import org.playerdesk.ticket.internal.TicketSearch;
import org.playerdesk.ticket.internal.WorkedTickets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.hibernate.query.criteria.JpaCriteriaQuery;
import org.hibernate.query.criteria.JpaRoot;
import org.hibernate.query.criteria.JpaSubQuery;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

/**
 * Reads tickets. Callers decide who may see what: staff see internal notes, players and game
 * servers see public messages only.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    public static final int PAGE_SIZE_MAX = 100;
    /** The most rows {@link #rowsAfter} reads at once. */
    public static final int ROWS_MAX = 5_000;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final TicketHistoryRepository history;
    private final AttachmentStore files;
    private final ObjectProvider<TicketTextSearch> textSearch;
    private final EntityManager entities;
    private final TicketRows rows;
    private final Conversations conversations;
    private final MessageFindings findings;
    private final WorkedTickets worked;
    private final SqlReads sqlReads;

    TicketQueries(TicketRepository tickets, TicketMessageRepository messages, TicketAttachmentRepository attachments,
            TicketHistoryRepository history, AttachmentStore files, ObjectProvider<TicketTextSearch> textSearch,
            EntityManager entities, TicketRows rows, Conversations conversations, MessageFindings findings,
            WorkedTickets worked, SqlReads sqlReads) {
        this.sqlReads = sqlReads;
        this.worked = worked;
        this.conversations = conversations;
        this.findings = findings;
        this.rows = rows;
        this.textSearch = textSearch;
        this.entities = entities;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.files = files;
    }

    /** Each agent's tickets with a public reply of theirs in {@code [from, to)} in the game (QA sampling). */
    public List<Conversation> conversations(UUID gameId, Instant from, Instant to) {
        return conversations.of(gameId, from, to);
    }

    /** What the reviews of agents' replies found in a ticket's messages, by message. */
    public Map<UUID, List<ReplyReview.Finding>> findings(UUID ticketId) {
        return findings.of(ticketId);
    }

    /**
     * The ticket's head, read with one query rather than through its entity (listeners read a
     * ticket for every event). In a transaction that writes, what it changed so far is written
     * first, so that the head is the one this transaction sees.
     */
    public TicketView head(UUID ticketId) {
        sqlReads.flushPending();
        return rows.head(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    }


    /** The facts the ticket carries from where it came from (client version, language, server...). */
    public Map<String, String> metadata(UUID ticketId) {
        sqlReads.flushPending();
        return rows.metadata(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
    }

    /** How many unfinished tickets each of these members of staff holds (absent: none). */
    public Map<UUID, Long> heldBy(Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> held = new java.util.HashMap<>();
        for (Object[] row : tickets.countHeld(staffIds, TicketStatus.ACTIVE)) {
            held.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return held;
    }

    /**
     * The player's opening words: the ticket's first public message, without its attachments.
     * Cheaper than {@link #details} for a listener that needs only that.
     */
    public Optional<MessageView> openingMessage(UUID ticketId) {
        sqlReads.flushPending();
        return rows.openingMessage(ticketId);
    }

    /** One message of this ticket, without its attachments; empty when the ticket has no such message. */
    public Optional<MessageView> message(UUID ticketId, UUID messageId) {
        return messages.findByIdAndTicketId(messageId, ticketId).map(message -> message.view(List.of()));
    }

    /**
     * One message of this ticket with the descriptions of its attachments (for a channel that sends
     * them on: {@link #attachment} gives the bytes); empty when the ticket has no such message.
     */
    public Optional<MessageView> messageWithAttachments(UUID ticketId, UUID messageId) {
        return messages.findByIdAndTicketId(messageId, ticketId).map(message -> message.view(
                attachments.findByMessageIdOrderByCreatedAtAscIdAsc(messageId).stream().map(TicketAttachment::view)
                        .toList()));
    }

    /**
     * The ticket's messages written after {@code lastSeen} by anyone but {@code reader}: what a
     * member of staff has not seen since they opened the ticket (at most {@code limit}, oldest
     * first). A {@code lastSeen} that is not a message of this ticket counts as having seen none.
     */
    public List<MessageView> unseenBy(UUID ticketId, UUID lastSeen, UUID reader, int limit) {
        PageRequest first = PageRequest.of(0, Math.clamp(limit, 1, PAGE_SIZE_MAX));
        Optional<TicketMessage> marker = lastSeen == null ? Optional.empty()
                : messages.findByIdAndTicketId(lastSeen, ticketId);
        List<TicketMessage> unseen = marker
                .map(seen -> messages.newerNotBy(ticketId, seen.createdAt(), seen.getId(), reader, first))
                .orElseGet(() -> messages.allNotBy(ticketId, reader, first));
        return unseen.stream().map(message -> message.view(List.of())).toList();
    }

    /** What every message of the ticket says, internal notes too, in order: for a search index. */
    public List<String> messageBodies(UUID ticketId) {
        return messages.bodies(ticketId);
    }

    /** The ticket with its conversation; internal notes and the history only when {@code staff}. */
    public TicketDetails details(UUID ticketId, boolean staff) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket", ticketId));
        Map<UUID, List<AttachmentView>> filesByMessage = attachments.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId)
                .stream().map(TicketAttachment::view)
                .collect(Collectors.groupingBy(AttachmentView::messageId, Collectors.toList()));
        List<MessageView> conversation = new ArrayList<>();
        for (TicketMessage message : messages.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId)) {
            if (staff || message.visibility() == Visibility.PUBLIC) {
                conversation.add(message.view(filesByMessage.getOrDefault(message.getId(), List.of())));
            }
        }
        List<HistoryEntry> changes = staff
                ? history.findByTicketIdOrderByCreatedAtAscIdAsc(ticketId).stream().map(TicketHistory::view).toList()
                : List.of();
        return new TicketDetails(ticket.view(), ticket.metadata(), staff ? ticket.contactEmail() : null, conversation,
                changes);
    }

    /**
     * One page of an inbox; the next page exists when {@link Slice#hasNext()}. The filter's words
     * match the subject, and whatever a {@link TicketTextSearch} finds when one is present.
     */
    public Slice<TicketView> search(TicketFilter filter, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, PAGE_SIZE_MAX),
                TicketSearch.sort(filter.order()));
        return tickets.findBy(TicketSearch.matching(filter, foundByText(filter)),
                q -> q.sortBy(request.getSort()).slice(request)).map(Ticket::view);
    }

    /**
     * How many tickets an inbox filter matches in all (a view's count, the inbox's "select all
     * 1,204 matching"): one count query, after the full-text search when it has words.
     */
    public long count(TicketFilter filter) {
        return tickets.count(TicketSearch.matching(filter, foundByText(filter)));
    }

    /**
     * How many tickets an inbox filter matches, counted only up to {@code cap}: the count when it
     * is at most {@code cap}, else {@code cap + 1}. The database stops after {@code cap + 1}
     * matching rows ({@code select count(*) from (select id ... fetch first cap + 1 rows only)}),
     * so a view of a million tickets costs what one of {@code cap} costs.
     */
    public long countUpTo(TicketFilter filter, long cap) {
        HibernateCriteriaBuilder cb = (HibernateCriteriaBuilder) entities.getCriteriaBuilder();
        JpaCriteriaQuery<Long> query = cb.createQuery(Long.class);
        JpaSubQuery<UUID> some = query.subquery(UUID.class);
        JpaRoot<Ticket> root = some.from(Ticket.class);
        jakarta.persistence.criteria.Path<UUID> id = root.get("id");
        id.alias("id"); // a derived table's columns need names
        some.select(id)
                .where(TicketSearch.matching(filter, foundByText(filter)).toPredicate(root, query, cb));
        some.fetch(Math.max(cap, 0) + 1);
        query.from(some);
        query.select(cb.count(cb.literal(1)));
        return entities.createQuery(query).getSingleResult();
    }

    /**
     * The tickets an inbox filter matches as it stands now, oldest first, at most {@code limit}:
     * by id, game and number only, so that thousands are read without loading the tickets.
     */
    public List<TicketRef> matching(TicketFilter filter, int limit) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Ticket> root = query.from(Ticket.class);
        query.multiselect(root.get("id"), root.get("gameId"), root.get("number"));
        query.where(TicketSearch.matching(filter, foundByText(filter)).toPredicate(root, query, cb));
        query.orderBy(cb.asc(root.get("createdAt")), cb.asc(root.get("id")));
        return entities.createQuery(query).setMaxResults(Math.max(limit, 0)).getResultList().stream()
                .map(t -> new TicketRef(t.get(0, UUID.class), t.get(1, UUID.class), t.get(2, Long.class)))
                .toList();
    }

    /** These tickets by id, game and number, in no particular order; ids of no ticket are left out. */
    public List<TicketRef> refs(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return tickets.refs(ticketIds);
    }

    /** These tickets, in the order asked; ids of no ticket are left out. */
    public List<TicketView> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, TicketView> found = tickets.findAllById(ids).stream().map(Ticket::view)
                .collect(Collectors.toMap(TicketView::id, view -> view));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The tickets the full-text search finds for the filter's words, or null when it is not asked. */
    private Set<UUID> foundByText(TicketFilter filter) {
        TicketTextSearch text = filter.words() == null || filter.words().isBlank() ? null : textSearch.getIfAvailable();
        return text == null ? null : text.matching(filter.gameScope(), filter.words().strip(), TicketTextSearch.LIMIT);
    }

    /**
     * Up to {@code limit} ticket ids following {@code after} (null: from the first), in a stable
     * order: for a module that keeps its own copy of every ticket to walk them in batches and
     * resume where it stopped.
     */
    public List<UUID> idsAfter(UUID after, int limit) {
        PageRequest first = PageRequest.of(0, Math.clamp(limit, 1, 10_000));
        return after == null ? tickets.firstIds(first) : tickets.idsAfter(after, first);
    }

    /** A player's latest tickets in one game, newest first. */
    public List<TicketView> byPlayer(UUID gameId, UUID playerId, int limit) {
        return tickets.findByGameIdAndPlayerIdOrderByCreatedAtDesc(gameId, playerId, PageRequest.of(0, limit))
                .stream().map(Ticket::view).toList();
    }

    /**
     * The ids of all of a player's tickets in one game, oldest first: for the modules that keep data
     * about a player's tickets and export or erase it on the player's request.
     */
    public List<UUID> idsOfPlayer(UUID gameId, UUID playerId) {
        return tickets.idsOfPlayer(gameId, playerId);
    }

    /** The ticket a private link opens, if the link is genuine. */
    public Optional<TicketView> byFollowToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tickets.findByAccessTokenHash(Hashes.sha256(token)).map(Ticket::view);
    }

    /** An attachment of a ticket; {@code staff} may also have internal ones. */
    public StoredAttachment attachment(UUID ticketId, UUID attachmentId, boolean staff) {
        TicketAttachment attachment = attachments.findById(attachmentId)
                .filter(a -> a.ticketId().equals(ticketId))
                .filter(a -> staff || a.view().visibility() == Visibility.PUBLIC)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        return new StoredAttachment(attachment.view(), files.open(attachment.storageKey())
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId)));
    }

    /**
     * One batch of a game's tickets in {@code status} whose last change is after the cursor
     * ({@code afterAt}, {@code afterId}: the last ticket of the previous batch, or a start time and
     * a null id) and no later than {@code before}, oldest change first: for sweeps acting on tickets
     * left waiting.
     */
    public List<TicketView> idle(UUID gameId, TicketStatus status, Instant afterAt, UUID afterId, Instant before,
            int limit) {
        return tickets.idle(gameId, status, afterAt == null ? Instant.EPOCH : afterAt,
                afterId == null ? new UUID(0, 0) : afterId, before, PageRequest.of(0, Math.clamp(limit, 1, 1000)))
                .stream().map(Ticket::view).toList();
    }

    /**
     * One batch of a game's tickets of these types created in {@code [from, to)}, with their
     * metadata and opening words, after the cursor ({@code afterAt}, {@code afterId}: the last
     * ticket of the previous batch, or nulls for the first), oldest first: for reports that read a
     * period's tickets in batches.
     */
    public List<ReportedTicket> reported(UUID gameId, Set<TicketType> types, Instant from, Instant to, Instant afterAt,
            UUID afterId, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return tickets.createdBetween(gameId, types, from, to, afterAt == null ? Instant.EPOCH : afterAt,
                afterId == null ? new UUID(0, 0) : afterId, PageRequest.of(0, Math.clamp(limit, 1, 1000)))
                .stream().map(ticket -> new ReportedTicket(ticket.view(), ticket.metadata(),
                        messages.findFirstByTicketIdAndVisibilityOrderByCreatedAtAscIdAsc(ticket.getId(),
                                Visibility.PUBLIC).map(message -> message.view(List.of()).body()).orElse("")))
                .toList();
    }

    /** How many tickets a range holds now. */
    public long count(TicketRange range) {
        return rows.count(range);
    }

    /**
     * Up to {@code limit} (at most {@value #ROWS_MAX}) tickets of a range following {@code after}
     * (null: from the first), oldest first by creation and then id: for an export that walks a
     * range of any size one page at a time, each page one short query.
     */
    public List<TicketRow> rowsAfter(TicketRange range, TicketRow after, int limit) {
        return rows.after(range, after == null ? null : after.createdAt(), after == null ? null : after.id(),
                Math.clamp(limit, 1, ROWS_MAX));
    }

    /**
     * The tickets an agent worked on in {@code [from, to)}: those they wrote a public reply on, were
     * given, resolved or escalated then, the most recently replied to first, at most {@code limit}
     * (the daily work log's facts).
     */
    public List<AgentWork> workOf(UUID agentId, Instant from, Instant to, int limit) {
        Map<UUID, WorkedTickets.Worked> found = worked.of(agentId, from, to, Math.clamp(limit, 1, ROWS_MAX));
        return byIds(List.copyOf(found.keySet())).stream().map(ticket -> {
            WorkedTickets.Worked w = found.get(ticket.id());
            return new AgentWork(ticket, w.replies(), w.assigned(), w.resolved(), w.escalated());
        }).toList();
    }

    /**
     * How many tickets were opened and resolved in {@code [from, to)} (resolved: and are still so),
     * and how many moves up a support level there were, in these games (null: all games).
     */
    public TicketTally tally(Collection<UUID> gameScope, Instant from, Instant to) {
        return worked.tally(gameScope, from, to);
    }
}
