package org.playerdesk.incident.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.incident.BroadcastView;
import org.playerdesk.incident.IncidentEvents.BroadcastRequested;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reply, or one resolution, for every ticket linked to an incident. The request is stored and
 * its event published in the staff member's transaction; the tickets are then worked through in
 * the background, a batch at a time, each ticket in a transaction of its own that both answers it
 * and records in {@code incident_delivery} that it was answered. A run that stops half-way (the
 * node died) is handed the event again by the publication registry and goes on with the tickets
 * not yet recorded; two runs at once (two nodes) cannot both answer a ticket, since the second
 * record of the same ticket is refused together with its reply.
 */
@Component
public class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    private final JdbcClient jdbc;
    private final IncidentLinks links;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate perTicket;
    private final IncidentProperties properties;
    private final Clock clock;

    Broadcasts(JdbcClient jdbc, IncidentLinks links, TicketDesk desk, TicketQueries tickets,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, IncidentProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.desk = desk;
        this.tickets = tickets;
        this.events = events;
        this.perTicket = new TransactionTemplate(transactions);
        this.perTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /** How many rounds in a row a run waits on tickets other runs hold before it leaves them to the retry. */
    private static final int HELD_ROUNDS_MAX = 10;

    /** Stores the request in the caller's transaction and publishes it for the background run. */
    public UUID start(UUID incidentId, BroadcastView.Kind kind, String body, boolean resolve, Actor actor) {
        UUID id = Ids.next();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into incident_broadcast (id, incident_id, kind, body, resolve, actor_id, actor_name, total, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, incidentId, kind.code(), body, resolve, actor.id(), actor.name(),
                        (int) links.linkedAsOf(incidentId, now), IncidentLinks.at(now))
                .update();
        events.publishEvent(new BroadcastRequested(id, incidentId, now));
        return id;
    }

    @Async
    @TransactionalEventListener
    void on(BroadcastRequested requested) {
        deliver(requested.broadcastId(), Integer.MAX_VALUE);
    }

    /**
     * Answers up to {@code limit} tickets that have not had the broadcast yet; answers how many
     * this run answered or skipped. Marks the broadcast finished when none is left.
     */
    public int deliver(UUID broadcastId, int limit) {
        Stored broadcast = stored(broadcastId).orElse(null);
        if (broadcast == null || broadcast.finishedAt != null) {
            return 0;
        }
        int worked = 0;
        List<UUID> previous = List.of();
        int heldRounds = 0;
        while (worked < limit) {
            List<UUID> batch = links.awaiting(broadcastId, broadcast.incidentId, broadcast.createdAt,
                    Math.min(properties.batch(), limit - worked));
            if (batch.isEmpty()) {
                jdbc.sql("update incident_broadcast set finished_at = ? where id = ? and finished_at is null")
                        .param(IncidentLinks.at(clock.instant())).param(broadcastId).update();
                break;
            }
            int before = worked;
            boolean held = false;
            for (UUID ticketId : batch) {
                switch (deliverOne(broadcast, ticketId)) {
                    case DONE -> worked++;
                    case HELD -> held = true;
                    case TAKEN, FAILED -> {
                        // another run got there first, or the next batch tries it again
                    }
                }
            }
            if (worked > before) {
                previous = List.of();
                heldRounds = 0;
            } else if (held ? ++heldRounds > HELD_ROUNDS_MAX : batch.equals(previous)) {
                // not one of these tickets could be answered twice in a row (or another run held them
                // round after round): the registry retries later
                throw new IllegalStateException("broadcast " + broadcastId + " is stuck on " + batch.size()
                        + " tickets; it is retried later");
            } else {
                previous = batch;
            }
        }
        return worked;
    }

    /** What became of one ticket in a run. */
    private enum Outcome {
        /** Answered, or recorded as skipped. */
        DONE,
        /** Another run recorded it first. */
        TAKEN,
        /** Another run is answering it now (its record waits on theirs): the next batch sees it done. */
        HELD,
        /** It could not take it this time (a clash with an agent's change): the next batch tries again. */
        FAILED
    }

    /** Thrown inside a ticket's transaction when another run holds the ticket's record. */
    private static final class HeldElsewhere extends RuntimeException {
        HeldElsewhere(Throwable cause) {
            super(cause);
        }
    }

    private Outcome deliverOne(Stored broadcast, UUID ticketId) {
        try {
            perTicket.executeWithoutResult(tx -> {
                try {
                    record(broadcast.id, ticketId, "sent");
                } catch (QueryTimeoutException | PessimisticLockingFailureException anotherRunHoldsIt) {
                    throw new HeldElsewhere(anotherRunHoldsIt);
                }
                if (broadcast.kind == BroadcastView.Kind.REPLY) {
                    desk.reply(ticketId, broadcast.actor, broadcast.body, List.of(),
                            broadcast.resolve ? TicketStatus.RESOLVED : null);
                } else if (tickets.head(ticketId).status().canBecome(TicketStatus.RESOLVED)) {
                    desk.changeStatus(ticketId, TicketStatus.RESOLVED, broadcast.actor);
                }
            });
            return Outcome.DONE;
        } catch (HeldElsewhere held) {
            return Outcome.HELD;
        } catch (DataIntegrityViolationException anotherRunGotThere) {
            return Outcome.TAKEN;
        } catch (RuleViolation refused) {
            // the ticket cannot take it (closed meanwhile): recorded as skipped, never tried again
            try {
                perTicket.executeWithoutResult(tx -> record(broadcast.id, ticketId, "skipped:" + refused.code()));
                return Outcome.DONE;
            } catch (DataIntegrityViolationException anotherRunGotThere) {
                return Outcome.TAKEN;
            }
        } catch (RuntimeException e) {
            // an optimistic-lock clash with an agent's change: the next batch tries the ticket again
            log.warn("broadcast {} could not reach ticket {} this time: {}", broadcast.id, ticketId, e.toString());
            return Outcome.FAILED;
        }
    }

    private void record(UUID broadcastId, UUID ticketId, String outcome) {
        jdbc.sql("insert into incident_delivery (broadcast_id, ticket_id, outcome, delivered_at) values (?, ?, ?, ?)")
                .params(broadcastId, ticketId, outcome, IncidentLinks.at(clock.instant())).update();
    }

    public Optional<BroadcastView> view(UUID broadcastId) {
        return stored(broadcastId).map(this::view);
    }

    public List<BroadcastView> of(UUID incidentId) {
        return jdbc.sql(SELECT + " where incident_id = ? order by created_at desc, id").param(incidentId)
                .query((rs, n) -> stored(rs)).list().stream().map(this::view).toList();
    }

    private BroadcastView view(Stored s) {
        record Count(long sent, long skipped) {
        }
        Count count = jdbc.sql("""
                select coalesce(sum(case when outcome = 'sent' then 1 else 0 end), 0),
                       coalesce(sum(case when outcome <> 'sent' then 1 else 0 end), 0)
                from incident_delivery where broadcast_id = ?""")
                .param(s.id).query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2))).single();
        return new BroadcastView(s.id, s.incidentId, s.kind, s.body, s.resolve, s.actor.name(), s.total, count.sent(),
                count.skipped(), s.createdAt, s.finishedAt);
    }

    private static final String SELECT = """
            select id, incident_id, kind, body, resolve, actor_id, actor_name, total, created_at, finished_at
            from incident_broadcast""";

    private Optional<Stored> stored(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> stored(rs)).optional();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID actorId = rs.getObject(6, UUID.class);
        OffsetDateTime finished = rs.getObject(10, OffsetDateTime.class);
        return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                Coded.fromCode(BroadcastView.Kind.class, rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                actorId == null ? Actor.SYSTEM : Actor.agent(actorId, rs.getString(7)), rs.getInt(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
    }

    private record Stored(UUID id, UUID incidentId, BroadcastView.Kind kind, String body, boolean resolve, Actor actor,
            int total, Instant createdAt, Instant finishedAt) {
    }
}
