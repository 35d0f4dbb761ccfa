package org.playerdesk.survey.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.chat.ChatEvents.ChatRated;
import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When a survey is made and asked. A ticket's first resolution makes its survey, due after the
 * game's delay, on the channel the ticket came through (when the game asks there, and, for email,
 * when an address is known); resolving it again before the answer moves the survey to the new
 * resolution and its agent, never makes a second one. The sweep asks what is due, once (the update
 * that marks it asked says which node did), and holds a survey whose ticket was reopened meanwhile
 * until the next resolution. A live chat asks at its own end: its rating is the survey's answer.
 */
@Component
@EnableConfigurationProperties(SurveyProperties.class)
class Asking {

    private static final Logger log = LoggerFactory.getLogger(Asking.class);

    private final SurveyStore surveys;
    private final SurveySettingsStore settings;
    private final TicketQueries tickets;
    private final SurveyMails mails;
    private final Answering answering;
    private final ConflictRetry retry;
    private final ApplicationEventPublisher events;
    private final SurveyProperties properties;
    private final java.time.Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate eachSurvey;

    Asking(SurveyStore surveys, SurveySettingsStore settings, TicketQueries tickets, SurveyMails mails,
            Answering answering, ConflictRetry retry, ApplicationEventPublisher events, SurveyProperties properties,
            java.time.Clock clock, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.surveys = surveys;
        this.settings = settings;
        this.tickets = tickets;
        this.mails = mails;
        this.answering = answering;
        this.retry = retry;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.eachSurvey = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged changed) {
        if (changed.to() == TicketStatus.RESOLVED) {
            retry.run(() -> resolved(changed));
        }
    }

    /** The player rated a live chat: that is the survey of the chat's ticket, asked and answered. */
    @ApplicationModuleListener
    void on(ChatRated rated) {
        if (rated.ticketId() == null) {
            return;
        }
        retry.run(() -> {
            if (!settings.of(rated.gameId()).asks(SurveyChannel.LIVE_CHAT)) {
                return;
            }
            SurveyRow survey = surveys.byTicket(rated.ticketId()).orElseGet(() -> surveys.create(rated.ticketId(),
                    rated.gameId(), SurveyChannel.LIVE_CHAT, rated.agentId(), rated.at(), null,
                    SurveyTokens.newSecret(), rated.chatId()));
            if (survey.answered()) {
                return; // the same rating delivered again, or the ticket was answered another way
            }
            surveys.ask(survey.id(), rated.at(), rated.at());
            answering.record(survey, SurveyChannel.LIVE_CHAT, rated.score(), rated.comment(), reasons(rated),
                    rated.at());
        });
    }

    /** The reasons the player ticked that the survey knows (the chat offered only the game's). */
    private static List<ReasonCode> reasons(ChatRated rated) {
        return rated.reasons().stream().flatMap(code -> java.util.Arrays.stream(ReasonCode.values())
                .filter(reason -> reason.code().equals(code))).distinct().toList();
    }

    void resolved(TicketStatusChanged changed) {
        TicketDetails details = tickets.details(changed.ticketId(), true);
        TicketView ticket = details.ticket();
        SurveyChannel channel = SurveyChannel.asking(ticket.channel());
        if (channel == null || channel == SurveyChannel.LIVE_CHAT) {
            return; // not asked, or asked by the chat itself at its end
        }
        SurveySettings game = settings.of(ticket.gameId());
        UUID resolvedBy = resolver(details);
        Instant due = changed.at().plus(Duration.ofMinutes(game.delayMinutes()));
        var existing = surveys.byTicket(ticket.id());
        if (existing.isPresent()) {
            surveys.resolvedAgain(existing.get().id(), resolvedBy, changed.at(), due);
            return;
        }
        if (!game.asks(channel) || channel == SurveyChannel.EMAIL && mails.address(details) == null) {
            return;
        }
        surveys.create(ticket.id(), ticket.gameId(), channel, resolvedBy, changed.at(), due, SurveyTokens.newSecret(),
                null);
    }

    /** The agent whose resolution it was: who set it resolved last, else whoever holds the ticket. */
    static UUID resolver(TicketDetails details) {
        List<HistoryEntry> history = details.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if ("status".equals(entry.action()) && TicketStatus.RESOLVED.code().equals(entry.newValue())) {
                if (entry.actor() != null && entry.actor().kind() == Actor.Kind.AGENT) {
                    return entry.actor().id();
                }
                break;
            }
        }
        return details.ticket().assigneeId();
    }

    @Scheduled(initialDelayString = "${playerdesk.surveys.sweep-interval:1m}",
            fixedDelayString = "${playerdesk.surveys.sweep-interval:1m}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Surveys not asked yet", () -> {
            int asked = askDue(clock.instant());
            if (asked > 0) {
                log.info("{} satisfaction surveys asked", asked);
            }
        });
    }

    /** Asks every survey due as of {@code now}; answers how many this node asked. */
    int askDue(Instant now) {
        int asked = 0;
        while (true) {
            List<SurveyRow> due = surveys.due(now, properties.batchSize());
            int moved = 0;
            for (SurveyRow survey : due) {
                Outcome outcome = eachSurvey.execute(status -> ask(survey, now));
                if (outcome == Outcome.ASKED) {
                    asked++;
                }
                if (outcome != Outcome.LEFT) {
                    moved++;
                }
            }
            // a full batch of which nothing moved (another node holds them) is left to the next sweep
            if (due.size() < properties.batchSize() || moved == 0) {
                return asked;
            }
        }
    }

    private enum Outcome {
        ASKED, HELD, LEFT
    }

    private Outcome ask(SurveyRow survey, Instant now) {
        TicketStatus status = tickets.head(survey.ticketId()).status();
        if (status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED) {
            surveys.hold(survey.id()); // reopened: asked after the next resolution
            return Outcome.HELD;
        }
        Instant expires = now.plus(Duration.ofDays(settings.of(survey.gameId()).validDays()));
        if (!surveys.ask(survey.id(), now, expires)) {
            return Outcome.LEFT;
        }
        events.publishEvent(new SurveyAsked(survey.id(), survey.ticketId(), survey.gameId(), survey.channel(), now));
        return Outcome.ASKED;
    }
}
