package org.playerdesk.automation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import java.util.ArrayList;

import org.playerdesk.automation.ExecutionView;
import org.playerdesk.automation.RunStep;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record of rule runs: one row per rule and triggering event (or idle ticket), claimed before
 * the rule acts, in the same transaction as its actions. A retried event, or a second node
 * sweeping at the same time, finds the row and leaves the rule alone; a run rolled back leaves
 * no row, so it is tried again. What a run did is kept as steps (message keys and arguments, as
 * JSON), worded when a page shows them.
 */
@Component
public class Executions {

    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String STOPPED = "stopped";
    /** The reminder's own change to the ticket: claimed so that it is not reminded twice. */
    static final String COVERED = "covered";

    static final int STEPS_MAX = 4000;
    private static final TypeReference<List<RunStep>> STEPS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JsonMapper json;

    Executions(JdbcTemplate jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /** Claims the run; false when the rule already ran (or is running) for this event. */
    boolean claim(UUID ruleId, UUID gameId, UUID ticketId, String eventKey, int depth, String outcome,
            List<RunStep> steps) {
        return jdbc.update("insert into automation_execution (id, rule_id, game_id, ticket_id, event_key, depth, "
                + "outcome, steps, executed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                Ids.next(), ruleId, gameId, ticketId, eventKey, depth, outcome, write(steps),
                time(clock.instant())) == 1;
    }

    void finish(UUID ruleId, String eventKey, String outcome, List<RunStep> steps) {
        jdbc.update("update automation_execution set outcome = ?, steps = ? where rule_id = ? and event_key = ?",
                outcome, write(steps), ruleId, eventKey);
    }

    /** The latest runs of a game's rules, newest first; the reminder's bookkeeping rows left out. */
    public List<ExecutionView> recent(UUID gameId, int limit) {
        return jdbc.query("select rule_id, ticket_id, depth, outcome, steps, summary, executed_at "
                + "from automation_execution where game_id = ? and outcome <> ? "
                + "order by executed_at desc, id desc limit ?",
                (row, i) -> new ExecutionView(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getInt(3), row.getString(4), read(row.getString(5)), row.getString(6),
                        row.getTimestamp(7).toInstant()),
                gameId, COVERED, Math.clamp(limit, 1, 500));
    }

    /** Why a run was refused, as steps: the rule broken, or each bad value, by its message key. */
    static List<RunStep> refusal(RuntimeException refused) {
        if (refused instanceof RuleViolation violation) {
            return List.of(new RunStep("error." + violation.code(),
                    violation.arguments().stream().map(RunStep.Arg::of).toList()));
        }
        if (refused instanceof InvalidInput invalid) {
            return invalid.errors().stream().map(e -> new RunStep(e.key(),
                    e.arguments().stream().map(RunStep.Arg::of).toList())).toList();
        }
        return List.of(RunStep.of("automation.run.gone"));
    }

    /** The steps as JSON; the last ones left out (and said so) when they would not fit the column. */
    private String write(List<RunStep> steps) {
        if (steps == null) {
            return null;
        }
        List<RunStep> kept = new ArrayList<>(steps);
        String text = json.writeValueAsString(kept);
        while (text.length() > STEPS_MAX && !kept.isEmpty()) {
            kept.removeLast();
            List<RunStep> shown = new ArrayList<>(kept);
            shown.add(RunStep.of("automation.run.more"));
            text = json.writeValueAsString(shown);
        }
        return text;
    }

    private List<RunStep> read(String text) {
        return text == null ? List.of() : json.readValue(text, STEPS);
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
