package org.playerdesk.system;

/** A request or an upload over its configured limit; answered 413. */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge(String message) {
        super(message);
    }
}
