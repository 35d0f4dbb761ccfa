package org.playerdesk.quality.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.quality.CheckRules;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.system.entity.Coded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each game's rules for the reply checks over the defaults: severities ({@code quality_check_severity}),
 * words ({@code quality_check_words}) and channels' length limits ({@code quality_length_limit}).
 * Every reply is checked with them, so a game's rules are kept for {@link #KEPT} after they are read:
 * a change made on this node counts at once, one made on another node within that time.
 */
@Component
class CheckSettings {

    static final Duration KEPT = Duration.ofSeconds(30);

    private record Kept(CheckRules rules, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    CheckSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The game's rules: the defaults with the game's own severities, words and limits. */
    CheckRules rules(UUID gameId) {
        Instant now = clock.instant();
        Kept known = kept.get(gameId);
        if (known != null && now.isBefore(known.until())) {
            return known.rules();
        }
        CheckRules rules = read(gameId);
        kept.put(gameId, new Kept(rules, now.plus(KEPT)));
        return rules;
    }

    private CheckRules read(UUID gameId) {
        CheckRules[] rules = { CheckRules.defaults() };
        // a code this version does not know (written by a newer node) is left out
        jdbc.query("select check_code, severity from quality_check_severity where game_id = ?",
                (RowCallbackHandler) row -> {
                    try {
                        rules[0] = rules[0].with(Coded.fromCode(ReplyCheck.class, row.getString(1)),
                                Coded.fromCode(Severity.class, row.getString(2)));
                    } catch (IllegalArgumentException unknown) {
                        // kept as it is
                    }
                }, gameId);
        jdbc.query("select language, kind, words from quality_check_words where game_id = ?",
                (RowCallbackHandler) row -> {
                    String language = row.getString(1);
                    String words = row.getString(3);
                    kind(row.getString(2)).ifPresent(kind -> rules[0] = rules[0].with(language, kind, lines(words)));
                }, gameId);
        jdbc.query("select channel, max_chars from quality_length_limit where game_id = ?",
                (RowCallbackHandler) row -> rules[0] = rules[0].withLimit(row.getString(1), row.getInt(2)), gameId);
        return rules[0];
    }

    /** Sets the game's severities, words and limits, together; what equals the default is kept too. */
    @Transactional
    void save(UUID gameId, Map<ReplyCheck, Severity> severities, Map<String, Map<CheckRules.Kind, List<String>>> words,
            Map<String, Integer> limits) {
        Timestamp now = Timestamp.from(clock.instant());
        severities.forEach((check, severity) -> upsert(
                "update quality_check_severity set severity = ?, updated_at = ? where game_id = ? and check_code = ?",
                "insert into quality_check_severity (severity, updated_at, game_id, check_code) values (?, ?, ?, ?)",
                severity.code(), now, gameId, check.code()));
        words.forEach((language, kinds) -> kinds.forEach((kind, list) -> upsert(
                "update quality_check_words set words = ?, updated_at = ? where game_id = ? and language = ? and kind = ?",
                "insert into quality_check_words (words, updated_at, game_id, language, kind) values (?, ?, ?, ?, ?)",
                String.join("\n", list), now, gameId, language, kind.code())));
        limits.forEach((channel, max) -> upsert(
                "update quality_length_limit set max_chars = ?, updated_at = ? where game_id = ? and channel = ?",
                "insert into quality_length_limit (max_chars, updated_at, game_id, channel) values (?, ?, ?, ?)",
                max, now, gameId, channel));
        kept.remove(gameId);
    }

    /** Sets the game's severity of one check. */
    @Transactional
    void set(UUID gameId, ReplyCheck check, Severity severity) {
        save(gameId, Map.of(check, severity), Map.of(), Map.of());
    }

    private void upsert(String update, String insert, Object... values) {
        if (jdbc.update(update, values) == 0) {
            jdbc.update(insert, values);
        }
    }

    /** Words one per line, without blanks, each once. */
    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static java.util.Optional<CheckRules.Kind> kind(String code) {
        return Arrays.stream(CheckRules.Kind.values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
