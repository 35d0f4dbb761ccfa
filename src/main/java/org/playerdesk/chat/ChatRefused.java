package org.playerdesk.chat;

/**
 * The chat refused who is asking: an unsigned, tampered or stale identity, a wrong chat token, a
 * destination the caller may not use, or too many messages. {@code code} is the message key the
 * widget and console translate.
 */
public class ChatRefused extends RuntimeException {

    private final String code;

    public ChatRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
