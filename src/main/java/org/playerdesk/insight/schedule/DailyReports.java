package org.playerdesk.insight.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.insight.schedule.DailyContent.DayFigures;
import org.playerdesk.insight.schedule.DailyContent.OpenItem;
import org.playerdesk.notification.Notifications;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The daily report (日报): a few minutes after each game's local midnight, the day's figures and
 * the open tickets that need a look, for the game and for each team (an agent tier), kept in the
 * console and emailed to the game's supervisors (its administrators when it has none). A report is
 * stored as numbers and codes and worded for each reader when shown or sent. Made once per game and
 * day however many nodes sweep: the unique (game, day, team) key lets one insert win.
 */
@Service
public class DailyReports {

    private static final Logger log = LoggerFactory.getLogger(DailyReports.class);

    /** How long after local midnight a day's report is made: the roll-up has counted the day's last minute. */
    static final Duration AFTER_MIDNIGHT = Duration.ofMinutes(5);
    /** How many open tickets a report lists; the rest are counted. */
    static final int OPEN_SHOWN = 20;
    /** The whole game's report, as opposed to a team's. */
    static final String WHOLE_GAME = "";

    /** One stored report: a game's whole ({@link #WHOLE_GAME}) or a team's (a tier code). */
    record Stored(UUID gameId, LocalDate day, String team, DailyContent content) {
    }

    /** A day in the list of reports the reader may open. */
    public record Entry(UUID gameId, String gameName, LocalDate day) {
    }

