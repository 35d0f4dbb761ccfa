package org.playerdesk.privacy;

import java.util.Map;

/**
 * Extension point: a module that keeps data about players exports it and erases it, each its own
 * rows, when a player's data request is fulfilled. The data kinds it names are the file names of
 * the archive ({@code <kind>.json}) and the keys of the erasure settings
 * ({@code playerdesk.privacy.erasure.<kind>}).
 */
public interface PersonalDataHolder {

    /** Writes everything it keeps about the player into the sink, a list of rows per data kind. */
    void export(DataSubject subject, ExportSink sink);

    /**
     * Erases the player's data per the rules (one per data kind it keeps) in the caller's
     * transaction; answers how many rows of each kind it deleted or anonymised.
     */
    Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy);
}
