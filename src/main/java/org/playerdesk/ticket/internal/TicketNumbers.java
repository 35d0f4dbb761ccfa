package org.playerdesk.ticket.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameRegistered;
import org.playerdesk.system.database.DatabaseKind;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Readable ticket numbers, counted per game. Each game has its own database sequence, so that
 * concurrent intake never waits on a shared counter row. Sequences are created outside any
 * business transaction (on the embedded database a DDL statement would commit it).
 */
@Component
public class TicketNumbers {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final GameCatalog games;
    private final Set<UUID> ready = ConcurrentHashMap.newKeySet();
    private volatile Boolean postgres;

    TicketNumbers(DataSource dataSource, JdbcTemplate jdbc, GameCatalog games) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.games = games;
    }

    public long next(UUID gameId) {
        if (!ready.contains(gameId)) {
            ensure(gameId);
        }
        String sql = isPostgres() ? "select nextval('" + name(gameId) + "')" : "select next value for " + name(gameId);
        return jdbc.queryForObject(sql, Long.class);
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareAll() {
        games.all().forEach(game -> ensure(game.id()));
    }

    @ApplicationModuleListener
    void on(GameRegistered registered) {
        ensure(registered.gameId());
    }

    void ensure(UUID gameId) {
        try {
            create(gameId);
        } catch (SQLException raced) {
            // PostgreSQL's "if not exists" is not safe against a concurrent create of the same
            // sequence (the GameRegistered listener, first intake, another node): the loser fails
            // once, and by then the sequence exists.
            try {
                create(gameId);
            } catch (SQLException e) {
                e.addSuppressed(raced);
                throw new IllegalStateException("cannot prepare ticket numbers for game " + gameId, e);
            }
        }
        ready.add(gameId);
    }

    private void create(UUID gameId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("create sequence if not exists " + name(gameId) + " start with 1");
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = DatabaseKind.isPostgres(dataSource);
        }
        return postgres;
    }

    /** The sequence name comes from the game's id (hex only), never from user input. */
    private static String name(UUID gameId) {
        return "ticket_number_" + gameId.toString().replace("-", "");
    }
}
