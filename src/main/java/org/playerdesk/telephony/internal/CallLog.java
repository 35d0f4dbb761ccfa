package org.playerdesk.telephony.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs a call: a new ticket of channel {@code phone} with the call's notes as the player's
 * question, or an internal note on one of the caller's tickets, and the call itself, with the
 * number remembered for the player: all of it stored, or none of it.
 */
@Service
public class CallLog {

    /** How far back a ticket number is looked for among the caller's tickets. */
    static final int TICKETS_LOOKED_AT = 200;

    /** A logged call and where it went. */
    public record Logged(UUID callId, TicketView ticket, boolean opened) {
    }

    private final CallRecords calls;
    private final PhoneBook phoneBook;
    private final GameCatalog games;
    private final PlayerDirectory players;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final InputValidation validation;
    private final MessageSource messages;
    private final Clock clock;

    CallLog(CallRecords calls, PhoneBook phoneBook, GameCatalog games, PlayerDirectory players, TicketDesk desk,
            TicketQueries tickets, InputValidation validation, MessageSource messages, Clock clock) {
        this.calls = calls;
        this.phoneBook = phoneBook;
        this.games = games;
        this.players = players;
        this.desk = desk;
        this.tickets = tickets;
        this.validation = validation;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Logged log(CallForm written, StaffUser agent) {
        CallForm form = written.tidied();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Instant now = clock.instant();
        Call reported = reported(form.call(), agent, errors);
        GameInfo game = reported != null ? games.get(reported.gameId())
                : Optional.ofNullable(form.game()).flatMap(games::byCode).filter(g -> agent.serves(g.id())).orElse(null);
        if (game == null) {
            errors.add(new InvalidInput.FieldError("game", "invalid.phone.game"));
        }
        CallDirection direction = Codes.read("direction", form.direction(), CallDirection.class, null, errors);
        CallOutcome outcome = Codes.read("outcome", form.outcome(), CallOutcome.class, null, errors);
        TicketType type = Codes.read("type", form.type(), TicketType.class, TicketType.CONSULTATION, errors);
        Instant startedAt = game == null ? now : startedAt(form.startedAt(), reported, game, now, errors);
        Integer duration = duration(form.duration(), reported);
        String phone = PhoneNumbers.normal(form.phone());
        if (phone == null && reported != null) {
            phone = reported.callerNumber();
        }

        PlayerSummary player = null;
        if (game != null) {
            if (form.account() != null) {
                // none yet: a new player, made with the new ticket
                player = players.find(game.id(), form.account()).orElse(null);
            } else if (reported != null && reported.playerId() != null) {
                player = players.get(reported.playerId());
            } else if (phone != null) {
                player = phoneBook.player(game.id(), phone).map(players::get).orElse(null);
                if (player == null) {
                    errors.add(new InvalidInput.FieldError("phone", "invalid.phone.unknownNumber"));
                }
            } else if (form.phone() == null) {
                errors.add(new InvalidInput.FieldError("account", "invalid.phone.caller"));
            }
        }
        TicketView existing = null;
        if (form.ticket() != null && form.ticket().matches("#?[0-9]{1,12}")) {
            long number = Long.parseLong(form.ticket().replace("#", ""));
            PlayerSummary caller = player;
            existing = caller == null ? null : tickets.byPlayer(game.id(), caller.id(), TICKETS_LOOKED_AT).stream()
                    .filter(t -> t.number() == number).findFirst().orElse(null);
            if (existing == null) {
                errors.add(new InvalidInput.FieldError("ticket", "invalid.phone.ticket"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(CallForm.class, errors));
        }

        Locale locale = Locales.supported(game.defaultLocale());
        Actor author = Actor.agent(agent.id(), agent.displayName());
        TicketView ticket = existing;
        boolean opened = false;
        if (ticket == null) {
            String account = player != null ? player.accountId() : form.account();
            String subject = form.subject() != null ? form.subject() : messages.getMessage("phone.ticket.subject."
                    + direction.code(), new Object[] {account}, locale);
            String question = form.notes() != null ? form.notes()
                    : messages.getMessage("phone.ticket.noNotes", null, locale);
            ticket = desk.open(new NewTicket(game.id(), PlayerIdentity.of(account), type.code(),
                    TicketChannel.PHONE.code(), null, subject, question, null, Map.of(), false), List.of()).ticket();
            opened = true;
        }
        UUID callId = reported != null ? reported.id() : Ids.next();
        if (reported != null) {
            calls.logReported(callId, direction, phone, ticket.playerId(), agent.id(), startedAt, duration, outcome,
                    form.notes(), ticket.id(), now);
        } else {
            calls.insertLogged(callId, game.id(), direction, phone, ticket.playerId(), agent.id(), startedAt,
                    duration == null ? 0 : duration,
                    outcome, form.notes(), ticket.id(), now);
        }
        Call call = calls.get(callId).orElseThrow();
        desk.note(ticket.id(), author, CallNotes.logged(messages, opened ? withoutNotes(call) : call, locale), List.of());
        phoneBook.link(game.id(), phone, ticket.playerId(), now);
        return new Logged(callId, ticket, opened);
    }

    /** A call the telephony system reported, the agent's or no one's yet, and not logged before. */
    private Call reported(String id, StaffUser agent, List<InvalidInput.FieldError> errors) {
        if (id == null) {
            return null;
        }
        Optional<Call> call;
        try {
            call = calls.locked(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            call = Optional.empty();
        }
        Call found = call.filter(c -> agent.serves(c.gameId()))
                .filter(c -> c.agentId() == null || c.agentId().equals(agent.id())).orElse(null);
        if (found == null || found.logged()) {
            errors.add(new InvalidInput.FieldError("call", found == null ? "invalid.phone.call" : "invalid.phone.logged"));
            return null;
        }
        return found;
    }

    private Instant startedAt(String written, Call reported, GameInfo game, Instant now,
            List<InvalidInput.FieldError> errors) {
        if (written == null) {
            return reported != null ? reported.startedAt() : now;
        }
        try {
            ZoneId zone = ZoneId.of(games.profile(game.id()).timeZone());
            Instant at = LocalDateTime.parse(written).atZone(zone).toInstant();
            if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
                errors.add(new InvalidInput.FieldError("startedAt", "invalid.phone.future"));
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("startedAt", "invalid.phone.startedAt"));
            return now;
        }
    }

    /**
     * Minutes, or minutes:seconds. When none is written: the talk time the telephony system
     * reported, or none yet for a call still under way (its end will tell).
     */
    private static Integer duration(String written, Call reported) {
        if (written == null || !written.matches("[0-9]{1,3}(:[0-5][0-9])?")) {
            return reported != null ? reported.talkSeconds() : Integer.valueOf(0);
        }
        String[] parts = written.split(":");
        return Integer.parseInt(parts[0]) * 60 + (parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    }

    /** The notes are the new ticket's first message already: the call's note does not repeat them. */
    private static Call withoutNotes(Call call) {
        return new Call(call.id(), call.gameId(), call.ctiCallId(), call.direction(), call.callerNumber(),
                call.calledNumber(), call.playerId(), call.agentId(), call.state(), call.offeredAt(), call.answeredAt(),
                call.endedAt(), call.waitSeconds(), call.talkSeconds(), call.recordingUrl(), call.hangupSide(),
                call.startedAt(), call.durationSeconds(), call.outcome(), null, call.ticketId(), call.loggedBy(),
                call.loggedAt());
    }
}
