package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file as the stores record it: lower-case hex. */
final class Fingerprint {

    private Fingerprint() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the stream to its end, a chunk at a time, and answers its size and SHA-256. */
    static StoredFile of(String key, InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] chunk = new byte[64 * 1024];
        long size = 0;
        for (int read = in.read(chunk); read != -1; read = in.read(chunk)) {
            digest.update(chunk, 0, read);
            size += read;
        }
        return new StoredFile(key, size, hex(digest));
    }
}
