package org.playerdesk.incident.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.incident.LinkState;
import org.playerdesk.incident.LinkedTicket;
import org.playerdesk.system.entity.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tickets of incidents (table {@code incident_ticket}), in plain SQL: a storm links thousands
 * at once. The ticket id is the table's key, so a ticket is in at most one incident, whichever
 * node or lead links it first.
 */
@Component
public class IncidentLinks {

    private final JdbcClient jdbc;

    IncidentLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the ticket unless it is in an incident already; answers whether it was linked now. */
    public boolean link(UUID ticketId, UUID incidentId, LinkState state, String by, Instant now) {
        return jdbc.sql("""
                insert into incident_ticket (ticket_id, incident_id, state, linked_at, linked_by)
                select :ticket, :incident, :state, :at, :by
                where not exists (select 1 from incident_ticket where ticket_id = :ticket)""")
                .param("ticket", ticketId).param("incident", incidentId).param("state", state.code())
                .param("at", at(now)).param("by", by).update() == 1;
    }

    /**
     * Links every unsettled outage report of the grouping key seen since {@code since} that is in
     * no incident yet, as proposed (or linked, once confirmed), and settles those reports.
     */
    public int linkWindow(UUID incidentId, UUID gameId, String serverKey, Instant since, LinkState state,
            String by, Instant now) {
        int linked = jdbc.sql("""
                insert into incident_ticket (ticket_id, incident_id, state, linked_at, linked_by)
                select c.ticket_id, :incident, :state, :at, :by from incident_candidate c
                where c.game_id = :game and c.server_key = :server and c.settled = false and c.created_at >= :since
                and not exists (select 1 from incident_ticket t where t.ticket_id = c.ticket_id)""")
                .param("incident", incidentId).param("state", state.code()).param("at", at(now))
                .param("by", by).param("game", gameId).param("server", serverKey).param("since", at(since))
                .update();
        jdbc.sql("""
                update incident_candidate set settled = true
                where game_id = :game and server_key = :server and settled = false and created_at >= :since""")
                .param("game", gameId).param("server", serverKey).param("since", at(since)).update();
        return linked;
    }

    public Optional<LinkedTicket> of(UUID ticketId) {
        return jdbc.sql("select ticket_id, incident_id, state, linked_at, linked_by from incident_ticket where ticket_id = ?")
                .param(ticketId).query((rs, n) -> row(rs)).optional();
    }

    public int unlink(UUID ticketId, UUID incidentId) {
        return jdbc.sql("delete from incident_ticket where ticket_id = ? and incident_id = ?")
                .param(ticketId).param(incidentId).update();
    }

    public int confirmAll(UUID incidentId) {
        return jdbc.sql("update incident_ticket set state = 'linked' where incident_id = ? and state = 'proposed'")
                .param(incidentId).update();
    }

    public int dropAll(UUID incidentId) {
        return jdbc.sql("delete from incident_ticket where incident_id = ?").param(incidentId).update();
    }

    public void promote(UUID ticketId, String by, Instant now) {
        jdbc.sql("update incident_ticket set state = 'linked', linked_at = ?, linked_by = ? where ticket_id = ?")
                .param(at(now)).param(by).param(ticketId).update();
    }

    public Map<LinkState, Long> counts(UUID incidentId) {
        Map<LinkState, Long> counts = new EnumMap<>(LinkState.class);
        for (LinkState state : LinkState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) from incident_ticket where incident_id = ? group by state")
                .param(incidentId)
                .query((rs, n) -> Map.entry(Coded.fromCode(LinkState.class, rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** One page of an incident's tickets, in the order they were linked. */
    public List<LinkedTicket> page(UUID incidentId, int page, int size) {
        return jdbc.sql("""
                select ticket_id, incident_id, state, linked_at, linked_by from incident_ticket
                where incident_id = :incident order by linked_at, ticket_id
                offset :offset rows fetch next :size rows only""")
                .param("incident", incidentId).param("offset", (long) page * size).param("size", size)
                .query((rs, n) -> row(rs)).list();
    }

    /** Linked tickets (as of {@code asOf}) that have not had the broadcast yet, a batch at a time. */
    public List<UUID> awaiting(UUID broadcastId, UUID incidentId, Instant asOf, int batch) {
        return jdbc.sql("""
                select t.ticket_id from incident_ticket t
                where t.incident_id = :incident and t.state = 'linked' and t.linked_at <= :asOf
                and not exists (select 1 from incident_delivery d where d.broadcast_id = :broadcast and d.ticket_id = t.ticket_id)
                order by t.ticket_id fetch first :batch rows only""")
                .param("incident", incidentId).param("asOf", at(asOf)).param("broadcast", broadcastId)
                .param("batch", batch).query(UUID.class).list();
    }

    public long linkedAsOf(UUID incidentId, Instant asOf) {
        return jdbc.sql("select count(*) from incident_ticket where incident_id = ? and state = 'linked' and linked_at <= ?")
                .param(incidentId).param(at(asOf)).query(Long.class).single();
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static LinkedTicket row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LinkedTicket(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                Coded.fromCode(LinkState.class, rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }
}
