package org.playerdesk.system.validation;

/** Small text rules shared by every input path. */
public final class Texts {

    private Texts() {
    }

    /**
     * True when the text holds a control character a person cannot have meant: anything below
     * U+0020 except (when {@code multiline}) tab, line feed and carriage return, DEL, and lone
     * surrogates.
     */
    public static boolean hasForbiddenControl(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiline) {
                    return true;
                }
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
