package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.playerdesk.system.files.FilesProperties.Kind;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;

/**
 * Copies every file of the areas in use from one store to another, under the same keys, so that
 * the rows that refer to them need no change. Each copy is read back from the new store and its
 * SHA-256 compared with what was read from the old one; a copy that differs is removed again and
 * counted as failed. A file the new store already has with the same SHA-256 is left as it is, so
 * a migration that stopped goes on where it was when run again. The old store is only read.
 */
class FileMigration {

    /** How often a line of progress is written, in files. */
    static final int EVERY = 100;

    /** What became of one area's files. */
    record Outcome(String area, long total, long copied, long present, long failed) {
    }

    private final FileBackends backends;
    private final Consumer<String> progress;

    FileMigration(FileBackends backends, Consumer<String> progress) {
        this.backends = backends;
        this.progress = progress;
    }

    /**
     * Runs the migration {@code <from>:<to>} (for example {@code local:s3}) over these areas and
     * answers what became of each. A store that cannot be reached stops it ({@link FilesUnavailable}).
     */
    List<Outcome> run(String command, Set<String> areas) {
        String[] ends = command == null ? new String[0] : command.split(":", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("playerdesk.files.migrate is <from>:<to>, for example local:s3, not "
                    + command);
        }
        Kind from = Kind.of(ends[0]);
        Kind to = Kind.of(ends[1]);
        if (from == to) {
            throw new IllegalArgumentException("playerdesk.files.migrate names the same store twice: " + command);
        }
        progress.accept("Moving the files of " + String.join(", ", areas) + " from " + backends.of(from) + " to "
                + backends.of(to));
        List<Outcome> outcomes = new ArrayList<>();
        for (String area : areas) {
            outcomes.add(move((Area) backends.of(from).area(area), (Area) backends.of(to).area(area)));
        }
        return outcomes;
    }

    Outcome move(Area from, Area to) {
        long total;
        try (Stream<String> keys = from.keys()) {
            total = keys.count();
        }
        long done = 0;
        long copied = 0;
        long present = 0;
        long failed = 0;
        try (Stream<String> keys = from.keys()) {
            for (String key : (Iterable<String>) keys::iterator) {
                switch (copy(from, to, key)) {
                    case COPIED -> copied++;
                    case PRESENT -> present++;
                    case FAILED -> failed++;
                }
                done++;
                if (done % EVERY == 0 || done == total) {
                    progress.accept(line(from.name(), done, total, copied, present, failed));
                }
            }
        }
        if (done == 0) {
            progress.accept(from.name() + ": no files");
        }
        return new Outcome(from.name(), done, copied, present, failed);
    }

    private enum Result { COPIED, PRESENT, FAILED }

    private Result copy(Area from, Area to, String key) {
        try {
            if (to.exists(key) && fingerprint(to, key).equals(fingerprint(from, key))) {
                return Result.PRESENT;
            }
            StoredFile read;
            try (InputStream content = open(from, key)) {
                read = to.write(key, content);
            }
            StoredFile written = fingerprint(to, key);
            if (!written.equals(read)) {
                to.delete(key);
                progress.accept(from.name() + ": " + key + " was copied as " + written.size() + " bytes with SHA-256 "
                        + written.sha256() + " instead of " + read.size() + " bytes with " + read.sha256()
                        + "; the copy is removed");
                return Result.FAILED;
            }
            return Result.COPIED;
        } catch (FilesUnavailable | DataAccessException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            progress.accept(from.name() + ": " + key + " was not copied: " + e.getMessage());
            return Result.FAILED;
        }
    }

    private static InputStream open(Area area, String key) throws IOException {
        Resource file = area.get(key).orElseThrow(() -> new IOException("it is no longer in " + area.name()));
        return file.getInputStream();
    }

    /** The size and SHA-256 of the file as the store gives it back. */
    private static StoredFile fingerprint(Area area, String key) throws IOException {
        try (InputStream content = open(area, key)) {
            return Fingerprint.of(key, content);
        }
    }

    private static String line(String area, long done, long total, long copied, long present, long failed) {
        return String.format("%s: %d of %d files (%d%%): %d copied, %d already there, %d failed", area, done, total,
                total == 0 ? 100 : done * 100 / total, copied, present, failed);
    }
}
