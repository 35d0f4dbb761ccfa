package org.playerdesk.insight.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** How a downloaded file is named, for every browser: a plain-ASCII name and the real one by RFC 5987. */
final class Downloads {

    private Downloads() {
    }

    /**
     * {@code attachment; filename="..."; filename*=UTF-8''...}: browsers that read {@code filename*}
     * (all current ones) get the name as it is, Chinese included; others get it with every
     * character outside printable ASCII as {@code _}.
     */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' ? c : '_');
        }
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
