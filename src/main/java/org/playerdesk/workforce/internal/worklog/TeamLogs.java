package org.playerdesk.workforce.internal.worklog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logs a lead reads, read-only: their teams' (a team's lead leads its members; supervisors
 * and administrators everyone who works tickets), a day's logs with who has not submitted, and a
 * search over the entries of a few days.
 */
@Service
@Transactional(readOnly = true)
class TeamLogs {

    /** The longest stretch of days one search reads (the search walks the entries of those days). */
    static final int SEARCH_DAYS_MAX = 92;
    static final int WORDS_MAX = 100;
    static final int FOUND_MAX = 200;

    /** Whom a lead reads: a team of theirs, or all they lead ({@code team} null). */
    record Scope(TeamView team, List<StaffMember> people) {

        public String key() {
            return team == null ? "all" : team.id().toString();
        }
    }

    /** One person's log of the day as the lead sees it, with what they did. */
    record PersonDay(StaffMember person, WorkLog log, DayFacts facts) {
    }

    private final Teams teams;
    private final StaffDirectory staff;
    private final WorkLogs logs;
    private final WorkingDays days;
    private final JdbcTemplate jdbc;

    TeamLogs(Teams teams, StaffDirectory staff, WorkLogs logs, WorkingDays days, JdbcTemplate jdbc) {
        this.teams = teams;
        this.staff = staff;
        this.logs = logs;
        this.days = days;
        this.jdbc = jdbc;
    }

    /** Whether the reader leads anyone, so that the lead's pages are theirs to open. */
    boolean leadsAnyone(StaffMember reader) {
        return teams.leadsAnyone(reader);
    }

    /** The teams the reader may choose: all for supervisors and administrators, their own for a team's lead. */
    List<TeamView> choices(StaffMember reader) {
        requireLead(reader);
        return reader.role().leads() ? teams.all() : teams.ledBy(reader.id());
    }

    /** Whom the reader reads in {@code teamId} (null: everyone they lead); another's team is absent. */
    Scope scope(StaffMember reader, UUID teamId) {
        List<TeamView> mine = choices(reader);
        if (teamId != null) {
            TeamView team = mine.stream().filter(t -> t.id().equals(teamId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("team", teamId));
            return new Scope(team, people(team.people()));
        }
        if (reader.role().leads()) {
            return new Scope(null, staff.all().stream().filter(m -> m.enabled() && m.can(Permission.WORK_TICKETS))
                    .sorted(Comparator.comparing(StaffMember::displayName).thenComparing(StaffMember::username))
                    .toList());
        }
        Set<UUID> led = new LinkedHashSet<>();
        mine.forEach(t -> led.addAll(t.people()));
        return new Scope(null, people(led));
    }

    /** Everyone's log of the day in the scope, with their facts; those not submitted first. */
    List<PersonDay> day(Scope scope, LocalDate day) {
        Map<UUID, WorkLog> found = logs.logs(scope.people().stream().map(StaffMember::id).toList(), day);
        List<PersonDay> rows = new ArrayList<>();
        for (StaffMember person : scope.people()) {
            rows.add(new PersonDay(person, found.getOrDefault(person.id(), WorkLog.empty(person.id(), day)),
                    days.facts(person.id(), day)));
        }
        rows.sort(Comparator.comparing((PersonDay p) -> p.log().submitted()));
        return rows;
    }

    /** One entry found by a search, with its author's name. */
    record Found(LogEntry entry, String authorName) {
    }

    /**
     * The entries of the scope's people in {@code [from, to]} whose text holds {@code words}
     * (case-insensitive), newest first. The days bound the read (an index on the day); the words
     * are matched as they are, with no wildcards of their own.
     */
    List<Found> search(Scope scope, String words, LocalDate from, LocalDate to) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String text = words == null ? "" : words.strip();
        if (text.isEmpty()) {
            errors.add(new InvalidInput.FieldError("q", "invalid.blank"));
        } else if (text.length() > WORDS_MAX) {
            errors.add(new InvalidInput.FieldError("q", "invalid.tooLong", WORDS_MAX));
        }
        if (from.isAfter(to) || from.plusDays(SEARCH_DAYS_MAX).isBefore(to)) {
            errors.add(new InvalidInput.FieldError("from", "invalid.worklog.searchDays", SEARCH_DAYS_MAX));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<UUID, StaffMember> people = new java.util.HashMap<>();
        scope.people().forEach(p -> people.put(p.id(), p));
        if (people.isEmpty()) {
            return List.of();
        }
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Object> arguments = new ArrayList<>(List.of(from, to, pattern));
        arguments.addAll(people.keySet());
        String in = String.join(",", people.keySet().stream().map(id -> "?").toList());
        return jdbc.query("select " + WorkLogs.ENTRY_COLUMNS + " from worklog_entry where log_day between ? and ?"
                + " and body_lower like ? escape '\\' and staff_id in (" + in + ")"
                + " order by log_day desc, created_at desc", WorkLogs.ENTRY, arguments.toArray()).stream()
                .limit(FOUND_MAX).map(e -> new Found(e, people.get(e.staffId()).displayName())).toList();
    }

    private List<StaffMember> people(Set<UUID> ids) {
        return staff.byIds(ids).values().stream()
                .sorted(Comparator.comparing(StaffMember::displayName).thenComparing(StaffMember::username)).toList();
    }

    static void requireLead(StaffMember reader, Teams teams) {
        if (reader == null || !teams.leadsAnyone(reader)) {
            throw new AccessDeniedException("only leads read their teams' logs");
        }
    }

    private void requireLead(StaffMember reader) {
        requireLead(reader, teams);
    }
}
