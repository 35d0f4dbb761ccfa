package org.playerdesk.system.files;

/**
 * Where the application keeps files: one {@link FileStore} per area, for example
 * {@code files} for ticket attachments and {@code kb-images} for article images.
 */
public interface FileStores {

    /** The store of one area; the name is a short lower-case word, the same in every backend. */
    FileStore area(String name);
}
