package org.playerdesk.incident.internal;

import org.playerdesk.system.events.OutboxListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.incident.GroupingSettings;
import org.playerdesk.incident.IncidentEvents.IncidentProposed;
import org.playerdesk.incident.IncidentStatus;
import org.playerdesk.incident.LinkState;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.retry.Retries;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;

/**
 * Groups outage storms. Each new ticket whose words are an outage report ({@link OutageText}) is
 * weighed once, after it is stored (retried from the event publication registry): when a live
 * incident already gathers reports of its game and server, the ticket joins it; otherwise, under
 * the game's lock, the reports of that server within the window that joined nothing are counted,
 * and at the threshold a proposed incident takes them all and the game's leads are told.
 * Only reports below the threshold are ever counted, so a storm of thousands costs each report a
 * few indexed statements, not a pass over the window.
 */
@Component
public class StormGrouping {

    static final String BY = "PlayerDesk";
    static final int BUSY_ATTEMPTS = 8;
    /** The pause before the second attempt while the database is busy; each further one waits a step longer. */
    static final Duration BUSY_PAUSE = Duration.ofMillis(250);
    private static final int SERVER_KEY_MAX = 80;
    private static final Duration FORGET_AFTER = Duration.ofMinutes(GroupingSettings.WINDOW_MAX);

    /** An outage report as the grouping weighs it. */
    public record Report(UUID ticketId, UUID gameId, String server, Instant at) {

        String serverKey() {
            if (server == null) {
                return "";
            }
            String key = server.strip().toLowerCase(Locale.ROOT);
            return key.length() > SERVER_KEY_MAX ? key.substring(0, SERVER_KEY_MAX) : key;
        }

        String groupingKey() {
            return gameId + ":" + serverKey();
        }
    }

    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final GroupingStore store;
    private final IncidentLinks links;
    private final IncidentRepository incidents;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final ConflictRetry retry;
    private final Clock clock;
    private final Semaphore working;
    private final Timer timer;
    private final GameCatalog games;
    private final MessageSource messages;
    private final RetryTemplate busy = Retries.pausingLonger(BUSY_ATTEMPTS, BUSY_PAUSE,
            CannotCreateTransactionException.class, TransientDataAccessException.class);

    StormGrouping(TicketQueries tickets, PlayerDirectory players, GroupingStore store, IncidentLinks links,
            IncidentRepository incidents, Notifications notifications, ApplicationEventPublisher events,
            ConflictRetry retry, Clock clock, IncidentProperties properties, MeterRegistry meters, GameCatalog games,
            MessageSource messages) {
        this.games = games;
        this.messages = messages;
        this.timer = Timer.builder("playerdesk.incident.grouping")
                .description("Time to weigh one outage report (join, count, propose)").register(meters);
        this.working = new Semaphore(properties.workers(), true);
        this.tickets = tickets;
        this.players = players;
        this.store = store;
        this.links = links;
        this.incidents = incidents;
        this.notifications = notifications;
        this.events = events;
        this.retry = retry;
        this.clock = clock;
    }

    @OutboxListener(transactional = false)
    void on(TicketCreated created) throws InterruptedException {
        // a storm hands over thousands of reports at once: a few at a time hold a connection, the
        // rest wait here (each is also in the event publication registry until it is done)
        working.acquire();
        try {
            whileBusy(() -> reportOf(created)).ifPresent(this::weigh);
        } finally {
            working.release();
        }
    }

    /** The report when the new ticket speaks of an outage and its game groups storms. */
    Optional<Report> reportOf(TicketCreated created) {
        if (!store.settings(created.gameId()).enabled()) {
            return Optional.empty();
        }
        // the subject and the player's opening words, without the rest of the conversation or its files
        String first = tickets.openingMessage(created.ticketId()).map(MessageView::body).orElse("");
        if (!OutageText.isOutage(tickets.head(created.ticketId()).subject() + "\n" + first)) {
            return Optional.empty();
        }
        String server = players.get(created.playerId()).server();
        if (server == null || server.isBlank()) {
            Map<String, String> metadata = tickets.metadata(created.ticketId());
            server = metadata.getOrDefault("server", metadata.get("zone"));
        }
        return Optional.of(new Report(created.ticketId(), created.gameId(), server, created.at()));
    }

    /**
     * Weighs one report; answers the incident it joined or proposed, if any. In a storm every
     * connection may be taken for a while: the report waits and tries again a few times rather
     * than leaving it to the registry's retry a minute later.
     */
    public Optional<UUID> weigh(Report report) {
        AtomicReference<UUID> joined = new AtomicReference<>();
        Timer.Sample sample = Timer.start();
        whileBusy(() -> {
            retry.run(() -> joined.set(group(report)));
            return null;
        });
        sample.stop(timer);
        return Optional.ofNullable(joined.get());
    }

    private <T> T whileBusy(java.util.function.Supplier<T> work) {
        return busy.invoke(work);
    }

    private UUID group(Report report) {
        Instant now = clock.instant();
        store.remember(report.ticketId(), report.gameId(), report.serverKey(), report.at());
        Optional<Incident> live = incidents.findByGroupingKey(report.groupingKey());
        if (live.isEmpty()) {
            store.lock(report.gameId());
            live = incidents.findByGroupingKey(report.groupingKey());
        }
        if (live.isPresent()) {
            Incident incident = live.get();
            links.link(report.ticketId(), incident.getId(),
                    incident.status() == IncidentStatus.PROPOSED ? LinkState.PROPOSED : LinkState.LINKED, BY, now);
            store.settle(report.ticketId());
            return links.of(report.ticketId()).map(l -> l.incidentId()).orElse(null);
        }
        GroupingSettings settings = store.settings(report.gameId());
        Instant since = report.at().minus(Duration.ofMinutes(settings.windowMinutes()));
        if (store.unsettled(report.gameId(), report.serverKey(), since) < settings.threshold()) {
            return null;
        }
        Incident proposal = incidents.saveAndFlush(Incident.proposed(report.gameId(), report.groupingKey(),
                title(report), report.server(), now));
        int linked = links.linkWindow(proposal.getId(), report.gameId(), report.serverKey(), since,
                LinkState.PROPOSED, BY, now);
        store.forget(report.gameId(), report.at().minus(FORGET_AFTER));
        notifications.sendToLeads(report.gameId(), new Notice("incident.proposed", "incident.notification.proposed",
                List.of(proposal.title(), String.valueOf(linked)), "/console/incidents/" + proposal.getId(), null));
        events.publishEvent(new IncidentProposed(proposal.getId(), report.gameId(), report.serverKey(), now));
        return proposal.getId();
    }

    /**
     * The proposal's title, in the game's own language (an incident's title is shown as it is
     * written, to staff and in the help center's notice): "疑似故障 · S1".
     */
    private String title(Report report) {
        String server = report.server() == null || report.server().isBlank() ? "" : " · " + report.server().strip();
        Locale language = Locales.supported(games.get(report.gameId()).defaultLocale());
        return messages.getMessage("incident.proposed.title", null, language) + server;
    }
}
