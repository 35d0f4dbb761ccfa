package org.playerdesk.workforce.internal.presence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.workforce.PresencePeriod;
import org.playerdesk.workforce.PresenceState;
import org.playerdesk.workforce.PresenceView;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored states ({@code workforce_presence}) and their history ({@code workforce_presence_period}).
 * A move is made under the agent's row lock and closes the period under way as it opens the next,
 * so the history has no gaps or overlaps however many tabs, nodes and listeners move it at once.
 * Nobody's permission is checked here.
 */
@Repository
@EnableConfigurationProperties(PresenceSettings.class)
public class PresenceLedger {

    /** Why a state began, as the history keeps it. */
    public enum Cause {
        OWN, LEAD, CHAT, FIRST_SEEN, SIGN_OUT, ABSENT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A change made: the state before (available for someone never recorded) and after. */
    public record Move(UUID staffId, PresenceState from, PresenceState to, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PresenceLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The states of these members of staff; one never recorded is available ({@link PresenceView#unrecorded}). */
    @Transactional(readOnly = true)
    public Map<UUID, PresenceView> states(Collection<UUID> staffIds) {
        Map<UUID, PresenceView> states = new HashMap<>();
        if (staffIds.isEmpty()) {
            return states;
        }
        for (List<UUID> chunk : chunks(staffIds)) {
            named.query("select staff_id, state, state_since, last_seen_at from workforce_presence"
                    + " where staff_id in (:ids)", new MapSqlParameterSource("ids", chunk), row -> {
                        PresenceView view = view(row);
                        states.put(view.staffId(), view);
                    });
        }
        staffIds.forEach(id -> states.computeIfAbsent(id, PresenceView::unrecorded));
        return states;
    }

    /**
     * The agent's state, their row locked until the caller's transaction ends (someone never
     * recorded: available, and nothing to lock), so that a decision on it is not overtaken.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PresenceView lock(UUID staffId) {
        List<PresenceView> found = jdbc.query("select staff_id, state, state_since, last_seen_at from workforce_presence"
                + " where staff_id = ? for update", (row, n) -> view(row), staffId);
        return found.isEmpty() ? PresenceView.unrecorded(staffId) : found.getFirst();
    }

    /**
     * Puts the agent in {@code to} as of {@code at}, in the caller's transaction; empty when they
     * were in it already. Someone never recorded gets their first row (their first period begins).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Move> move(UUID staffId, PresenceState to, Instant at, Cause cause, UUID by) {
        if (first(staffId, to, at, cause, by)) {
            return Optional.of(new Move(staffId, PresenceState.AVAILABLE, to, at));
        }
        PresenceState from = Codes.require("state", jdbc.queryForObject(
                "select state from workforce_presence where staff_id = ? for update", String.class, staffId),
                PresenceState.class);
        if (from == to) {
            return Optional.empty();
        }
        jdbc.update("update workforce_presence set state = ?, state_since = ? where staff_id = ?", to.code(), ts(at),
                staffId);
        close(staffId, at);
        open(staffId, to, at, cause, by);
        return Optional.of(new Move(staffId, from, to, at));
    }

    /**
     * The agent's first state, as of {@code at}, in the caller's transaction; false when a state was
     * recorded meanwhile (then there is a row to lock, and the caller decides again under its lock).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean first(UUID staffId, PresenceState state, Instant at, Cause cause, UUID by) {
        // a first row written meanwhile by another transaction is waited for and left as it is: then
        // there is a row to lock, and the caller decides again under its lock
        if (jdbc.update("insert into workforce_presence (staff_id, state, state_since, last_seen_at)"
                + " values (?, ?, ?, ?) on conflict do nothing", staffId, state.code(), ts(at),
                cause == Cause.OWN || cause == Cause.FIRST_SEEN ? ts(at) : null) != 1) {
            return false;
        }
        open(staffId, state, at, cause, by);
        return true;
    }

    /**
     * A console of the agent's is there at {@code at}; false when the agent has no row yet (they
     * never chose a state), which this leaves to the caller.
     */
    @Transactional
    public boolean seen(UUID staffId, Instant at) {
        return jdbc.update("update workforce_presence set last_seen_at = ? where staff_id = ?", ts(at), staffId) == 1;
    }

    /** The agent signed out: no console of theirs counts as open any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signedOut(UUID staffId) {
        jdbc.update("update workforce_presence set last_seen_at = null where staff_id = ?", staffId);
    }

    /**
     * Agents not offline whose consoles have been silent since before {@code before}. One no console
     * has spoken for yet (their state came from live chat or a lead) is left alone: only a console
     * that went quiet ends availability.
     */
    @Transactional(readOnly = true)
    public List<UUID> silentSince(Instant before) {
        return jdbc.queryForList("select staff_id from workforce_presence where state <> ?"
                + " and last_seen_at < ?", UUID.class, PresenceState.OFFLINE.code(),
                ts(before));
    }

    /**
     * Sets the agent offline when they are still silent since before {@code before}: a conditional
     * update, so that of several nodes sweeping at once exactly one does it (and a sign of life
     * that came meanwhile wins). Answers the move, if this call made it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Move> endIfSilent(UUID staffId, Instant before, Instant at) {
        String from = jdbc.query("select state from workforce_presence where staff_id = ? and state <> ?"
                + " and last_seen_at < ? for update",
                rs -> rs.next() ? rs.getString(1) : null, staffId, PresenceState.OFFLINE.code(), ts(before));
        if (from == null || jdbc.update("update workforce_presence set state = ?, state_since = ? where staff_id = ?"
                + " and state = ?", PresenceState.OFFLINE.code(), ts(at), staffId, from) != 1) {
            return Optional.empty();
        }
        close(staffId, at);
        open(staffId, PresenceState.OFFLINE, at, Cause.ABSENT, null);
        return Optional.of(new Move(staffId, Codes.require("state", from, PresenceState.class),
                PresenceState.OFFLINE, at));
    }

    /** The periods of these agents that overlap {@code [from, to)}, oldest first; {@code state} null: all. */
    @Transactional(readOnly = true)
    public List<PresencePeriod> periods(Collection<UUID> staffIds, PresenceState state, Instant from, Instant to) {
        if (staffIds.isEmpty()) {
            return List.of();
        }
        List<PresencePeriod> periods = new ArrayList<>();
        for (List<UUID> chunk : chunks(staffIds)) {
            MapSqlParameterSource params = new MapSqlParameterSource("ids", chunk).addValue("from", ts(from))
                    .addValue("to", ts(to)).addValue("state", state == null ? null : state.code());
            named.query("select staff_id, state, started_at, ended_at from workforce_presence_period"
                    + " where staff_id in (:ids) and started_at < :to and (ended_at is null or ended_at > :from)"
                    + (state == null ? "" : " and state = :state") + " order by started_at, id", params,
                    row -> {
                        Timestamp ended = row.getTimestamp(4);
                        periods.add(new PresencePeriod(row.getObject(1, UUID.class),
                                Codes.require("state", row.getString(2), PresenceState.class),
                                row.getTimestamp(3).toInstant(), ended == null ? null : ended.toInstant()));
                    });
        }
        periods.sort(java.util.Comparator.comparing(PresencePeriod::from));
        return Collections.unmodifiableList(periods);
    }

    private void close(UUID staffId, Instant at) {
        jdbc.update("update workforce_presence_period set ended_at = ? where staff_id = ? and ended_at is null",
                ts(at), staffId);
    }

    private void open(UUID staffId, PresenceState state, Instant at, Cause cause, UUID by) {
        jdbc.update("insert into workforce_presence_period (id, staff_id, state, started_at, cause, set_by)"
                + " values (?, ?, ?, ?, ?, ?)", Ids.next(), staffId, state.code(), ts(at), cause.code(), by);
    }

    private static PresenceView view(ResultSet row) throws SQLException {
        Timestamp seen = row.getTimestamp(4);
        return new PresenceView(row.getObject(1, UUID.class), Codes.require("state", row.getString(2),
                PresenceState.class), row.getTimestamp(3).toInstant(), seen == null ? null : seen.toInstant());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    /** In lists of at most 500 ids, well below what either database takes in one statement. */
    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<List<UUID>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }
}
