package org.playerdesk.system.files;

import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * One area of stored files (ticket attachments, article images), addressed by key. A new file
 * gets its key from the store: {@code <year>/<month>/<id>}, the month of its arrival in UTC and a
 * fresh id, the same scheme in every backend. Content travels as streams both ways, so a file is
 * never held in memory whole; it is durable when {@link #put} returns, before the row that refers
 * to it is committed (in the database, it is written with that row's transaction). A reader sees
 * a file whole or not at all. A store that cannot be reached throws {@link FilesUnavailable}.
 */
public interface FileStore {

    /** Writes the content under a new key and returns the key with the size and SHA-256 of what was written. */
    StoredFile put(InputStream content);

    /** The file under this key, readable as a stream (and, where the backend allows, in ranges). */
    Optional<Resource> get(String key);

    boolean exists(String key);

    /** Removes the file; {@code false} when there was none. */
    boolean delete(String key);
}
