package org.playerdesk.game.internal.simulated;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.playerdesk.game.ActionResult;
import org.playerdesk.system.entity.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated game's own record of actions, one row per idempotency key. It writes in its own
 * transaction, as a remote game would: an action the game applied stays applied even when the
 * caller's transaction later fails, and the caller's retry with the same key is answered the
 * first result.
 */
@Component
class SimulatedActionStore {

    private static final String COLUMNS = "kind, account_id, operator, reason, duration_seconds, currency_amount, "
            + "item, quantity, applied, reference, message, performed_at, currency, channel, title, body";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SimulatedActionStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An action as the game recorded it. */
    record Stored(String kind, String accountId, String operator, String reason, Duration duration,
            long currencyAmount, String item, int quantity, boolean applied, String reference, String message,
            Instant at, String currency, String channel, String title, String body) {

        Stored(String kind, String accountId, String operator, String reason, Duration duration, long currencyAmount,
                String item, int quantity, boolean applied, String reference, String message, Instant at) {
            this(kind, accountId, operator, reason, duration, currencyAmount, item, quantity, applied, reference,
                    message, at, null, null, null, null);
        }

        ActionResult result(boolean replayed) {
            return new ActionResult(applied, reference, message, replayed);
        }
    }

    List<Stored> of(String gameCode, String accountId) {
        return jdbc.sql("select " + COLUMNS + " from simulated_game_action where game_code = ? and account_id = ? "
                + "order by performed_at, id").params(gameCode, accountId).query((rs, n) -> stored(rs)).list();
    }

    Optional<Stored> byKey(String gameCode, String key) {
        return jdbc.sql("select " + COLUMNS + " from simulated_game_action where game_code = ? and idempotency_key = ?")
                .params(gameCode, key).query((rs, n) -> stored(rs)).optional();
    }

    /** Saves a new action; empty when another call with the same key got there first. */
    Optional<Stored> insert(String gameCode, String key, Stored s) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("insert into simulated_game_action (id, game_code, "
                    + "idempotency_key, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(Ids.next(), gameCode, key, s.kind(), s.accountId(), s.operator(), s.reason(),
                            s.duration() == null ? null : s.duration().toSeconds(), s.currencyAmount(), s.item(),
                            s.quantity(), s.applied(), s.reference(), s.message(),
                            OffsetDateTime.ofInstant(s.at(), ZoneOffset.UTC), s.currency(), s.channel(), s.title(),
                            s.body())
                    .update());
            return Optional.of(s);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        long seconds = rs.getLong("duration_seconds");
        Duration duration = rs.wasNull() ? null : Duration.ofSeconds(seconds);
        return new Stored(rs.getString("kind"), rs.getString("account_id"), rs.getString("operator"),
                rs.getString("reason"), duration, rs.getLong("currency_amount"), rs.getString("item"),
                rs.getInt("quantity"), rs.getBoolean("applied"), rs.getString("reference"), rs.getString("message"),
                rs.getObject("performed_at", OffsetDateTime.class).toInstant(), rs.getString("currency"),
                rs.getString("channel"), rs.getString("title"), rs.getString("body"));
    }
}
