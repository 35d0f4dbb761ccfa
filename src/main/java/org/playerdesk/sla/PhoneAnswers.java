package org.playerdesk.sla;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone answer target (seed: answered within three rings, one minute): each game's target
 * ({@code playerdesk.sla.phone-answer-target}, 60 s, unless the game sets its own), and the ended
 * calls the telephony module reported, measured against it when they ended: met when answered
 * within it, breached when answered later or when the caller hung up after waiting longer; a
 * caller who hung up sooner counts neither way.
 */
@Service
public class PhoneAnswers {

    public static final int TARGET_MIN = 5;
    public static final int TARGET_MAX = 3600;

    /** The calls of a period against the target. */
    public record Tally(long met, long breached, long abandoned) {

        /** Met of met and breached, or null when neither was counted. */
        public Double compliance() {
            return met + breached == 0 ? null : (double) met / (met + breached);
        }
    }

    private final JdbcTemplate jdbc;
    private final Duration fallback;

    PhoneAnswers(JdbcTemplate jdbc, @Value("${playerdesk.sla.phone-answer-target:PT60S}") Duration fallback) {
        this.jdbc = jdbc;
        this.fallback = fallback;
    }

    /** How soon the game's phone calls should be answered. */
    public Duration target(UUID gameId) {
        return jdbc.queryForList("select answer_seconds from sla_phone_target where game_id = ?", Integer.class, gameId)
                .stream().findFirst().map(Duration::ofSeconds).orElse(fallback);
    }

    @Transactional
    public void setTarget(UUID gameId, String seconds) {
        int value;
        try {
            value = Integer.parseInt(seconds == null ? "" : seconds.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("answerSeconds", "invalid.range", TARGET_MIN, TARGET_MAX);
        }
        if (value < TARGET_MIN || value > TARGET_MAX) {
            throw InvalidInput.of("answerSeconds", "invalid.range", TARGET_MIN, TARGET_MAX);
        }
        if (jdbc.update("update sla_phone_target set answer_seconds = ? where game_id = ?", value, gameId) == 0) {
            jdbc.update("insert into sla_phone_target (game_id, answer_seconds) values (?, ?)", gameId, value);
        }
    }

    /** The calls of the games that ended in {@code [from, to)}. */
    public Tally tally(Collection<UUID> games, Instant from, Instant to) {
        if (games.isEmpty()) {
            return new Tally(0, 0, 0);
        }
        List<Object> args = new ArrayList<>(games);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        String in = String.join(", ", games.stream().map(g -> "?").toList());
        return jdbc.queryForObject("select coalesce(sum(case when met then 1 else 0 end), 0), "
                + "coalesce(sum(case when breached then 1 else 0 end), 0), "
                + "coalesce(sum(case when answered then 0 else 1 end), 0) from sla_phone_call where game_id in (" + in
                + ") and ended_at >= ? and ended_at < ?",
                (row, n) -> new Tally(row.getLong(1), row.getLong(2), row.getLong(3)), args.toArray());
    }
}
