package org.playerdesk.telephony.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.telephony.CallEvents.CallAnswered;
import org.playerdesk.telephony.CallEvents.CallEnded;
import org.playerdesk.telephony.CallEvents.CallOffered;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a CTI report does to a call, in one transaction with the record that it arrived: a call
 * offered is written (its caller matched by the numbers players called from, the agent it rings
 * by username or extension), answered gives it its agent and wait, ended its talk time,
 * recording and who hung up, and a note in the history of the ticket it was logged to. Each call
 * and event is acted on once: the same event again answers as before and changes nothing.
 * Events out of order are taken as they come (an answer before its offer writes the call).
 */
@Component
class CtiIntake {

    /** What the telephony system is answered. */
    record Received(UUID call, String event, String state, boolean replayed) {
    }

    private final CallRecords calls;
    private final PhoneBook phoneBook;
    private final CtiSettings settings;
    private final StaffDirectory staff;
    private final TicketDesk desk;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CtiIntake(CallRecords calls, PhoneBook phoneBook, CtiSettings settings, StaffDirectory staff, TicketDesk desk,
            InputValidation validation, ApplicationEventPublisher events, MessageSource messages, JdbcTemplate jdbc,
            Clock clock) {
        this.calls = calls;
        this.phoneBook = phoneBook;
        this.settings = settings;
        this.staff = staff;
        this.desk = desk;
        this.validation = validation;
        this.events = events;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A request signed the same way as one already acted on: refused, and nothing is changed. */
    static final class Replayed extends RuntimeException {
        Replayed() {
            super("the request was received before", null, false, false);
        }
    }

    /**
     * Acts on a verified report, in one transaction with the record of its signature: a request
     * signed the same way as one already acted on (within the timestamp's tolerance) is a replay
     * ({@link Replayed}). A report refused for its content rolls the record back with everything
     * else, so the same request sent again once the cause is fixed (the agent's extension set up)
     * is taken. Signatures older than twice the tolerance are forgotten, as their timestamps are
     * refused anyway.
     */
    @Transactional
    Received receive(GameInfo game, CtiEvent report, String signature) {
        Instant now = clock.instant();
        jdbc.update("delete from telephony_cti_signature where seen_at < ?",
                Timestamp.from(now.minus(SignedRequests.TOLERANCE.multipliedBy(2))));
        if (jdbc.update("insert into telephony_cti_signature (signature, seen_at) values (?, ?) on conflict do nothing",
                signature, Timestamp.from(now)) == 0) {
            throw new Replayed();
        }
        return act(game, report);
    }

    private Received act(GameInfo game, CtiEvent report) {
        validation.check(report);
        Instant at = report.at() == null ? clock.instant() : report.at();
        Optional<UUID> agent = agentOf(report);
        String caller = report.caller() == null ? null : PhoneNumbers.normal(report.caller());
        if (report.event().equals("answered") && agent.isEmpty()) {
            throw InvalidInput.of(report.agent() != null || report.extension() == null ? "agent" : "extension",
                    "invalid.phone.unknownAgent");
        }
        boolean first = jdbc.update("insert into telephony_cti_event (game_id, cti_call_id, event, received_at) "
                + "values (?, ?, ?, ?) on conflict do nothing", game.id(), report.callId(), report.event(),
                Timestamp.from(clock.instant())) > 0;
        if (!first) {
            Call call = calls.lockedByCtiId(game.id(), report.callId()).orElseThrow();
            return new Received(call.id(), report.event(), call.state().code(), true);
        }
        Call call = offered(game, report, caller, agent.orElse(null), at);
        switch (report.event()) {
            case "answered" -> call = answered(call, agent.get(), report, at);
            case "ended" -> call = ended(game, call, agent.orElse(null), report, at);
            default -> {
            }
        }
        return new Received(call.id(), report.event(), call.state().code(), false);
    }

    /** The call, written now when this is the first the system says of it. */
    private Call offered(GameInfo game, CtiEvent report, String caller, UUID agent, Instant at) {
        Optional<Call> known = calls.lockedByCtiId(game.id(), report.callId());
        if (known.isPresent()) {
            return known.get();
        }
        // an answer or end before the offer: the offer was when the wait began
        Instant offeredAt = report.event().equals("offered") ? at
                : at.minusSeconds(report.waitSeconds() == null ? 0 : report.waitSeconds())
                        .minusSeconds(report.event().equals("ended") && report.talkSeconds() != null
                                ? report.talkSeconds() : 0);
        UUID player = caller == null ? null : phoneBook.player(game.id(), caller).orElse(null);
        String called = report.called() != null ? report.called() : report.queue();
        calls.offer(game.id(), report.callId(), caller, called, player,
                report.event().equals("offered") ? agent : null, offeredAt);
        Call call = calls.lockedByCtiId(game.id(), report.callId()).orElseThrow();
        events.publishEvent(new CallOffered(call.id(), game.id(), player, call.agentId(), offeredAt));
        return call;
    }

    private Call answered(Call call, UUID agent, CtiEvent report, Instant at) {
        int wait = report.waitSeconds() != null ? report.waitSeconds() : seconds(call.offeredAt(), at);
        if (call.state() == CallState.ENDED) {
            return call;
        }
        calls.answer(call.id(), agent, at, wait);
        events.publishEvent(new CallAnswered(call.id(), call.gameId(), agent, wait, at));
        return calls.get(call.id()).orElseThrow();
    }

    private Call ended(GameInfo game, Call call, UUID agent, CtiEvent report, Instant at) {
        if (call.state() == CallState.ENDED) {
            return call;
        }
        Instant answeredAt = call.answeredAt();
        int talk = report.talkSeconds() != null ? report.talkSeconds()
                : answeredAt == null ? 0 : seconds(answeredAt, at);
        boolean answered = answeredAt != null || talk > 0;
        int wait = report.waitSeconds() != null ? report.waitSeconds()
                : call.waitSeconds() != null ? call.waitSeconds()
                : seconds(call.offeredAt(), answered ? at.minusSeconds(talk) : at);
        if (answered && answeredAt == null) {
            calls.answer(call.id(), agent, at.minusSeconds(talk), wait);
        }
        calls.end(call.id(), agent, at, wait, talk, report.recordingUrl(), report.hangupBy());
        Call ended = calls.get(call.id()).orElseThrow();
        if (ended.ticketId() != null) {
            Locale locale = Locales.supported(game.defaultLocale());
            desk.recordInHistory(ended.ticketId(), Actor.SYSTEM, CallNotes.ended(messages, ended, locale));
        }
        events.publishEvent(new CallEnded(ended.id(), ended.gameId(), ended.agentId(), answered, wait, talk, at));
        return ended;
    }

    private Optional<UUID> agentOf(CtiEvent report) {
        if (report.agent() != null && !report.agent().isBlank()) {
            Optional<UUID> byName = staff.byUsername(report.agent().strip()).map(StaffMember::id);
            if (byName.isEmpty()) {
                throw InvalidInput.of("agent", "invalid.phone.unknownAgent");
            }
            return byName;
        }
        if (report.extension() != null && !report.extension().isBlank()) {
            Optional<UUID> byExtension = settings.agentOf(report.extension().strip());
            if (byExtension.isEmpty()) {
                throw InvalidInput.of("extension", "invalid.phone.unknownAgent");
            }
            return byExtension;
        }
        return Optional.empty();
    }

    private static int seconds(Instant from, Instant to) {
        return from == null ? 0 : (int) Math.max(0, Duration.between(from, to).toSeconds());
    }
}
