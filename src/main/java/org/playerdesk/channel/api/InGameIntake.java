package org.playerdesk.channel.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.channel.CampaignMessages;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.database.GroupCommit;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.retry.Retries;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.hibernate.validator.constraints.Range;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a game server asks of support, on behalf of its players. A game only ever sees its own
 * tickets: another game's ticket is answered exactly like one that does not exist.
 */
@Service
class InGameIntake implements DisposableBean {

    static final int IDEMPOTENCY_KEY_MAX = 128;
    static final int PAGE_MAX = 10_000;

    private final TicketDesk desk;
    private final TicketQueries queries;
    private final PlayerDirectory players;
    private final IdempotencyRecords idempotency;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final InputValidation validation;
    private final ObjectProvider<CampaignMessages> campaigns;
    private final RetryTemplate collisions = Retries.atOnce(2, DataIntegrityViolationException.class,
            PessimisticLockingFailureException.class);
    private final RetryTemplate changedMeanwhile = Retries.atOnce(2, OptimisticLockingFailureException.class);
    /** New tickets of concurrent requests written together, one commit for many (docs/api.md#intake-under-load). */
    private final GroupCommit newTickets;

    InGameIntake(TicketDesk desk, TicketQueries queries, PlayerDirectory players, IdempotencyRecords idempotency,
            PlatformTransactionManager transactions, Clock clock, InputValidation validation,
            ObjectProvider<CampaignMessages> campaigns, MeterRegistry meters,
            @Value("${playerdesk.intake.writers:2}") int writers, @Value("${playerdesk.intake.group:32}") int group) {
        this.desk = desk;
        this.queries = queries;
        this.players = players;
        this.idempotency = idempotency;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.validation = validation;
        this.campaigns = campaigns;
        this.newTickets = new GroupCommit("intake", transactions, writers, group, meters);
    }

    @Override
    public void destroy() {
        newTickets.close();
    }

    /** A ticket reported, and whether it was made just now or by an earlier request with the same key. */
    record Intake(TicketResponse ticket, boolean replayed) {
    }

    /**
     * Opens the reported ticket. With an idempotency key the ticket and the key are stored in one
     * transaction, so that a retry finds the ticket its first attempt made, or nothing at all.
     */
    Intake open(UUID gameId, OpenTicketRequest request, String idempotencyKey) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(request.unknownFields());
        IdempotencyRecord.Key key = checkIdempotencyKey(gameId, idempotencyKey, errors);
        CampaignMessages.Answered answered = answered(gameId, request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        // refused here, before the writing, so that a refused request never spoils its group's transaction
        desk.check(request.toNewTicket(gameId, answered == null ? null : answered.campaign()));
        String requestHash = key == null ? null : Hashes.sha256(request.canonical());
        try {
            return collisions.invoke(() -> openOnce(gameId, request, answered, key, requestHash));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException collided) {
            throw new RuleViolation("api.concurrent-request",
                    "the request collided with a concurrent one and was not stored; send it again");
        }
    }

    /**
     * One attempt: the earlier ticket of the key, or a new one. A concurrent request may win a
     * unique key meanwhile: the same idempotency key (its ticket is replayed on the next attempt),
     * or the first contact of the same new player (who then exists). Nothing of a collided
     * attempt is stored.
     */
    private Intake openOnce(UUID gameId, OpenTicketRequest request, CampaignMessages.Answered answered,
            IdempotencyRecord.Key key, String requestHash) {
        // Written with the new tickets of concurrent requests in one transaction, the key looked up
        // there too (so that a request thread needs no connection of its own); the answer is made
        // from what was written, and handed out only once that transaction has committed.
        Intake intake = newTickets.run(() -> {
            if (key != null) {
                Optional<IdempotencyRecord> earlier = idempotency.findById(key);
                if (earlier.isPresent()) {
                    // a key used for another request is refused after the group, not by failing it
                    return earlier.get().requestHash().equals(requestHash)
                            ? new Intake(ticket(gameId, earlier.get().ticketId()), true) : null;
                }
            }
            Opened opened = desk.open(request.toNewTicket(gameId, answered == null ? null : answered.campaign()),
                    List.of());
            UUID id = opened.ticket().id();
            if (answered != null) {
                campaigns.getObject().answered(answered.recipientId(), id);
            }
            if (key != null) {
                idempotency.save(new IdempotencyRecord(key, requestHash, id, clock.instant()));
            }
            return new Intake(TicketResponse.of(opened), false);
        });
        if (intake == null) {
            throw new IdempotencyKeyReused();
        }
        return intake;
    }

