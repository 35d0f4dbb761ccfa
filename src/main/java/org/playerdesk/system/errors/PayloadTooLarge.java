package org.playerdesk.system.errors;

import java.util.Arrays;
import java.util.List;

/**
 * A request or an upload over its configured limit; answered 413. Says which limit as a message
 * key and its arguments, put into words where it is shown (see {@link ErrorTexts}).
 */
public class PayloadTooLarge extends RuntimeException {

    private final String key;
    private final List<Object> arguments;

    public PayloadTooLarge(String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.key = key;
        this.arguments = List.of(arguments);
    }

    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
