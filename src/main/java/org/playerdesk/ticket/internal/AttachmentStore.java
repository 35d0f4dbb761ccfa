package org.playerdesk.ticket.internal;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import org.playerdesk.system.files.FileTypes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.files.FileStore;
import org.playerdesk.system.files.FileStores;
import org.playerdesk.system.files.StoredFile;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Attachment files, kept in the {@code files} area of the file store. A file's type is read from
 * its first bytes (what the sender claims is ignored) and must be one of a short list of harmless
 * types; the file is durable before the ticket that refers to it is committed. A store that
 * cannot be reached refuses the file ({@code FilesUnavailable}), and with it the whole command.
 */
@Component
public class AttachmentStore {

    /** A checked file: its decided type and where it was written. */
    public record Stored(String fileName, String contentType, long size, String sha256, String storageKey) {
    }

    /** A file accepted to be stored: its harmless name and its decided type. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    private final FileStore files;
    private final long maxSize;

    AttachmentStore(PlayerDeskProperties properties, FileStores stores) {
        this.files = stores.area("files");
        this.maxSize = properties.attachments().maxSize().toBytes();
    }

    public long maxSize() {
        return maxSize;
    }

    public Stored store(String field, String fileName, byte[] content) {
        return store(check(field, fileName, content));
    }

    /** Decides whether the file may be stored, without storing it; refused under {@code field}. */
    public Checked check(String field, String fileName, byte[] content) {
        if (content.length == 0) {
            throw InvalidInput.of(field, "invalid.fileEmpty");
        }
        if (content.length > maxSize) {
            throw new PayloadTooLarge("invalid.fileTooLarge", maxSize / (1024 * 1024));
        }
        String name = FileTypes.safeName(fileName);
        String type = FileTypes.attachment(content, name);
        if (type == null) {
            throw InvalidInput.of(field, "invalid.fileType");
        }
        return new Checked(name, type, content);
    }

    public Stored store(Checked checked) {
        StoredFile file = files.put(new ByteArrayInputStream(checked.content()));
        return new Stored(checked.fileName(), checked.contentType(), file.size(), file.sha256(), file.key());
    }

    /** The stored file of this key, if it is still there. */
    public Optional<Resource> open(String storageKey) {
        return files.get(storageKey);
    }

    /** Removes the stored file of this key (a player's data erased, or past its retention period). */
    public boolean delete(String storageKey) {
        return files.delete(storageKey);
    }

}