    private final GameCatalog games;
    private final StaffDirectory staff;
    private final RoutingSetup routing;
    private final Notifications notifications;
    private final Figures figures;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    DailyReports(GameCatalog games, StaffDirectory staff, RoutingSetup routing, Notifications notifications,
            Figures figures, JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.games = games;
        this.staff = staff;
        this.routing = routing;
        this.notifications = notifications;
        this.figures = figures;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** The last local day of {@code game} whose report is due at {@code now}: yesterday, from 00:05. */
    static LocalDate dueDay(Instant now, ZoneId zone) {
        return now.minus(AFTER_MIDNIGHT).atZone(zone).toLocalDate().minusDays(1);
    }

    /** The active games whose last due day has no report yet. */
    List<GameProfile> due(Instant now) {
        // every game's due day is yesterday or the day before in UTC, whatever its zone
        Set<String> made = new HashSet<>();
        jdbc.query("select game_id, report_day from insight_daily_report where team = ? and report_day >= ?",
                (RowCallbackHandler) row -> made.add(row.getObject(1, UUID.class) + "/" + row.getObject(2, LocalDate.class)),
                WHOLE_GAME, dueDay(now, ZoneOffset.UTC).minusDays(2));
        List<GameProfile> due = new ArrayList<>();
        for (GameProfile game : games.profiles()) {
            if (!game.archived() && !made.contains(game.id() + "/" + dueDay(now, Subscriptions.zone(game.timeZone())))) {
                due.add(game);
            }
        }
        return due;
    }

    /**
     * Makes the reports of the due games' last due day, with the staff read once for them all;
     * answers how many this call made (see {@link #make(GameProfile, LocalDate, Staffing)}).
     */
    int make(List<GameProfile> due, Instant now) {
        Staffing staffing = staffing();
        int made = 0;
        for (GameProfile game : due) {
            if (make(game, dueDay(now, Subscriptions.zone(game.timeZone())), staffing)) {
                made++;
            }
        }
        return made;
    }

    /**
     * The staff as the reports need them: who is enabled, the agents' teams (administrators, who
     * serve every game, are in none), and the email addresses looked up so far.
     */
    private record Staffing(List<StaffMember> enabled, Map<UUID, AgentTier> tiers, Map<UUID, Optional<String>> addresses) {
    }

    private Staffing staffing() {
        List<StaffMember> enabled = staff.all().stream().filter(StaffMember::enabled).toList();
        List<StaffMember> agents = enabled.stream()
                .filter(m -> !m.role().seesAllGames() && m.can(Permission.WORK_TICKETS)).toList();
        return new Staffing(enabled, routing.tiers(agents), new HashMap<>());
    }

    /**
     * Makes the game's report of {@code day} and its emails to send, unless another node made it
     * first; true when this call made it. Only the last due day is made: a node that was down
     * for days makes the last one once, not one per missed day or minute.
     */
    private boolean make(GameProfile game, LocalDate day, Staffing staffing) {
        Set<UUID> one = Set.of(game.id());
        Map<String, DailyContent> contents = new LinkedHashMap<>();
        contents.put(WHOLE_GAME, content(one, day, Dimension.ALL, List.of()));
        teams(game.id(), staffing).forEach((team, agents) -> contents.put(team, content(one, day, Dimension.AGENT, agents)));
        List<StaffMember> recipients = recipients(game.id(), staffing);
        Instant now = clock.instant();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                contents.forEach((team, content) -> jdbc.update("insert into insight_daily_report (id, game_id, "
                        + "report_day, team, content, created_at) values (?, ?, ?, ?, ?, ?)", Ids.next(), game.id(), day,
                        team, json.writeValueAsString(content), Timestamp.from(now)));
                for (StaffMember recipient : recipients) {
                    jdbc.update("insert into insight_daily_delivery (id, game_id, report_day, staff_id, created_at, "
                            + "attempts) values (?, ?, ?, ?, ?, 0)", Ids.next(), game.id(), day, recipient.id(),
                            Timestamp.from(now));
                }
                return true;
            }));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException madeElsewhere) {
            log.debug("The daily report of game {} for {} was made by another node", game.id(), day);
            return false;
        }
    }

    /** The game's supervisors with an email address; its administrators when it has no supervisor. */
    private List<StaffMember> recipients(UUID gameId, Staffing staffing) {
        List<StaffMember> leads = staffing.enabled().stream()
                .filter(m -> m.role() == StaffRole.SUPERVISOR && m.serves(gameId)).toList();
        if (leads.isEmpty()) {
            leads = staffing.enabled().stream().filter(m -> m.role() == StaffRole.ADMIN).toList();
        }
        return leads.stream().filter(m -> staffing.addresses().computeIfAbsent(m.id(),
                id -> Optional.ofNullable(notifications.emailChoice(id).address())).isPresent()).toList();
    }

    /** The game's teams: the agents who serve it by tier code, in the tiers' order. */
    private static Map<String, List<String>> teams(UUID gameId, Staffing staffing) {
        Map<AgentTier, List<String>> byTier = new TreeMap<>();
        for (StaffMember member : staffing.enabled()) {
            AgentTier tier = staffing.tiers().get(member.id());
            if (tier != null && member.serves(gameId)) {
                byTier.computeIfAbsent(tier, t -> new ArrayList<>()).add(member.id().toString());
            }
        }
        Map<String, List<String>> teams = new LinkedHashMap<>();
        byTier.forEach((t, agents) -> teams.put(t.code(), agents));
        return teams;
    }

    private DailyContent content(Set<UUID> game, LocalDate day, Dimension dimension, List<String> agents) {
        boolean whole = dimension == Dimension.ALL;
        Figures.Totals totals = whole ? figures.totals(game, day, day, Dimension.ALL, null)
                : figures.totalsTogether(game, day, day, Dimension.AGENT, agents);
        Figures.Spread first = whole ? figures.spread(game, day, day, Dimension.ALL, null, Figures.FIRST_RESPONSE)
                : figures.spreadTogether(game, day, day, Dimension.AGENT, agents, Figures.FIRST_RESPONSE);
        Figures.Spread resolution = whole ? figures.spread(game, day, day, Dimension.ALL, null, Figures.RESOLUTION)
                : figures.spreadTogether(game, day, day, Dimension.AGENT, agents, Figures.RESOLUTION);
        DayFigures dayFigures = new DayFigures(totals.total(Metric.CREATED), totals.total(Metric.AGENT_REPLIES),
                totals.total(Metric.FIRST_RESPONDED), totals.total(Metric.RESOLVED), first.median(), first.p90(),
                resolution.median(), resolution.p90(), SummaryReport.slaMet(totals), SummaryReport.slaBreached(totals));
        Map<String, Long> backlog = new LinkedHashMap<>();
        List<UUID> assignees = whole ? null : agents.stream().map(UUID::fromString).toList();
        figures.backlogOf(game, assignees).byStatus().forEach((status, ages) -> backlog.merge(status,
                java.util.Arrays.stream(ages).sum(), Long::sum));
        return openItems(game, assignees, dayFigures, backlog);
    }

    /** Open tickets with a missed target or open for more than a week, oldest first; of a team's agents if given. */
    private DailyContent openItems(Set<UUID> game, List<UUID> assignees, DayFigures dayFigures,
            Map<String, Long> backlog) {
        if (assignees != null && assignees.isEmpty()) {
            return new DailyContent(dayFigures, backlog, List.of(), 0);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("games", game)
                .addValue("old", Timestamp.from(clock.instant().minus(Figures.Backlog.AGES.get(2))))
                .addValue("agents", assignees);
        String where = " from insight_ticket where game_id in (:games) and is_open = true and (sla_first_response = "
                + "'breached' or sla_next_response = 'breached' or sla_resolution = 'breached' or created_at <= :old)"
                + (assignees == null ? "" : " and assignee_id in (:agents)");
        long count = named.queryForObject("select count(*)" + where, params, Long.class);
        List<OpenItem> open = named.query("select ticket_id, ticket_number, status, created_at, sla_first_response, "
                + "sla_next_response, sla_resolution" + where + " order by created_at, ticket_id limit " + OPEN_SHOWN,
                params, (row, i) -> new OpenItem(row.getObject(1, UUID.class), row.getLong(2), row.getString(3),
                        row.getTimestamp(4).toInstant(), "breached".equals(row.getString(5))
                                || "breached".equals(row.getString(6)) || "breached".equals(row.getString(7))
                                        ? "breached" : "old"));
        return new DailyContent(dayFigures, backlog, open, Math.max(0, count - open.size()));
    }

    /** The days and games whose reports the reader may open, newest first. */
    public List<Entry> list(StaffUser reader, int limit) {
        List<Entry> entries = jdbc.query("select game_id, report_day from insight_daily_report where team = ? "
                + "order by report_day desc, game_id", (row, i) -> new Entry(row.getObject(1, UUID.class), null,
                        row.getObject(2, LocalDate.class)), WHOLE_GAME);
        List<Entry> mine = entries.stream().filter(e -> reader.serves(e.gameId())).limit(limit).toList();
        Map<UUID, String> names = new java.util.HashMap<>();
        games.all(mine.stream().map(Entry::gameId).distinct().toList()).forEach(g -> names.put(g.id(), g.name()));
        return mine.stream().map(e -> new Entry(e.gameId(), names.getOrDefault(e.gameId(), ""), e.day())).toList();
    }

    /**
     * The parts of a game's report of one day the reader may read: everything for a lead who
     * serves the game, their own team's part for an agent. Another game's report is refused.
     */
    List<Stored> open(StaffUser reader, UUID gameId, LocalDate day) {
        if (!reader.serves(gameId)) {
            throw new AccessDeniedException("the daily report of a game the reader does not serve");
        }
        String myTeam = reader.can(Permission.ASSIGN_OTHERS) ? null : routing.skills(reader.id()).tier().code();
        List<Stored> parts = stored(gameId, day).stream()
                .filter(part -> myTeam == null || myTeam.equals(part.team())).toList();
        if (parts.isEmpty()) {
            throw new NotFoundException("daily report", gameId + "/" + day);
        }
        return parts;
    }

    /** Every part of a game's report of one day, the whole game first, then the teams in the tiers' order. */
    List<Stored> stored(UUID gameId, LocalDate day) {
        List<Stored> parts = jdbc.query("select team, content from insight_daily_report where game_id = ? and "
                + "report_day = ?", (row, i) -> new Stored(gameId, day, row.getString(1),
                        json.readValue(row.getString(2), DailyContent.class)), gameId, day);
        return parts.stream().sorted(Comparator.comparingInt(DailyReports::order)).toList();
    }

    /** Every game not archived: what "all games" means for an administrator. */
    List<UUID> allGameIds() {
        return games.profiles().stream().filter(g -> !g.archived()).map(GameProfile::id).toList();
    }

    Optional<GameProfile> game(UUID gameId) {
        try {
            return Optional.of(games.profile(gameId));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static int order(Stored part) {
        if (WHOLE_GAME.equals(part.team())) {
            return -1;
        }
        for (AgentTier tier : AgentTier.values()) {
            if (tier.code().equals(part.team())) {
                return tier.ordinal();
            }
        }
        return AgentTier.values().length;
    }
}
