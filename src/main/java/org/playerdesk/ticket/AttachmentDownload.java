package org.playerdesk.ticket;

import org.playerdesk.system.files.FileDownload;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * An attachment served so that it cannot turn against the site, for staff and players alike, as
 * every stored file is ({@link FileDownload}: the sniffed type with {@code nosniff}, images inline
 * and everything else as a download, sandboxed; a redirect to a signed address from object storage).
 */
public final class AttachmentDownload {

    private AttachmentDownload() {
    }

    public static ResponseEntity<Resource> of(StoredAttachment stored) {
        AttachmentView attachment = stored.attachment();
        return FileDownload.of(stored.content(), attachment.contentType(), attachment.fileName(),
                attachment.sizeBytes());
    }

    static String contentDisposition(AttachmentView attachment) {
        return FileDownload.contentDisposition(attachment.fileName(), attachment.contentType());
    }
}
