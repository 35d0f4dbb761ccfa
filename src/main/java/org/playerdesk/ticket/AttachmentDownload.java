package org.playerdesk.ticket;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.playerdesk.system.files.DirectDownload;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment served so that it cannot turn against the site, for staff and players alike:
 * the type is the one sniffed when the file was stored and browsers may not guess another
 * ({@code nosniff}); only raster images open in the page, everything else downloads (the name
 * travels as RFC 5987 {@code filename*}, so Chinese names survive); and whatever a browser
 * renders anyway runs sandboxed, away from the site's cookies and scripts. From object storage
 * with presigned links, the answer is a redirect to the file's signed address, which carries the
 * same type and disposition (the storage cannot send the other headers; it is another site).
 */
public final class AttachmentDownload {

    /** Types a browser may show inline: the images the attachment store accepts, never SVG. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private AttachmentDownload() {
    }

    public static ResponseEntity<Resource> of(StoredAttachment stored) {
        AttachmentView attachment = stored.attachment();
        MediaType type = MediaType.parseMediaType(attachment.contentType());
        if ("text".equals(type.getType())) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        String disposition = contentDisposition(attachment);
        if (stored.content() instanceof DirectDownload direct) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(direct.link(type.toString(), disposition))
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(stored.content());
    }

    static String contentDisposition(AttachmentView attachment) {
        String name = attachment.fileName() == null || attachment.fileName().isBlank() ? "file" : attachment.fileName();
        ContentDisposition.Builder builder = INLINE.contains(attachment.contentType())
                ? ContentDisposition.inline() : ContentDisposition.attachment();
        return builder.filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
