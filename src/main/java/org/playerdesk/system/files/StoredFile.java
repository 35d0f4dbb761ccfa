package org.playerdesk.system.files;

/** A file just written: where it is and what it holds. */
public record StoredFile(String key, long size, String sha256) {
}
