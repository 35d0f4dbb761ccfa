package org.playerdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Real ids from the database for the scenarios to ask for: tickets, open work and player accounts. */
record Samples(List<UUID> tickets, List<UUID> activeTickets, List<String> accounts, List<Long> numbers) {

    static Samples load(String jdbc, String user, String password) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
            return new Samples(
                    uuids(db, "select id from ticket order by random() limit 5000"),
                    uuids(db, "select id from ticket where status in ('new', 'open', 'pending_player', 'pending_internal') "
                            + "order by random() limit 5000"),
                    strings(db, "select account_id from player order by random() limit 5000"),
                    longs(db, "select number from ticket order by random() limit 1000"));
        }
    }

    static <T> T any(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static List<UUID> uuids(Connection db, String sql) throws SQLException {
        List<UUID> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getObject(1, UUID.class));
            }
        }
        return values;
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }
}
