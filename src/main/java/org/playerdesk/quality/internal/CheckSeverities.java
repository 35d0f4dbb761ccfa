package org.playerdesk.quality.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.system.entity.Coded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each game's severities of the reply checks ({@code quality_check_severity}), over the defaults. */
@Component
class CheckSeverities {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CheckSeverities(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The game's rules: the defaults with the game's own severities. */
    CheckRules rules(UUID gameId) {
        CheckRules[] rules = { CheckRules.defaults() };
        jdbc.query("select check_code, severity from quality_check_severity where game_id = ?",
                (RowCallbackHandler) row -> {
                    // a code this version does not know (written by a newer node) is left out
                    try {
                        rules[0] = rules[0].with(Coded.fromCode(ReplyCheck.class, row.getString(1)),
                                Coded.fromCode(Severity.class, row.getString(2)));
                    } catch (IllegalArgumentException unknown) {
                        // kept as it is
                    }
                }, gameId);
        return rules[0];
    }

    /** Sets the game's severities of these checks, together. */
    @Transactional
    void setAll(UUID gameId, java.util.Map<ReplyCheck, Severity> chosen) {
        chosen.forEach((check, severity) -> set(gameId, check, severity));
    }

    /** Sets the game's severity of one check. */
    @Transactional
    void set(UUID gameId, ReplyCheck check, Severity severity) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.update("update quality_check_severity set severity = ?, updated_at = ? where game_id = ? and check_code = ?",
                severity.code(), now, gameId, check.code()) == 0) {
            jdbc.update("insert into quality_check_severity (game_id, check_code, severity, updated_at) values (?, ?, ?, ?)",
                    gameId, check.code(), severity.code(), now);
        }
    }
}
