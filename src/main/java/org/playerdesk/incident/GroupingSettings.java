package org.playerdesk.incident;

/**
 * How a game's outage storms are grouped: at least {@code threshold} outage reports of one
 * server within {@code windowMinutes} make a proposed incident.
 */
public record GroupingSettings(boolean enabled, int windowMinutes, int threshold) {

    public static final GroupingSettings DEFAULTS = new GroupingSettings(true, 10, 20);
    public static final int WINDOW_MAX = 24 * 60;
    public static final int THRESHOLD_MIN = 2;
    public static final int THRESHOLD_MAX = 100_000;
}
