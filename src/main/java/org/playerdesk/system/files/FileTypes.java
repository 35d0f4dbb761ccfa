package org.playerdesk.system.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a file is, from its first bytes rather than from its name or the type its sender claims:
 * the raster images a page may show (PNG, JPEG, GIF, WebP) and the other files a player may attach.
 */
public final class FileTypes {

    private FileTypes() {
    }

    /** The image's media type, or null when the bytes are not a PNG, JPEG, GIF or WebP image. */
    public static String image(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 'G', 'I', 'F', '8') && b.length >= 6 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "image/gif";
        }
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /**
     * An attachment's media type: an image, a PDF, a ZIP archive, an MP4 video, or plain text (a
     * {@code .txt} or {@code .log} file that is valid UTF-8); null for anything else.
     */
    public static String attachment(byte[] b, String name) {
        String image = image(b);
        if (image != null) {
            return image;
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
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
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

    /** Keeps a file's name readable but harmless: no folders, no control characters, at most 200 characters. */
    public static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
