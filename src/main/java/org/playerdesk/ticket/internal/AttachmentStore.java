package org.playerdesk.ticket.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.playerdesk.system.FileTypes;
import org.playerdesk.system.Hashes;
import org.playerdesk.system.Ids;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.stereotype.Component;

/**
 * Attachment files under {@code <data-dir>/files}. A file's type is read from its first bytes
 * (what the sender claims is ignored) and must be one of a short list of harmless types; the
 * file is flushed to disk before the ticket that refers to it is committed.
 */
@Component
public class AttachmentStore {

    /** A checked file: its decided type and where it was written. */
    public record Stored(String fileName, String contentType, long size, String sha256, String storageKey) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    private final Path root;
    private final long maxSize;
    private final Clock clock;

    AttachmentStore(PlayerDeskProperties properties, Clock clock) {
        this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
        this.maxSize = properties.attachments().maxSize().toBytes();
        this.clock = clock;
    }

    public long maxSize() {
        return maxSize;
    }

    public Stored store(String field, String fileName, byte[] content) {
        if (content.length == 0) {
            throw InvalidInput.of(field, "invalid.fileEmpty");
        }
        if (content.length > maxSize) {
            throw new PayloadTooLarge("invalid.fileTooLarge", maxSize / (1024 * 1024));
        }
        String name = safeName(fileName);
        String type = FileTypes.attachment(content, name);
        if (type == null) {
            throw InvalidInput.of(field, "invalid.fileType");
        }
        String key = MONTH.format(clock.instant()) + "/" + Ids.next();
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment", e);
        }
        return new Stored(name, type, content.length, Hashes.sha256(content), key);
    }

    public Path resolve(String storageKey) {
        Path path = root.resolve(storageKey).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the files folder");
        }
        return path;
    }

    /** Keeps the name readable but harmless: no folders, no control characters, at most 200 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
