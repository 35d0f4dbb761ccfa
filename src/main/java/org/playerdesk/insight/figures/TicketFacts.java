package org.playerdesk.insight.figures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.assist.BotAnswers;
import org.playerdesk.department.DepartmentEvents.QuestionAnswered;
import org.playerdesk.department.DepartmentEvents.QuestionAsked;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.knowledge.Words;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.routing.RoutingEvents.TicketQueued;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.sla.BusinessCalendar;
import org.playerdesk.sla.SlaEvents.SlaBreached;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.sla.SlaTarget;
import org.playerdesk.sla.TimerView;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketEvents.TicketAssigned;
import org.playerdesk.ticket.TicketEvents.TicketCreated;
import org.playerdesk.ticket.TicketEvents.TicketEscalated;
import org.playerdesk.ticket.TicketEvents.TicketMessagePosted;
import org.playerdesk.ticket.TicketEvents.TicketPriorityChanged;
import org.playerdesk.ticket.TicketEvents.TicketStatusChanged;
import org.playerdesk.ticket.TicketEvents.TicketTagged;
import org.playerdesk.ticket.TicketEvents.TicketTypeChanged;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.playerdesk.system.retry.ConflictRetry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps each ticket's reporting facts ({@code insight_ticket}, {@code insight_reply}) and the
 * counted events ({@code insight_event}) from the events of the ticket, service-level, department
 * modules. A ticket's event only marks its facts stale ({@code insight_stale}); the roll-up
 * rewrites them, once for all the events that came meanwhile. A ticket's facts are rewritten whole from the ticket as it stands, not added to, so an
 * event delivered twice, late or out of order changes nothing; a counted event is keyed by what it
 * counts. Each change marks the local days it touches for the roll-up ({@link FigureRollUp}).
 */
@Component
public class TicketFacts {

    /** The support-level outcome of one target of a ticket. */
    enum Outcome {
        NONE, RUNNING, MET, BREACHED
    }

    private final JdbcTemplate jdbc;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final SlaPolicies sla;
    private final PlayerProfiles players;
    private final java.time.Clock clock;
    private final ConflictRetry retry;
    private final RoutingSetup routing;

    TicketFacts(JdbcTemplate jdbc, TicketQueries tickets, GameCatalog games, SlaPolicies sla, PlayerProfiles players,
            RoutingSetup routing, java.time.Clock clock, ConflictRetry retry) {
        this.routing = routing;
        this.retry = retry;
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.games = games;
        this.sla = sla;
        this.players = players;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketCreated event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketStatusChanged event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketAssigned event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketPriorityChanged event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketTypeChanged event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketTagged event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketMessagePosted event) {
        if (event.visibility() == Visibility.PUBLIC) {
            stale(event.ticketId());
        }
    }

