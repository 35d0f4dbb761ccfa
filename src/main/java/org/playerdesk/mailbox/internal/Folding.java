package org.playerdesk.mailbox.internal;

import java.util.regex.Pattern;

/**
 * Splits a mail's text into what the player wrote now and what is folded away: the quoted
 * history (a "> " line, an "On … wrote:" or "在…写道：" header, an "Original Message" rule, an
 * Outlook "From:" block) and the signature (after "-- ", or a "Sent from my …" line).
 */
final class Folding {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .+ wrote:?|在.+写道[:：]?|.*于.+写道[:：]?|-{2,} ?Original Message ?-{2,}|-{2,} ?原始邮件 ?-{2,}"
                    + "|From: .+|发件人[:：].+|_{10,})$");
    private static final Pattern SIGNATURE = Pattern.compile("^(-- ?|—|Sent from my .+|发自我的.+|Get Outlook for .+)$");

    /** The new text and the folded rest (empty when nothing is folded). */
    record Split(String text, String folded) {
    }

    private Folding() {
    }

    static Split split(String text) {
        if (text == null) {
            return new Split("", "");
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith(">") || QUOTE_HEADER.matcher(stripped).matches()
                    || SIGNATURE.matcher(line.equals("-- ") ? "-- " : stripped).matches()) {
                cut = i;
                break;
            }
        }
        StringBuilder kept = new StringBuilder();
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            (i < cut ? kept : folded).append(lines[i]).append('\n');
        }
        return new Split(kept.toString().strip(), folded.toString().strip());
    }
}
