package org.playerdesk.privacy;

/** Where a data request stands. */
public enum RequestState implements org.playerdesk.system.entity.Coded {
    /** Received; an export waits for the background writer, an erasure for a lead to carry it out. */
    RECEIVED("received"),
    /** The export is being written. */
    WORKING("working"),
    /** Fulfilled: the archive is ready, or the data is erased. */
    DONE("done"),
    /** The export could not be written (the reason is kept); it may be asked again. */
    FAILED("failed");

    private final String code;

    RequestState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
