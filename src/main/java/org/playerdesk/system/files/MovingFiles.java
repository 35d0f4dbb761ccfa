package org.playerdesk.system.files;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * The stores while files are moved from one to another ({@code playerdesk.files.moving-from}):
 * new files go to the new store, and a file it does not have yet is read from the old one, so
 * that every file stays readable during the move and nothing is served half-copied (each store
 * shows a file whole or not at all).
 */
final class MovingFiles implements FileStores {

    private final FileStores to;
    private final FileStores from;

    MovingFiles(FileStores to, FileStores from) {
        this.to = to;
        this.from = from;
    }

    @Override
    public FileStore area(String name) {
        return new Moving(to.area(name), from.area(name));
    }

    @Override
    public String toString() {
        return to + ", reading files not moved yet from " + from;
    }

    private record Moving(FileStore to, FileStore from) implements FileStore {

        @Override
        public StoredFile put(InputStream content) {
            return to.put(content);
        }

        @Override
        public Optional<Resource> get(String key) {
            return to.get(key).or(() -> from.get(key));
        }

        @Override
        public boolean exists(String key) {
            return to.exists(key) || from.exists(key);
        }

        @Override
        public boolean delete(String key) {
            boolean deleted = to.delete(key);
            return from.delete(key) || deleted;
        }
    }
}
