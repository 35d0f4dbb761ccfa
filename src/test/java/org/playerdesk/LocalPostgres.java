package org.playerdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (user postgres, no password) that the two-node tests
 * make their own databases on.
 */
public final class LocalPostgres {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private LocalPostgres() {
    }

    public static boolean reachable() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs one statement in {@code database} ("postgres" to create or drop one). */
    public static void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }
}