    /**
     * The campaign message the ticket answers, when the game names one: it must be an in-game
     * campaign message of this game to this player, else the field is refused.
     */
    private CampaignMessages.Answered answered(UUID gameId, OpenTicketRequest request,
            List<InvalidInput.FieldError> errors) {
        String named = request.answeredMessage();
        if (named == null) {
            return null;
        }
        String account = request.player() == null || request.player().accountId() == null ? null
                : request.player().accountId().strip();
        CampaignMessages found = campaigns.getIfAvailable();
        Optional<CampaignMessages.Answered> answered = found == null || account == null || named.length() > 128
                ? Optional.empty() : found.inGame(gameId, account, named);
        if (answered.isEmpty()) {
            errors.add(new InvalidInput.FieldError("campaignMessage", "invalid.outreach.campaignMessage"));
        }
        return answered.orElse(null);
    }

    /** The ticket with its public conversation, if it belongs to this game. */
    TicketResponse ticket(UUID gameId, UUID ticketId) {
        TicketDetails details = queries.details(ticketId, false);
        if (!details.ticket().gameId().equals(gameId)) {
            throw new NotFoundException("ticket", ticketId);
        }
        return TicketResponse.of(details, players.get(details.ticket().playerId()));
    }

    /** The player's follow-up on their own ticket: it reopens a resolved ticket; a closed one refuses it. */
    TicketResponse.Message followUp(UUID gameId, UUID ticketId, FollowUpRequest request) {
        List<InvalidInput.FieldError> unknown = request.unknownFields();
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        TicketView ticket = own(gameId, ticketId);
        PlayerSummary player = players.get(ticket.playerId());
        Actor author = Actor.player(player.id(), player.displayName());
        // when an agent changed the ticket at the same moment, the follow-up applies to the new state
        return TicketResponse.Message.of(changedMeanwhile.invoke(() -> reply(ticketId, author, request.message())));
    }

    /** Which of a player's tickets a game asks for: the account, and a page of at most the desk's page size. */
    record PlayerTicketsQuery(
            @NotBlank(message = "{invalid.blank}")
            @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}") @SingleLine String accountId,
            @Range(min = 0, max = PAGE_MAX, message = "{invalid.range.between}") int page,
            @Range(min = 1, max = TicketQueries.PAGE_SIZE_MAX, message = "{invalid.range.between}") int size) {

        /** The account id without the blanks around it; the first page of 20 when none is asked for. */
        static PlayerTicketsQuery of(String accountId, Integer page, Integer size) {
            return new PlayerTicketsQuery(accountId == null || accountId.isBlank() ? null : accountId.strip(),
                    page == null ? 0 : page, size == null ? 20 : size);
        }
    }

    /** A player's tickets in this game, newest first; an account support has never heard of has none. */
    TicketPage playerTickets(UUID gameId, String accountId, Integer page, Integer size) {
        PlayerTicketsQuery query = validation.check(PlayerTicketsQuery.of(accountId, page, size));
        String account = query.accountId();
        int pageNumber = query.page();
        int pageSize = query.size();
        Optional<PlayerSummary> player = players.find(gameId, account);
        if (player.isEmpty()) {
            return new TicketPage(List.of(), pageNumber, pageSize, false);
        }
        TicketFilter filter = new TicketFilter(Set.of(gameId), gameId, null, null, null, null, null, false,
                null, List.of(player.get().id()), null, TicketFilter.Order.NEWEST);
        Slice<TicketView> slice = queries.search(filter, pageNumber, pageSize);
        return new TicketPage(slice.getContent().stream().map(t -> TicketResponse.row(t, player.get())).toList(),
                pageNumber, pageSize, slice.hasNext());
    }

    private MessageView reply(UUID ticketId, Actor author, String message) {
        return desk.reply(ticketId, author, message, List.of(), null);
    }

    private TicketView own(UUID gameId, UUID ticketId) {
        TicketView ticket = queries.head(ticketId);
        if (!ticket.gameId().equals(gameId)) {
            throw new NotFoundException("ticket", ticketId);
        }
        return ticket;
    }

    /** 1 to 128 visible ASCII characters, as most clients make them (UUIDs, ULIDs, hashes). */
    private static IdempotencyRecord.Key checkIdempotencyKey(UUID gameId, String value,
            List<InvalidInput.FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (!validIdempotencyKey(value, errors)) {
            return null;
        }
        return new IdempotencyRecord.Key(gameId, value);
    }

    /** Whether a given Idempotency-Key is 1 to 128 visible ASCII characters; if not, the header is named. */
    static boolean validIdempotencyKey(String value, List<InvalidInput.FieldError> errors) {
        boolean visibleAscii = value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (value.isEmpty() || value.length() > IDEMPOTENCY_KEY_MAX || !visibleAscii) {
            errors.add(new InvalidInput.FieldError("Idempotency-Key", "invalid.idempotencyKey", IDEMPOTENCY_KEY_MAX));
            return false;
        }
        return true;
    }
}
