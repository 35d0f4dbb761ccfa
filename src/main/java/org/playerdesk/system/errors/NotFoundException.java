package org.playerdesk.system.errors;

/**
 * Something asked for does not exist, or the caller may not know that it exists; both answer 404
 * so that one game's API key cannot probe another game's tickets.
 */
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
