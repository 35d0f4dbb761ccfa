package org.playerdesk.insight.report;

/**
 * One column of a {@link Table}: its heading, already worded in the reader's language, and what
 * its cells hold, which decides how a page, a CSV file and a spreadsheet show them.
 */
public record Column(String label, Kind kind) {

    public enum Kind {
        /** Words: a game's name, an agent's name, a type's label. */
        TEXT,
        /** A whole number: a count of tickets or replies. */
        COUNT,
        /** A number with decimals: an average score. */
        DECIMAL,
        /** A share between 0 and 1, shown as a percentage. */
        PERCENT,
        /** A length of time in seconds, shown as hours and minutes. */
        DURATION,
        /** A calendar day ({@link java.time.LocalDate}). */
        DATE
    }

    public static Column text(String label) {
        return new Column(label, Kind.TEXT);
    }

    public static Column count(String label) {
        return new Column(label, Kind.COUNT);
    }
}