    @Async
    @TransactionalEventListener
    void on(TicketEscalated event) {
        retry.run(() -> stale(event.ticketId()));
        // the agent's who moved it, or, moved by the system (a breach), the holder's
        UUID agent = event.byId() != null ? event.byId() : event.assigneeId();
        retry.run(() -> count("escalated:" + event.ticketId() + ":" + event.at(), event.gameId(), event.at(),
                Metric.ESCALATED, agent, 1));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(SlaBreached event) {
        stale(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TicketQueued event) {
        stale(event.ticketId());
    }

    @Async
    @TransactionalEventListener
    void on(QuestionAsked event) {
        retry.run(() -> count("transfer:" + event.requestId(), event.gameId(), event.at(), Metric.TRANSFERS,
                event.askedBy(), 1));
    }

    @Async
    @TransactionalEventListener
    void on(QuestionAnswered event) {
        retry.run(() -> {
            count("transfer-answered:" + event.requestId(), event.gameId(), event.at(), Metric.TRANSFERS_ANSWERED,
                    event.askedBy(), 1);
            if (!event.late()) {
                count("transfer-in-time:" + event.requestId(), event.gameId(), event.at(), Metric.TRANSFERS_IN_TIME,
                        event.askedBy(), 1);
            }
        });
    }

    /**
     * Marks the ticket's facts for rewriting: the roll-up rewrites them once, however many of its
     * events came meanwhile (a new ticket, its assignment and its first reply, one rewrite). The
     * mark is written in the transaction that changed the ticket, just before it commits: it is
     * kept exactly when the change is, and costs one insert there instead of an event publication
     * and a worker's turn for each event (intake at 64 clients, bench/run).
     */
    void stale(UUID ticketId) {
        jdbc.update("insert into insight_stale (ticket_id, marked_at) values (?, ?) on conflict do nothing", ticketId,
                Timestamp.from(clock.instant()));
    }

    /** Rewrites the facts of the tickets marked stale, each in a transaction of its own; returns how many. */
    public int refreshStale() {
        int done = 0;
        while (true) {
            List<UUID> marked = jdbc.queryForList("select ticket_id from insight_stale order by marked_at limit 500",
                    UUID.class);
            if (marked.isEmpty()) {
                return done;
            }
            for (UUID ticket : marked) {
                retry.run(() -> {
                    // claimed by deleting the mark, so two nodes do not rewrite one ticket for one mark
                    if (jdbc.update("delete from insight_stale where ticket_id = ?", ticket) > 0) {
                        refresh(ticket);
                    }
                });
                done++;
            }
        }
    }

    /**
     * Counts one event once, however often it is delivered: {@code key} names what is counted;
     * {@code agentId} is the agent it is counted for, when it is counted per agent.
     */
    @Transactional
    public void count(String key, UUID gameId, Instant at, Metric metric, UUID agentId, long amount) {
        LocalDate day = at.atZone(zone(gameId)).toLocalDate();
        int inserted = jdbc.update("insert into insight_event (event_key, game_id, event_day, metric, agent_id, amount, "
                + "counted_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", key, gameId, day, metric.code(),
                agentId, amount, Timestamp.from(clock.instant()));
        if (inserted > 0) {
            dirty(gameId, Set.of(day));
        }
    }

    /**
     * Counts what {@code key} names anew: an earlier count under the key is taken back (a review
     * scored again after a dispute), and both days are marked to be added up again.
     */
    @Transactional
    public void recount(String key, UUID gameId, Instant at, Metric metric, UUID agentId, long amount) {
        Set<LocalDate> days = new HashSet<>(jdbc.queryForList("select event_day from insight_event where event_key = ?",
                LocalDate.class, key));
        jdbc.update("delete from insight_event where event_key = ?", key);
        count(key, gameId, at, metric, agentId, amount);
        if (!days.isEmpty()) {
            dirty(gameId, days);
        }
    }

    /** Rewrites the ticket's facts from the ticket as it stands; marks the days whose figures change. */
    @Transactional
    public void refresh(UUID ticketId) {
        // one rewrite of a ticket's facts at a time (two nodes), each reading the ticket once the last is written
        jdbc.update("insert into insight_ticket_lock (ticket_id) values (?) on conflict do nothing", ticketId);
        jdbc.queryForList("select ticket_id from insight_ticket_lock where ticket_id = ? for update", ticketId);
        TicketDetails details = tickets.details(ticketId, true);
        TicketView ticket = details.ticket();
        GameProfile game = games.profile(ticket.gameId());
        ZoneId zone = zoneOf(game);
        Set<LocalDate> days = new HashSet<>();
        jdbc.query("select created_day, first_response_day, resolved_day from insight_ticket where ticket_id = ?",
                row -> {
                    addDay(days, row.getObject(1, LocalDate.class));
                    addDay(days, row.getObject(2, LocalDate.class));
                    addDay(days, row.getObject(3, LocalDate.class));
                }, ticketId);

        BusinessCalendar calendar = calendar(ticket, zone);
        List<MessageView> replies = details.messages().stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC && m.authorKind() == Actor.Kind.AGENT).toList();
        MessageView first = replies.isEmpty() ? null : replies.get(0);
        Instant firstAt = first == null ? ticket.firstResponseAt() : first.createdAt();
        Instant resolvedAt = ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED
                ? resolvedAt(ticket, details.history()) : null;
        int reopens = (int) details.history().stream().filter(TicketFacts::reopening).count();
        Map<SlaTarget, Outcome> outcomes = outcomes(ticketId);
        ZonedDateTime created = ticket.createdAt().atZone(zone);
        Map<String, String> metadata = details.metadata();
        String language = first(metadata, "language", "lang", "locale");
        String server = first(metadata, "server", "zone");
        String queue = routing.routedQueue(ticketId).map(UUID::toString).orElse("");
        String tier = tier(ticket.playerId());
        LocalDate firstDay = firstAt == null ? null : firstAt.atZone(zone).toLocalDate();
        LocalDate resolvedDay = resolvedAt == null ? null : resolvedAt.atZone(zone).toLocalDate();
        Long firstSeconds = firstAt == null ? null : seconds(calendar, ticket.createdAt(), firstAt);
        Long resolutionSeconds = resolvedAt == null ? null : seconds(calendar, ticket.createdAt(), resolvedAt);
        Object[] values = { ticket.gameId(), ticket.number(), Timestamp.from(ticket.createdAt()),
                created.toLocalDate(), created.getHour(), created.getDayOfWeek().getValue(), ticket.channel().code(),
                ticket.type().code(), ticket.priority().code(), language, tier, ticket.level().code(), server, queue,
                ticket.assigneeId(), ticket.status().code(), ticket.status().isActive(), timestamp(firstAt), firstDay,
                firstSeconds, first == null ? null : first.authorId(), timestamp(resolvedAt), resolvedDay,
                resolutionSeconds, replies.size(), reopens, ticket.tags().contains(BotAnswers.DEFLECTED_TAG),
                outcomes.get(SlaTarget.FIRST_RESPONSE).name().toLowerCase(),
                outcomes.get(SlaTarget.NEXT_RESPONSE).name().toLowerCase(),
                outcomes.get(SlaTarget.RESOLUTION).name().toLowerCase(), Timestamp.from(clock.instant()), ticketId };
        int updated = jdbc.update("update insight_ticket set game_id = ?, ticket_number = ?, created_at = ?, "
                + "created_day = ?, created_hour = ?, created_weekday = ?, channel = ?, ticket_type = ?, priority = ?, "
                + "player_language = ?, vip_tier = ?, support_level = ?, server_key = ?, queue_key = ?, assignee_id = ?, "
                + "status = ?, is_open = ?, first_response_at = ?, first_response_day = ?, first_response_seconds = ?, "
                + "first_responder_id = ?, resolved_at = ?, resolved_day = ?, resolution_seconds = ?, "
                + "agent_replies = ?, reopens = ?, deflected = ?, sla_first_response = ?, sla_next_response = ?, "
                + "sla_resolution = ?, refreshed_at = ? where ticket_id = ?", values);
        if (updated == 0) {
            jdbc.update("insert into insight_ticket (game_id, ticket_number, created_at, created_day, created_hour, "
                    + "created_weekday, channel, ticket_type, priority, player_language, vip_tier, support_level, "
                    + "server_key, queue_key, assignee_id, status, is_open, first_response_at, first_response_day, "
                    + "first_response_seconds, first_responder_id, resolved_at, resolved_day, resolution_seconds, "
                    + "agent_replies, reopens, deflected, sla_first_response, sla_next_response, sla_resolution, "
                    + "refreshed_at, ticket_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", values);
        }
        for (MessageView reply : replies) {
            LocalDate day = reply.createdAt().atZone(zone).toLocalDate();
            if (jdbc.update("insert into insight_reply (message_id, ticket_id, game_id, agent_id, reply_day, replied_at) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", reply.id(), ticketId, ticket.gameId(),
                    reply.authorId(), day, Timestamp.from(reply.createdAt())) > 0) {
                days.add(day);
            }
        }
        terms(ticketId, ticket, details, created.toLocalDate());
        days.add(created.toLocalDate());
        addDay(days, firstDay);
        addDay(days, resolvedDay);
        dirty(ticket.gameId(), days);
    }

    /** The words of a ticket counted for the top issues: enough to name what it is about. */
    static final int WORDS_MAX = 40;
    static final int TERM_MAX = 60;

    private void terms(UUID ticketId, TicketView ticket, TicketDetails details, LocalDate day) {
        jdbc.update("delete from insight_ticket_term where ticket_id = ?", ticketId);
        Set<String> tags = new java.util.TreeSet<>();
        for (String tag : ticket.tags()) {
            if (!tag.isBlank() && tag.length() <= TERM_MAX) {
                tags.add(tag);
            }
        }
        StringBuilder text = new StringBuilder(ticket.subject() == null ? "" : ticket.subject());
        details.messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC).findFirst()
                .ifPresent(opening -> text.append('\n').append(opening.body()));
        Set<String> words = new java.util.LinkedHashSet<>();
        for (String word : Words.of(text.toString())) {
            // one Chinese character or one Latin letter names nothing on its own
            if (word.codePointCount(0, word.length()) >= 2 && word.length() <= TERM_MAX && words.size() < WORDS_MAX) {
                words.add(word);
            }
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        tags.forEach(tag -> rows.add(new Object[] { ticketId, ticket.gameId(), day, "tag", tag }));
        words.forEach(word -> rows.add(new Object[] { ticketId, ticket.gameId(), day, "word", word }));
        jdbc.batchUpdate("insert into insight_ticket_term (ticket_id, game_id, created_day, kind, term) "
                + "values (?, ?, ?, ?, ?)", rows);
    }

    /** Marks days of a game for the roll-up to recompute. */
    void dirty(UUID gameId, Set<LocalDate> days) {
        for (LocalDate day : days) {
            jdbc.update("insert into insight_dirty (game_id, dirty_day) values (?, ?) on conflict do nothing", gameId, day);
        }
    }

    ZoneId zone(UUID gameId) {
        return zoneOf(games.profile(gameId));
    }

    /** The game's time zone, in which its days are counted (UTC when it names none or a bad one). */
    public static ZoneId zoneOf(GameProfile game) {
        return game.zone();
    }

    private BusinessCalendar calendar(TicketView ticket, ZoneId zone) {
        int rank = 0;
        try {
            rank = players.tier(ticket.playerId()).rank();
        } catch (RuntimeException unknownPlayer) {
            // a ticket with no player record counts in the lowest tier
        }
        return sla.match(ticket.gameId(), ticket.channel(), ticket.type(), ticket.priority(), rank)
                .map(policy -> policy.calendarId() == null ? null : sla.calendar(policy.calendarId()))
                .orElse(BusinessCalendar.alwaysOpen(zone));
    }

    private String tier(UUID playerId) {
        if (playerId == null) {
            return "";
        }
        try {
            return players.tier(playerId).code();
        } catch (RuntimeException unknownPlayer) {
            return "";
        }
    }

    private Map<SlaTarget, Outcome> outcomes(UUID ticketId) {
        Map<SlaTarget, Outcome> outcomes = new java.util.EnumMap<>(SlaTarget.class);
        for (SlaTarget target : SlaTarget.values()) {
            outcomes.put(target, Outcome.NONE);
        }
        for (TimerView timer : sla.timers(ticketId)) {
            outcomes.put(timer.target(), timer.breachedAt() != null ? Outcome.BREACHED
                    : timer.met() ? Outcome.MET : Outcome.RUNNING);
        }
        return outcomes;
    }

    private static long seconds(BusinessCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        Duration between = calendar == null ? Duration.between(from, to) : calendar.between(from, to);
        return between.getSeconds();
    }

    private static Instant resolvedAt(TicketView ticket, List<HistoryEntry> history) {
        Instant at = null;
        for (HistoryEntry entry : history) {
            if ("status".equals(entry.action()) && TicketStatus.RESOLVED.code().equals(entry.newValue())) {
                at = entry.at();
            }
        }
        return at != null ? at : Optional.ofNullable(ticket.resolvedAt()).orElse(ticket.updatedAt());
    }

    private static boolean reopening(HistoryEntry entry) {
        return "status".equals(entry.action())
                && (TicketStatus.RESOLVED.code().equals(entry.oldValue())
                        || TicketStatus.CLOSED.code().equals(entry.oldValue()))
                && entry.newValue() != null
                && !TicketStatus.CLOSED.code().equals(entry.newValue())
                && !TicketStatus.RESOLVED.code().equals(entry.newValue());
    }

    private static String first(Map<String, String> metadata, String... keys) {
        for (String key : keys) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip().length() > 100 ? value.strip().substring(0, 100) : value.strip();
            }
        }
        return "";
    }

    private static void addDay(Set<LocalDate> days, LocalDate day) {
        if (day != null) {
            days.add(day);
        }
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
