package org.playerdesk.system.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up which database PlayerDesk uses, and warns when it is the embedded one. */
@Component
class DatabaseReport {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

    private final DataSource dataSource;

    DatabaseReport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL();
            String where = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            where = where.contains(";") ? where.substring(0, where.indexOf(';')) : where;
            log.info("Database: {} {} at {}", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), where);
            if (url.startsWith("jdbc:h2:")) {
                log.warn("Database: the embedded H2 database is meant for evaluation and small teams; "
                        + "set PLAYERDESK_DB_URL to run on PostgreSQL");
            }
        }
    }
}
