package org.playerdesk.system.files;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.files.FilesProperties.Kind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stores of each kind this application may use, each made when first needed: the configured
 * one, the one files are moving from, and both ends of a migration.
 */
class FileBackends implements DisposableBean {

    private final PlayerDeskProperties properties;
    private final FilesProperties files;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final Clock clock;
    private final Map<Kind, FileStores> made = new EnumMap<>(Kind.class);

    FileBackends(PlayerDeskProperties properties, FilesProperties files, ObjectProvider<JdbcTemplate> jdbc,
            ObjectProvider<PlatformTransactionManager> transactions, Clock clock) {
        this.properties = properties;
        this.files = files;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    synchronized FileStores of(Kind kind) {
        return made.computeIfAbsent(kind, this::make);
    }

    private FileStores make(Kind kind) {
        return switch (kind) {
            case LOCAL -> new LocalFolders(properties, clock);
            case DATABASE -> new DatabaseFiles(jdbc.getObject(), new TransactionTemplate(transactions.getObject()), clock);
            case S3 -> new ObjectStorage(files.s3(), clock);
        };
    }

    @Override
    public synchronized void destroy() {
        made.values().forEach(stores -> {
            if (stores instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the application is stopping; nothing is left to do with the store
                }
            }
        });
        made.clear();
    }
}
