package org.playerdesk.channel.help;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.StoredAttachment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A player's attachment, served so that it cannot turn against the help center: the type is the
 * one sniffed when the file was stored and browsers may not guess another ({@code nosniff});
 * only images open in the page, everything else downloads; and if a browser renders it anyway,
 * the sandbox keeps it away from the site's cookies and scripts.
 */
final class AttachmentDownload {

    /** Types a browser may show inline: the images the attachment store accepts, never SVG. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private AttachmentDownload() {
    }

    static ResponseEntity<Resource> of(StoredAttachment stored) {
        AttachmentView attachment = stored.attachment();
        boolean inline = INLINE.contains(attachment.contentType());
        MediaType type = "text/plain".equals(attachment.contentType())
                ? new MediaType("text", "plain", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(attachment.contentType());
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(attachment.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(inline, attachment.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(new FileSystemResource(stored.file()));
    }

    /**
     * {@code filename} for old clients (ASCII only, anything else replaced) and RFC 5987
     * {@code filename*} with the real name in UTF-8, so a Chinese file name survives.
     */
    static String contentDisposition(boolean inline, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + rfc5987(name);
    }

    private static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_');
        }
        return ascii.toString();
    }

    private static String rfc5987(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** RFC 5987 attr-char: letters, digits and {@code !#$&+-.^_`|~}. */
    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
