package org.playerdesk.automation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.playerdesk.automation.ExecutionView;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.validation.Texts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record of rule runs: one row per rule and triggering event (or idle ticket), claimed before
 * the rule acts, in the same transaction as its actions. A retried event, or a second node
 * sweeping at the same time, finds the row and leaves the rule alone; a run rolled back leaves
 * no row, so it is tried again.
 */
@Component
public class Executions {

    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String STOPPED = "stopped";
    /** The reminder's own change to the ticket: claimed so that it is not reminded twice. */
    static final String COVERED = "covered";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Executions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the run; false when the rule already ran (or is running) for this event. */
    boolean claim(UUID ruleId, UUID gameId, UUID ticketId, String eventKey, int depth, String outcome,
            String summary) {
        return jdbc.update("insert into automation_execution (id, rule_id, game_id, ticket_id, event_key, depth, "
                + "outcome, summary, executed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                Ids.next(), ruleId, gameId, ticketId, eventKey, depth, outcome,
                summary == null ? null : Texts.abbreviate(summary, 500), time(clock.instant())) == 1;
    }

    void finish(UUID ruleId, String eventKey, String outcome, String summary) {
        jdbc.update("update automation_execution set outcome = ?, summary = ? where rule_id = ? and event_key = ?",
                outcome, summary == null ? null : Texts.abbreviate(summary, 500), ruleId, eventKey);
    }

    /** The latest runs of a game's rules, newest first; the reminder's bookkeeping rows left out. */
    public List<ExecutionView> recent(UUID gameId, int limit) {
        return jdbc.query("select rule_id, ticket_id, depth, outcome, summary, executed_at from automation_execution "
                + "where game_id = ? and outcome <> ? order by executed_at desc, id desc limit ?",
                (row, i) -> new ExecutionView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getInt(3), row.getString(4), row.getString(5),
                        row.getTimestamp(6).toInstant()),
                gameId, COVERED, Math.clamp(limit, 1, 500));
    }

    int prune(Instant before) {
        return jdbc.update("delete from automation_execution where executed_at < ?", time(before));
    }

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
