package org.playerdesk.ticket.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.ticket.TicketRef;
import org.playerdesk.ticket.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bulk jobs' tables in plain SQL (thousands of rows per job): the job, its tickets in the
 * order they were chosen, and its batches. A batch is claimed by a conditional update that only
 * one node can win (nobody holds it, or the holder's lease has run out), and a ticket is settled
 * by one as well (its outcome still empty), so that however many nodes work, and whatever a node
 * that died had begun, each ticket is changed once.
 */
@Component
class BulkStore {

    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final int INSERT_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    BulkStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A job as stored. */
    record Job(UUID id, Actor actor, String action, String choice, String choiceLabel, String choiceKey, int total,
            Instant createdAt, Instant finishedAt) {
    }

    /** A batch this node holds until {@code until}. */
    record Claim(UUID jobId, int batch, String node, Instant until) {
    }

    /** A ticket of a batch still to be settled. */
    record Item(int seq, UUID ticketId, long ticketNumber) {
    }

    void insert(UUID id, Actor actor, String action, String choice, String choiceLabel, String choiceKey,
            List<TicketRef> tickets, int batchSize, Instant now) {
        jdbc.sql("""
                insert into ticket_bulk_job (id, actor_id, actor_name, action, choice, choice_label, choice_key, total,
                                             created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, actor.id(), actor.name(), action, choice, choiceLabel, choiceKey, tickets.size(), at(now))
                .update();
        List<Object[]> items = new ArrayList<>(tickets.size());
        for (int seq = 0; seq < tickets.size(); seq++) {
            TicketRef ticket = tickets.get(seq);
            items.add(new Object[] {id, seq, seq / batchSize, ticket.id(), ticket.number()});
        }
        for (int from = 0; from < items.size(); from += INSERT_CHUNK) {
            batches.batchUpdate("insert into ticket_bulk_item (job_id, seq, batch_no, ticket_id, ticket_number)"
                    + " values (?, ?, ?, ?, ?)", items.subList(from, Math.min(items.size(), from + INSERT_CHUNK)));
        }
        List<Object[]> batchRows = new ArrayList<>();
        for (int batch = 0; batch * batchSize < tickets.size(); batch++) {
            batchRows.add(new Object[] {id, batch});
        }
        batches.batchUpdate("insert into ticket_bulk_batch (job_id, batch_no) values (?, ?)", batchRows);
    }

    /**
     * Claims the first batch nobody holds (or whose holder's lease ran out by {@code now}), of the
     * oldest job first, or of {@code jobId} only when given; empty when there is none.
     */
    Optional<Claim> claimNext(UUID jobId, String node, Instant now, Instant until) {
        for (int round = 0; round < 5; round++) {
            JdbcClient.StatementSpec claimable = jobId == null
                    ? jdbc.sql(CLAIMABLE + " order by job_id, batch_no fetch first 10 rows only")
                    : jdbc.sql(CLAIMABLE + " and job_id = :job order by batch_no fetch first 10 rows only")
                            .param("job", jobId);
            List<Claim> candidates = claimable.param("now", at(now))
                    .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getInt(2), node, until)).list();
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (Claim candidate : candidates) {
                int won = jdbc.sql("""
                        update ticket_bulk_batch set claimed_by = :node, claimed_until = :until
                        where job_id = :job and batch_no = :batch and finished_at is null
                        and (claimed_until is null or claimed_until < :now)""")
                        .param("node", node).param("until", at(until)).param("job", candidate.jobId())
                        .param("batch", candidate.batch()).param("now", at(now)).update();
                if (won == 1) {
                    return Optional.of(candidate);
                }
            }
            // every candidate was taken by another node meanwhile: look again
        }
        return Optional.empty();
    }

    private static final String CLAIMABLE = """
            select job_id, batch_no from ticket_bulk_batch
            where finished_at is null and (claimed_until is null or claimed_until < :now)""";

    List<Item> pending(Claim claim) {
        return jdbc.sql("""
                select seq, ticket_id, ticket_number from ticket_bulk_item
                where job_id = ? and batch_no = ? and outcome is null order by seq""")
                .param(claim.jobId()).param(claim.batch())
                .query((rs, n) -> new Item(rs.getInt(1), rs.getObject(2, UUID.class), rs.getLong(3))).list();
    }

    /** Settles one ticket of the job unless it is settled already; answers whether this call did. */
    boolean settle(UUID jobId, int seq, String outcome, FailureReason reason, Instant now) {
        return jdbc.sql("""
                update ticket_bulk_item set outcome = ?, reason_key = ?, reason_args = ?, settled_at = ?
                where job_id = ? and seq = ? and outcome is null""")
                .params(outcome, reason == null ? null : reason.key(), reason == null ? null : reason.storedArguments(),
                        at(now), jobId, seq)
                .update() == 1;
    }

    /** Marks the batch finished once none of its tickets is left, and the job once none of its batches is. */
    void finish(Claim claim, Instant now) {
        jdbc.sql("""
                update ticket_bulk_batch set finished_at = :now
                where job_id = :job and batch_no = :batch and finished_at is null
                and not exists (select 1 from ticket_bulk_item i
                                where i.job_id = :job and i.batch_no = :batch and i.outcome is null)""")
                .param("now", at(now)).param("job", claim.jobId()).param("batch", claim.batch()).update();
        jdbc.sql("""
                update ticket_bulk_job set finished_at = :now
                where id = :job and finished_at is null
                and not exists (select 1 from ticket_bulk_batch b where b.job_id = :job and b.finished_at is null)""")
                .param("now", at(now)).param("job", claim.jobId()).update();
    }

    Optional<Job> job(UUID id) {
        return jdbc.sql("""
                select id, actor_id, actor_name, action, choice, choice_label, choice_key, total, created_at,
                       finished_at
                from ticket_bulk_job where id = ?""")
                .param(id).query((rs, n) -> job(rs)).optional();
    }

    /** How many of the job's tickets are settled, by outcome. */
    Map<String, Long> counts(UUID jobId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                select outcome, count(*) from ticket_bulk_item where job_id = ? and outcome is not null
                group by outcome""")
                .param(jobId).query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    List<BulkJobView.Failure> failures(UUID jobId, int limit) {
        return jdbc.sql("""
                select ticket_id, ticket_number, reason_key, reason_args from ticket_bulk_item
                where job_id = :job and outcome = 'failed' order by seq fetch first :limit rows only""")
                .param("job", jobId).param("limit", limit)
                .query((rs, n) -> new BulkJobView.Failure(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        FailureReason.readArguments(rs.getString(4))))
                .list();
    }

    /** Forgets jobs finished before {@code before}, with their tickets and batches. */
    int prune(Instant before) {
        return jdbc.sql("delete from ticket_bulk_job where finished_at < ?").param(at(before)).update();
    }

    private static Job job(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject(10, OffsetDateTime.class);
        return new Job(rs.getObject(1, UUID.class), Actor.agent(rs.getObject(2, UUID.class), rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
