package org.playerdesk.system.files;

/**
 * The file store could not be reached or refused to work (object storage down or refusing the
 * credentials, a folder that cannot be written). Nothing that refers to the file is stored: the
 * command that wanted it fails whole, and the caller may try again later. Answered 503, its words
 * under {@link #KEY}; a store kept in the database reports its outages as the database's own.
 */
public class FilesUnavailable extends RuntimeException {

    /** The message key of what the reader is told. */
    public static final String KEY = "problem.filesUnavailable";

    public FilesUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the failure, or any of its causes, is a file store that could not be used. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FilesUnavailable) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
