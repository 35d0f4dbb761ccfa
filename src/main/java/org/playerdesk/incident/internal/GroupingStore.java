package org.playerdesk.incident.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.playerdesk.incident.GroupingSettings;
import org.playerdesk.system.cache.ReferenceMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The grouping's state in the database, which is its only truth (any node may take any report):
 * each game's settings row, which doubles as the game's lock while a proposal may be made, and the
 * outage reports of the window ({@code incident_candidate}).
 */
@Component
public class GroupingStore {

    private final JdbcClient jdbc;
    private final IncidentProperties properties;
    /**
     * Each game's settings as last read: every new ticket asks them. Forgotten when they are saved
     * here; another node's change is seen within five seconds.
     */
    private final ReferenceMap<UUID, GroupingSettings> kept = new ReferenceMap<>(Duration.ofSeconds(5));

    GroupingStore(JdbcClient jdbc, IncidentProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public GroupingSettings settings(UUID gameId) {
        return kept.get(gameId, this::read);
    }

    private GroupingSettings read(UUID gameId) {
        return jdbc.sql("select enabled, window_minutes, threshold from incident_grouping where game_id = ?")
                .param(gameId)
                .query((rs, n) -> new GroupingSettings(rs.getBoolean(1), rs.getInt(2), rs.getInt(3)))
                .optional().orElseGet(properties::defaults);
    }

    public void save(UUID gameId, GroupingSettings settings) {
        kept.changed();
        ensureRow(gameId);
        jdbc.sql("update incident_grouping set enabled = ?, window_minutes = ?, threshold = ? where game_id = ?")
                .param(settings.enabled()).param(settings.windowMinutes()).param(settings.threshold()).param(gameId)
                .update();
    }

    /**
     * Holds the game's grouping lock until the transaction ends: while no proposal exists for a
     * server, reports of the game are weighed one at a time, so that exactly one proposal is made
     * and no report that arrived meanwhile is left out of it.
     */
    public void lock(UUID gameId) {
        ensureRow(gameId);
        jdbc.sql("select game_id from incident_grouping where game_id = ? for update").param(gameId).query().listOfRows();
    }

    private void ensureRow(UUID gameId) {
        GroupingSettings defaults = properties.defaults();
        jdbc.sql("""
                insert into incident_grouping (game_id, enabled, window_minutes, threshold)
                select :game, :enabled, :window, :threshold
                where not exists (select 1 from incident_grouping where game_id = :game)""")
                .param("game", gameId).param("enabled", defaults.enabled()).param("window", defaults.windowMinutes())
                .param("threshold", defaults.threshold()).update();
    }

    /** Remembers an outage report (once: a retried event finds it there). */
    public void remember(UUID ticketId, UUID gameId, String serverKey, Instant at) {
        jdbc.sql("""
                insert into incident_candidate (ticket_id, game_id, server_key, created_at, settled)
                select :ticket, :game, :server, :at, false
                where not exists (select 1 from incident_candidate where ticket_id = :ticket)""")
                .param("ticket", ticketId).param("game", gameId).param("server", serverKey)
                .param("at", IncidentLinks.at(at)).update();
    }

    public void settle(UUID ticketId) {
        jdbc.sql("update incident_candidate set settled = true where ticket_id = ?").param(ticketId).update();
    }

    /**
     * The outage reports of one server since {@code since} that joined no proposal yet: fewer than
     * the threshold while no proposal exists, so this never reads the whole window of a storm.
     */
    public long unsettled(UUID gameId, String serverKey, Instant since) {
        return jdbc.sql("""
                select count(*) from incident_candidate
                where game_id = ? and server_key = ? and settled = false and created_at >= ?""")
                .param(gameId).param(serverKey).param(IncidentLinks.at(since)).query(Long.class).single();
    }

    /** Forgets reports older than any window can reach. */
    public int forget(UUID gameId, Instant before) {
        return jdbc.sql("delete from incident_candidate where game_id = ? and created_at < ?")
                .param(gameId).param(IncidentLinks.at(before)).update();
    }
}
