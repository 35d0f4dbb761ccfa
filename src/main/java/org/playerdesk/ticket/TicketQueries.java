package org.playerdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.system.Hashes;
import org.playerdesk.system.NotFoundException;
import org.playerdesk.ticket.internal.AttachmentStore;
import org.playerdesk.ticket.internal.Ticket;
import org.playerdesk.ticket.internal.TicketAttachment;
import org.playerdesk.ticket.internal.TicketAttachmentRepository;
import org.playerdesk.ticket.internal.TicketHistory;
import org.playerdesk.ticket.internal.TicketHistoryRepository;
import org.playerdesk.ticket.internal.TicketMessage;
import org.playerdesk.ticket.internal.TicketMessageRepository;
import org.playerdesk.ticket.internal.TicketRepository;
import org.playerdesk.ticket.internal.TicketSearch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets. Callers decide who may see what: staff see internal notes, players and game
 * servers see public messages only.
 */
@Service
@Transactional(readOnly = true)
public class TicketQueries {

    public static final int PAGE_SIZE_MAX = 100;

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final TicketHistoryRepository history;
    private final AttachmentStore files;
    private final ObjectProvider<TicketTextSearch> textSearch;

    TicketQueries(TicketRepository tickets, TicketMessageRepository messages, TicketAttachmentRepository attachments,
            TicketHistoryRepository history, AttachmentStore files, ObjectProvider<TicketTextSearch> textSearch) {
        this.textSearch = textSearch;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.files = files;
    }

    public TicketView head(UUID ticketId) {
        return tickets.findById(ticketId).map(Ticket::view).orElseThrow(() -> new NotFoundException("ticket", ticketId));
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
        Set<UUID> found = null;
        TicketTextSearch text = filter.words() == null || filter.words().isBlank() ? null : textSearch.getIfAvailable();
        if (text != null) {
            found = text.matching(filter.gameScope(), filter.words().strip(), TicketTextSearch.LIMIT);
        }
        return tickets.findBy(TicketSearch.matching(filter, found), q -> q.sortBy(request.getSort()).slice(request))
                .map(Ticket::view);
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
        return new StoredAttachment(attachment.view(), files.resolve(attachment.storageKey()));
    }
}
