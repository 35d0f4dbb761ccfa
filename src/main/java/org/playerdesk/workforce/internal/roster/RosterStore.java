package org.playerdesk.workforce.internal.roster;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The roster's tables, read in whole ranges (one query per table, never one per agent or day) and
 * written one row at a time by {@code RosterPlanning}.
 */
@Repository
public class RosterStore {

    /** A minimum headcount: of a team (null: the department), for a shift, of a tier (null: anyone). */
    public record Minimum(UUID id, UUID teamId, UUID shiftId, String tier, int headcount) {
    }

    /** The on-duty lead (值班长) of a shift on a date. */
    public record DutyLead(UUID shiftId, LocalDate date, UUID staffId) {
    }

    private final JdbcTemplate jdbc;

    RosterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Shift> shifts() {
        return jdbc.query("select id, name, starts_at, ends_at from workforce_shift order by starts_at, name",
                (row, n) -> new Shift(row.getObject(1, UUID.class), row.getString(2), Shift.time(row.getString(3)),
                        Shift.time(row.getString(4))));
    }

    public List<Pattern> patterns() {
        Map<UUID, List<UUID>> days = new LinkedHashMap<>();
        jdbc.query("select pattern_id, shift_id from workforce_pattern_day order by pattern_id, position",
                row -> {
                    days.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(row.getObject(2, UUID.class));
                });
        return jdbc.query("select id, name, weekly from workforce_pattern order by name", (row, n) -> {
            UUID id = row.getObject(1, UUID.class);
            return new Pattern(id, row.getString(2), row.getBoolean(3), days.getOrDefault(id, List.of()));
        });
    }

    public List<Assignment> assignments() {
        return jdbc.query("select id, staff_id, team_id, pattern_id, starts_on, ends_on, time_zone "
                + "from workforce_roster_assignment", (row, n) -> assignment(row));
    }

