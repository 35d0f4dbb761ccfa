package org.playerdesk.privacy;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;

/** Where a holder writes what it keeps about a player: rows per data kind, and files. */
public interface ExportSink {

    /** The rows of one data kind (each a map of plain values: text, numbers, booleans, instants as text). */
    void rows(String kind, List<Map<String, Object>> rows);

    /** A file of the player's (an attachment), stored in the archive under {@code files/<path>}. */
    void file(String path, Resource content);
}
