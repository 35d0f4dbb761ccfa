package org.playerdesk.workforce.internal.worklog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentStatus;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketTally;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The morning meeting (早会) of a lead's team, or of the whole department for supervisors: the
 * agenda assembled from yesterday (the problems the logs left open, the incidents, the logs, the
 * figures), and the minutes the lead writes, one record per day and scope, kept for reading later.
 */
@Service
@Transactional(readOnly = true)
class MorningMeetings {

    static final int MINUTES_MAX = 8000;
    static final int LABEL_MAX = 400;
    static final int PAST_MAX = 60;
    /** Incidents opened yesterday are looked for among this many pages of the newest. */
    private static final int INCIDENT_PAGES = 5;

    private final TeamLogs teamLogs;
    private final WorkingDays days;
    private final Teams teams;
    private final StaffDirectory staff;
    private final Incidents incidents;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MorningMeetings(TeamLogs teamLogs, WorkingDays days, Teams teams, StaffDirectory staff, Incidents incidents,
            TicketQueries tickets, GameCatalog games, JdbcTemplate jdbc, Clock clock) {
        this.teamLogs = teamLogs;
        this.days = days;
        this.teams = teams;
        this.staff = staff;
        this.incidents = incidents;
        this.tickets = tickets;
        this.games = games;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The team a lead meets by default: all for supervisors, their first team for a team's lead. */
    UUID defaultTeam(StaffMember lead) {
        List<TeamView> mine = teamLogs.choices(lead);
        return lead.role().leads() || mine.isEmpty() ? null : mine.getFirst().id();
    }

    /** The agenda of the lead's meeting with {@code teamId} (null: all they lead) on {@code day}. */
    Agenda agenda(StaffMember lead, UUID teamId, LocalDate day) {
        TeamLogs.Scope scope = teamLogs.scope(lead, teamId);
        LocalDate yesterday = day.minusDays(1);
        Map<UUID, String> gameNames = new HashMap<>();
        Set<UUID> gameScope = lead.role().seesAllGames() ? null : lead.gameIds();
        List<TeamLogs.PersonDay> logs = teamLogs.day(scope, yesterday);
        List<Agenda.Problem> problems = new ArrayList<>();
        for (TeamLogs.PersonDay person : logs) {
            for (LogEntry entry : person.log().entries()) {
                if (!entry.solved()) {
                    problems.add(new Agenda.Problem("entry:" + entry.id(), person.person().displayName(),
                            entry.category(), entry.body(), entry.ticketId(), entry.ticketNumber(),
                            entry.gameId() == null ? null : gameName(gameNames, entry.gameId())));
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(Agenda.Problem::category));
        ZoneId zone = days.zoneOf(lead.id());
        Instant from = days.start(yesterday, zone);
        Instant to = days.start(day, zone);
        TicketTally figures = tickets.tally(gameScope, from, to);
        return new Agenda(day, yesterday, scope, problems, incidents(gameScope, from, to, gameNames), logs, figures,
                meeting(day, scope.key()).orElse(null));
    }

    /** The incidents in progress, and those opened yesterday whatever became of them, newest first. */
    private List<Agenda.Incident> incidents(Set<UUID> gameScope, Instant from, Instant to, Map<UUID, String> names) {
        Map<UUID, IncidentView> found = new LinkedHashMap<>();
        incidents.list(gameScope, EnumSet.of(IncidentStatus.OPEN, IncidentStatus.PROPOSED), 0)
                .forEach(i -> found.put(i.id(), i));
        for (int page = 0; page < INCIDENT_PAGES; page++) {
            var slice = incidents.list(gameScope, Set.of(), page);
            slice.forEach(i -> {
                if (!i.createdAt().isBefore(from) && i.createdAt().isBefore(to)) {
                    found.putIfAbsent(i.id(), i);
                }
            });
            if (!slice.hasNext() || slice.getContent().stream().anyMatch(i -> i.createdAt().isBefore(from))) {
                break;
            }
        }
        return found.values().stream().sorted(java.util.Comparator.comparing(IncidentView::createdAt).reversed())
                .map(i -> new Agenda.Incident("incident:" + i.id(), i.id(), i.title(), gameName(names, i.gameId()),
                        "incident.status." + i.status().code(), i.createdAt()))
                .toList();
    }

    /**
     * Keeps the minutes of the lead's meeting on {@code day}: the text, and for each item of the
     * agenda whether it was discussed and its owner (one of the people of the meeting's scope).
     */
    @Transactional
    Meeting keep(StaffMember lead, UUID teamId, LocalDate day, String minutes, Collection<String> discussed,
            Map<String, UUID> owners) {
        Agenda agenda = agenda(lead, teamId, day);
        String text = minutes == null || minutes.isBlank() ? null : minutes.strip();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (text != null && text.length() > MINUTES_MAX) {
            errors.add(new InvalidInput.FieldError("minutes", "invalid.tooLong", MINUTES_MAX));
        } else if (text != null && Texts.hasForbiddenControl(text, true)) {
            errors.add(new InvalidInput.FieldError("minutes", "invalid.control"));
        }
        Set<UUID> people = new java.util.HashSet<>();
        agenda.scope().people().forEach(p -> people.add(p.id()));
        people.add(lead.id());
        owners.forEach((key, owner) -> {
            if (owner != null && !people.contains(owner)) {
                errors.add(new InvalidInput.FieldError("owner", "invalid.worklog.owner"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream().distinct().toList());
        }
        Map<String, String> labels = labels(agenda);
        Instant now = clock.instant();
        UUID id = agenda.meeting() == null ? null : agenda.meeting().id();
        if (id == null) {
            id = Ids.next();
            jdbc.update("insert into worklog_meeting (id, meeting_day, scope, team_id, minutes, held_by, created_at,"
                    + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, day, agenda.scope().key(),
                    agenda.scope().team() == null ? null : agenda.scope().team().id(), text, lead.id(),
                    Timestamp.from(now), Timestamp.from(now));
        } else {
            jdbc.update("update worklog_meeting set minutes = ?, held_by = ?, updated_at = ? where id = ?", text,
                    lead.id(), Timestamp.from(now), id);
        }
        // items of an earlier save that left the agenda since (a problem solved meanwhile) stay as they were kept
        for (Map.Entry<String, String> item : labels.entrySet()) {
            String key = item.getKey();
            jdbc.update("delete from worklog_meeting_item where meeting_id = ? and item_key = ?", id, key);
            jdbc.update("insert into worklog_meeting_item (meeting_id, item_key, label, discussed, owner_id)"
                    + " values (?, ?, ?, ?, ?)", id, key, item.getValue(), discussed.contains(key), owners.get(key));
        }
        return meeting(day, agenda.scope().key()).orElseThrow();
    }

    /** The past meetings the lead may read (their teams', or all for supervisors), newest first. */
    List<Meeting> past(StaffMember lead) {
        List<TeamView> mine = teamLogs.choices(lead);
        List<Meeting> kept = jdbc.query("select id, meeting_day, scope from worklog_meeting order by meeting_day desc,"
                + " updated_at desc", (row, n) -> new Object[] {row.getObject(1, UUID.class),
                        row.getObject(2, LocalDate.class), row.getString(3)}).stream()
                .filter(r -> lead.role().leads() || mine.stream().anyMatch(t -> t.id().toString().equals(r[2])))
                .limit(PAST_MAX).map(r -> meeting((LocalDate) r[1], (String) r[2]).orElseThrow()).toList();
        return kept;
    }

    /** One kept meeting, for a lead who may read it. */
    Meeting read(StaffMember lead, UUID meetingId) {
        return past(lead).stream().filter(m -> m.id().equals(meetingId)).findFirst()
                .orElseThrow(() -> new NotFoundException("meeting", meetingId));
    }

    private Optional<Meeting> meeting(LocalDate day, String scope) {
        return jdbc.query("select id, team_id, held_by, minutes, updated_at from worklog_meeting where meeting_day = ?"
                + " and scope = ?", (row, n) -> {
                    UUID id = row.getObject(1, UUID.class);
                    UUID team = row.getObject(2, UUID.class);
                    Map<String, Meeting.Item> items = items(id);
                    String scopeName = team == null ? null : teams.get(team).map(TeamView::name).orElse("—");
                    return new Meeting(id, day, scope, scopeName, name(row.getObject(3, UUID.class)),
                            row.getString(4), row.getTimestamp(5).toInstant(), items);
                }, day, scope).stream().findFirst();
    }

    private Map<String, Meeting.Item> items(UUID meetingId) {
        List<Object[]> rows = jdbc.query("select item_key, label, discussed, owner_id from worklog_meeting_item"
                + " where meeting_id = ? order by item_key", (row, n) -> new Object[] {row.getString(1),
                        row.getString(2), row.getBoolean(3), row.getObject(4, UUID.class)}, meetingId);
        Set<UUID> owners = new java.util.HashSet<>();
        rows.forEach(r -> {
            if (r[3] != null) {
                owners.add((UUID) r[3]);
            }
        });
        Map<UUID, StaffMember> named = staff.byIds(owners);
        Map<String, Meeting.Item> items = new LinkedHashMap<>();
        for (Object[] r : rows) {
            UUID owner = (UUID) r[3];
            items.put((String) r[0], new Meeting.Item((String) r[1], (Boolean) r[2], owner,
                    owner == null || !named.containsKey(owner) ? null : named.get(owner).displayName()));
        }
        return items;
    }

    /** Each item's words as the minutes keep them. */
    private static Map<String, String> labels(Agenda agenda) {
        Map<String, String> labels = new LinkedHashMap<>();
        agenda.problems().forEach(p -> labels.put(p.key(), cut(p.authorName() + ": " + p.body()
                + (p.ticketNumber() == null ? "" : " (#" + p.ticketNumber() + ")"))));
        agenda.incidents().forEach(i -> labels.put(i.key(), cut(i.gameName() + " · " + i.title())));
        return labels;
    }

    private static String cut(String text) {
        return text.length() <= LABEL_MAX ? text : text.substring(0, LABEL_MAX - 1) + "…";
    }

    private String name(UUID staffId) {
        return staffId == null ? "—" : staff.byIds(Set.of(staffId)).values().stream().findFirst()
                .map(StaffMember::displayName).orElse("—");
    }

    private String gameName(Map<UUID, String> names, UUID gameId) {
        return names.computeIfAbsent(gameId, id -> games.all(List.of(id)).stream().findFirst().map(GameInfo::name)
                .orElse("—"));
    }
}
