package org.playerdesk.chat;

import java.util.List;

/**
 * The chat refused who is asking: an unsigned, tampered or stale identity, a wrong chat token, a
 * destination the caller may not use, or too many messages. {@code code} is the message key the
 * widget and console translate; its words for an answer are {@code error.<code>} of the bundles,
 * with {@code arguments}. The exception's own message is for the log only.
 */
public class ChatRefused extends RuntimeException {

    private final String code;
    private final List<Object> arguments;

    public ChatRefused(String code, String message, Object... arguments) {
        super(message);
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
