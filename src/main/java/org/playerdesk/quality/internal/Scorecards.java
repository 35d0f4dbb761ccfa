package org.playerdesk.quality.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.quality.Scorecard;
import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each game's scorecards, one row per version ({@code qa_scorecard}): saving makes a new version
 * and a review keeps the version it was scored on. A game that never saved one scores on the
 * default, kept as its first version when it is first used.
 */
@Component
class Scorecards {

    /** A version of a game's scorecard. */
    record Version(UUID id, UUID gameId, int version, Scorecard scorecard, String text, Instant createdAt,
            UUID createdBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Scorecards(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The game's latest scorecard; the default, stored as its first version, where it has none. */
    @Transactional
    Version current(UUID gameId) {
        return latest(gameId).orElseGet(() -> {
            jdbc.update("insert into qa_scorecard (id, game_id, version, definition, created_by, created_at) "
                    + "values (?, ?, 1, ?, null, ?) on conflict do nothing", Ids.next(), gameId, ScorecardText.DEFAULT,
                    Timestamp.from(clock.instant()));
            return latest(gameId).orElseThrow();
        });
    }

    /** The scorecard the game would score on now, without storing anything. */
    @Transactional(readOnly = true)
    Scorecard peek(UUID gameId) {
        return latest(gameId).map(Version::scorecard).orElseGet(() -> ScorecardText.parse(ScorecardText.DEFAULT));
    }

    @Transactional(readOnly = true)
    Optional<Version> byId(UUID id) {
        return jdbc.query("select id, game_id, version, definition, created_at, created_by from qa_scorecard where id = ?",
                (rs, row) -> version(rs), id).stream().findFirst();
    }

    /** The game's versions, the latest first. */
    @Transactional(readOnly = true)
    List<Version> history(UUID gameId) {
        return jdbc.query("select id, game_id, version, definition, created_at, created_by from qa_scorecard "
                + "where game_id = ? order by version desc", (rs, row) -> version(rs), gameId);
    }

    /** Saves the text as the game's next version; refused line by line when it does not read. */
    @Transactional
    Version save(UUID gameId, String text, UUID by) {
        Scorecard scorecard = ScorecardText.parse(text);
        int next = latest(gameId).map(v -> v.version() + 1).orElse(1);
        UUID id = Ids.next();
        jdbc.update("insert into qa_scorecard (id, game_id, version, definition, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, gameId, next, ScorecardText.format(scorecard), by,
                Timestamp.from(clock.instant()));
        return byId(id).orElseThrow();
    }

    private Optional<Version> latest(UUID gameId) {
        return jdbc.query("select id, game_id, version, definition, created_at, created_by from qa_scorecard "
                + "where game_id = ? order by version desc fetch first 1 rows only", (rs, row) -> version(rs), gameId)
                .stream().findFirst();
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        String text = rs.getString(4);
        return new Version(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                ScorecardText.parse(text), text, rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class));
    }
}
