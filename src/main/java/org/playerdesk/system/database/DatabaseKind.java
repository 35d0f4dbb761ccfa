package org.playerdesk.system.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * Which database PlayerDesk runs on, for the few statements that differ between PostgreSQL and
 * the embedded H2. Asks the database once per call: callers keep the answer.
 */
public final class DatabaseKind {

    private DatabaseKind() {
    }

    /** Whether {@code dataSource} is a PostgreSQL database. */
    public static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell the database's kind", e);
        }
    }
}
