package org.playerdesk.ticket.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
            throw InvalidInput.of(field, "the file is empty");
        }
        if (content.length > maxSize) {
            throw new PayloadTooLarge("a file may be at most " + maxSize / (1024 * 1024) + " MB");
        }
        String name = safeName(fileName);
        String type = sniff(content, name);
        if (type == null) {
            throw InvalidInput.of(field, "only images (PNG, JPEG, GIF, WebP), PDF, plain text, log files, ZIP "
                    + "archives and MP4 videos are accepted");
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

    static String sniff(byte[] b, String name) {
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(b, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return "video/mp4";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.endsWith(".txt") || lower.endsWith(".log")) && isText(b)) {
            return "text/plain";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] b) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
