package org.playerdesk.system.files;

import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.playerdesk.system.entity.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One area of a backend, with what every backend shares: the key of a new file
 * ({@code <year>/<month>/<id>}), the names an area and a key may have, and the clean-up after a
 * command that rolled back. A file is written before the rows that refer to it; when the command's
 * transaction rolls back after all, the file it wrote is removed again, so that a refused ticket
 * leaves no file behind.
 */
abstract class Area implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(Area.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final String name;
    private final Clock clock;

    Area(String name, Clock clock) {
        this.name = checkName(name);
        this.clock = clock;
    }

    @Override
    public final StoredFile put(InputStream content) {
        StoredFile file = write(MONTH.format(clock.instant()) + "/" + Ids.next(), content);
        if (!joinsTransactions()) {
            removeOnRollback(file.key());
        }
        return file;
    }

    /**
     * Writes the content under this key, replacing a file that was there: a reader sees the old
     * file or the new one whole, never a part. Answers the size and SHA-256 of what was written.
     */
    abstract StoredFile write(String key, InputStream content);

    /** Every key of the area, in no particular order; the stream must be closed. */
    abstract Stream<String> keys();

    /** Whether a write is part of the caller's transaction, and so undone with it. */
    boolean joinsTransactions() {
        return false;
    }

    String name() {
        return name;
    }

    private void removeOnRollback(String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_ROLLED_BACK) {
                    return;
                }
                try {
                    delete(key);
                } catch (RuntimeException e) {
                    log.warn("The file {} of area {} stays although its command was undone: {}", key, name,
                            e.getMessage());
                }
            }
        });
    }

    /** The area's name: a short lower-case word, the same in every backend. */
    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an area name: " + name);
        }
        return name;
    }

    /** A key as the stores make them: words joined by slashes, never {@code ..}, never absolute. */
    static String checkKey(String key) {
        if (key == null || key.length() > 200 || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }
}
