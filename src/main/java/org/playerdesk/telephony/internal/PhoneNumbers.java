package org.playerdesk.telephony.internal;

import java.util.regex.Pattern;

/**
 * A phone number as it is kept and looked up: digits with an optional leading {@code +}, the
 * spaces, dashes, dots and brackets people write between them taken out, so that
 * {@code 138-1234-5678} and {@code 13812345678} find the same player.
 */
final class PhoneNumbers {

    static final int MAX = 32;
    /** What a caller may type: digits and the usual separators. */
    static final String WRITTEN = "\\+?[0-9 ()./-]{3,40}";
    private static final Pattern KEPT = Pattern.compile("\\+?[0-9]{3,31}");

    private PhoneNumbers() {
    }

    /** The number as kept, or null when the text is no phone number. */
    static String normal(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.strip().replaceAll("[ ()./-]", "");
        return KEPT.matcher(digits).matches() ? digits : null;
    }
}
