package org.playerdesk.system.files;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file served so that it cannot turn against the site (ticket attachments, a course's
 * files): the type is the one sniffed when the file was stored and browsers may not guess another
 * ({@code nosniff}); only raster images open in the page, everything else downloads (the name
 * travels as RFC 5987 {@code filename*}, so Chinese names survive); and whatever a browser renders
 * anyway runs sandboxed, away from the site's cookies and scripts. From object storage with
 * presigned links, the answer is a redirect to the file's signed address, which carries the same
 * type and disposition (the storage cannot send the other headers; it is another site).
 */
public final class FileDownload {

    /** Types a browser may show inline: the images {@link FileTypes} accepts, never SVG. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private FileDownload() {
    }

    public static ResponseEntity<Resource> of(Resource content, String contentType, String fileName, long size) {
        MediaType type = MediaType.parseMediaType(contentType);
        if ("text".equals(type.getType())) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        String disposition = contentDisposition(fileName, contentType);
        if (content instanceof DirectDownload direct) {
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(direct.link(type.toString(), disposition))
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(content);
    }

    /** Inline for the images a page may show, a download for everything else; a blank name reads "file". */
    public static String contentDisposition(String fileName, String contentType) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        ContentDisposition.Builder builder = INLINE.contains(contentType)
                ? ContentDisposition.inline() : ContentDisposition.attachment();
        return builder.filename(name, StandardCharsets.UTF_8).build().toString();
    }
}
