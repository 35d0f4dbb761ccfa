package org.playerdesk.mailbox;

/** A message that could not be handed to the mail server: none is configured, or it refused it. */
public class MailUndeliverable extends RuntimeException {

    public MailUndeliverable(String message, Throwable cause) {
        super(message, cause);
    }
}