    private static Assignment assignment(ResultSet row) throws SQLException {
        return new Assignment(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, UUID.class), row.getObject(4, UUID.class), row.getObject(5, LocalDate.class),
                row.getObject(6, LocalDate.class), ZoneId.of(row.getString(7)));
    }

    /** Every lead's change of a day from {@code from} to {@code to}, both included. */
    public List<DayChange> changes(LocalDate from, LocalDate to) {
        return jdbc.query("select id, staff_id, on_date, kind, shift_id, note from workforce_roster_change "
                + "where on_date between ? and ? order by on_date, created_at", (row, n) -> change(row),
                Date.valueOf(from), Date.valueOf(to));
    }

    public java.util.Optional<DayChange> change(UUID id) {
        return jdbc.query("select id, staff_id, on_date, kind, shift_id, note from workforce_roster_change where id = ?",
                (row, n) -> change(row), id).stream().findFirst();
    }

    private static DayChange change(ResultSet row) throws SQLException {
        return new DayChange(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, LocalDate.class), DayChange.Kind.valueOf(row.getString(4).toUpperCase(
                        java.util.Locale.ROOT)), row.getObject(5, UUID.class), row.getString(6));
    }

    /** Swap requests of any state for dates from {@code from} to {@code to}. */
    public List<Swap> swaps(LocalDate from, LocalDate to) {
        return jdbc.query(SWAP + "where on_date between ? and ? order by on_date, requested_at", (row, n) -> swap(row),
                Date.valueOf(from), Date.valueOf(to));
    }

    /** Requests still waiting for a lead, from {@code from} on. */
    public List<Swap> waitingSwaps(LocalDate from) {
        return jdbc.query(SWAP + "where state = 'requested' and on_date >= ? order by on_date, requested_at",
                (row, n) -> swap(row), Date.valueOf(from));
    }

    public java.util.Optional<Swap> swap(UUID id) {
        return jdbc.query(SWAP + "where id = ?", (row, n) -> swap(row), id).stream().findFirst();
    }

    private static final String SWAP = "select id, requester_id, colleague_id, on_date, reason, state, requested_at, "
            + "decided_by, decided_at from workforce_swap ";

    private static Swap swap(ResultSet row) throws SQLException {
        Timestamp decided = row.getTimestamp(9);
        return new Swap(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                row.getObject(4, LocalDate.class), row.getString(5), SwapState.of(row.getString(6)),
                row.getTimestamp(7).toInstant(), row.getObject(8, UUID.class),
                decided == null ? null : decided.toInstant());
    }

    public List<Minimum> minimums() {
        return jdbc.query("select id, team_id, shift_id, tier, headcount from workforce_staffing_minimum",
                (row, n) -> new Minimum(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class), row.getString(4), row.getInt(5)));
    }

    public List<DutyLead> dutyLeads(LocalDate from, LocalDate to) {
        return jdbc.query("select shift_id, on_date, staff_id from workforce_duty_lead where on_date between ? and ?",
                (row, n) -> new DutyLead(row.getObject(1, UUID.class), row.getObject(2, LocalDate.class),
                        row.getObject(3, UUID.class)), Date.valueOf(from), Date.valueOf(to));
    }

    // writes

    public void insertShift(UUID id, String name, String start, String end, Instant at) {
        jdbc.update("insert into workforce_shift (id, name, starts_at, ends_at, created_at) values (?, ?, ?, ?, ?)", id,
                name, start, end, Timestamp.from(at));
    }

    public int updateShift(UUID id, String name, String start, String end) {
        return jdbc.update("update workforce_shift set name = ?, starts_at = ?, ends_at = ? where id = ?", name, start,
                end, id);
    }

    public boolean shiftNameTaken(String name, UUID except) {
        return jdbc.queryForObject("select count(*) from workforce_shift where lower(name) = lower(?) and id <> ?",
                Integer.class, name, except) > 0;
    }

    public boolean shiftInUse(UUID id) {
        return jdbc.queryForObject("select count(*) from workforce_pattern_day where shift_id = ?", Integer.class,
                id) > 0;
    }

    public void deleteShift(UUID id) {
        jdbc.update("delete from workforce_shift where id = ?", id);
    }

    public void savePattern(UUID id, boolean exists, String name, boolean weekly, List<UUID> days, Instant at) {
        if (exists) {
            jdbc.update("update workforce_pattern set name = ?, weekly = ? where id = ?", name, weekly, id);
            jdbc.update("delete from workforce_pattern_day where pattern_id = ?", id);
        } else {
            jdbc.update("insert into workforce_pattern (id, name, weekly, created_at) values (?, ?, ?, ?)", id, name,
                    weekly, Timestamp.from(at));
        }
        for (int i = 0; i < days.size(); i++) {
            jdbc.update("insert into workforce_pattern_day (pattern_id, position, shift_id) values (?, ?, ?)", id, i,
                    days.get(i));
        }
    }

    public boolean patternNameTaken(String name, UUID except) {
        return jdbc.queryForObject("select count(*) from workforce_pattern where lower(name) = lower(?) and id <> ?",
                Integer.class, name, except) > 0;
    }

    public boolean patternInUse(UUID id) {
        return jdbc.queryForObject("select count(*) from workforce_roster_assignment where pattern_id = ?",
                Integer.class, id) > 0;
    }

    public void deletePattern(UUID id) {
        jdbc.update("delete from workforce_pattern where id = ?", id);
    }

    /**
     * Puts the agent or team on a pattern from a date: assignments of theirs begun on or after that
     * date are replaced, one running then ends the day before.
     */
    public void assign(Assignment a, UUID by, Instant at) {
        String subject = a.ofTeam() ? "team_id" : "staff_id";
        UUID who = a.ofTeam() ? a.teamId() : a.staffId();
        jdbc.update("delete from workforce_roster_assignment where " + subject + " = ? and starts_on >= ?", who,
                Date.valueOf(a.from()));
        jdbc.update("update workforce_roster_assignment set ends_on = ? where " + subject
                + " = ? and (ends_on is null or ends_on >= ?)", Date.valueOf(a.from().minusDays(1)), who,
                Date.valueOf(a.from()));
        jdbc.update("insert into workforce_roster_assignment (id, staff_id, team_id, pattern_id, starts_on, ends_on, "
                + "time_zone, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.staffId(),
                a.teamId(), a.patternId(), Date.valueOf(a.from()), a.until() == null ? null : Date.valueOf(a.until()),
                a.zone().getId(), by, Timestamp.from(at));
    }

    /** Takes the agent or team off any pattern from that date on. */
    public void unassign(UUID staffId, UUID teamId, LocalDate from) {
        String subject = teamId != null ? "team_id" : "staff_id";
        UUID who = teamId != null ? teamId : staffId;
        jdbc.update("delete from workforce_roster_assignment where " + subject + " = ? and starts_on >= ?", who,
                Date.valueOf(from));
        jdbc.update("update workforce_roster_assignment set ends_on = ? where " + subject
                + " = ? and (ends_on is null or ends_on >= ?)", Date.valueOf(from.minusDays(1)), who, Date.valueOf(from));
    }

    public void insertChange(DayChange change, UUID by, Instant at) {
        jdbc.update("insert into workforce_roster_change (id, staff_id, on_date, kind, shift_id, note, created_by, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", change.id(), change.staffId(),
                Date.valueOf(change.date()), change.kind().code(), change.shiftId(), change.note(), by,
                Timestamp.from(at));
    }

    public void deleteChange(UUID id) {
        jdbc.update("delete from workforce_roster_change where id = ?", id);
    }

    public void insertSwap(Swap swap) {
        jdbc.update("insert into workforce_swap (id, requester_id, colleague_id, on_date, reason, state, requested_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", swap.id(), swap.requesterId(), swap.colleagueId(),
                Date.valueOf(swap.date()), swap.reason(), swap.state().code(), Timestamp.from(swap.requestedAt()));
    }

    /** Moves a waiting request on; false when it was no longer waiting (decided meanwhile). */
    public boolean decideSwap(UUID id, SwapState to, UUID by, Instant at) {
        return jdbc.update("update workforce_swap set state = ?, decided_by = ?, decided_at = ? "
                + "where id = ? and state = 'requested'", to.code(), by, Timestamp.from(at), id) == 1;
    }

    public boolean swapOpen(UUID staffId, LocalDate date) {
        return jdbc.queryForObject("select count(*) from workforce_swap where on_date = ? and state in "
                + "('requested', 'approved') and (requester_id = ? or colleague_id = ? or requester_id = ? "
                + "or colleague_id = ?)", Integer.class, Date.valueOf(date), staffId, staffId, staffId, staffId) > 0;
    }

    public void setMinimum(UUID teamId, UUID shiftId, String tier, int headcount, UUID id) {
        jdbc.update("delete from workforce_staffing_minimum where shift_id = ? and "
                + (teamId == null ? "team_id is null" : "team_id = ?") + " and "
                + (tier == null ? "tier is null" : "tier = ?"),
                java.util.stream.Stream.of(shiftId, teamId, tier).filter(java.util.Objects::nonNull).toArray());
        if (headcount > 0) {
            jdbc.update("insert into workforce_staffing_minimum (id, team_id, shift_id, tier, headcount) "
                    + "values (?, ?, ?, ?, ?)", id, teamId, shiftId, tier, headcount);
        }
    }

    public void setDutyLead(UUID shiftId, LocalDate date, UUID staffId, UUID by, Instant at) {
        jdbc.update("delete from workforce_duty_lead where shift_id = ? and on_date = ?", shiftId, Date.valueOf(date));
        if (staffId != null) {
            jdbc.update("insert into workforce_duty_lead (shift_id, on_date, staff_id, set_by, set_at) "
                    + "values (?, ?, ?, ?, ?)", shiftId, Date.valueOf(date), staffId, by, Timestamp.from(at));
        }
    }
}
