package org.playerdesk.wellbeing.internal;

/**
 * A stress signal: one of an agent's figures over the last seven days against their weekly
 * average over the four weeks before. It shows when the last seven days have at least the
 * minimum of events and exceed the average by more than the factor; with no history at all the
 * minimum alone decides.
 *
 * @param code {@code qa-findings}, {@code reopen-rate}, {@code error-rate} or {@code escalations}
 * @param recent the last seven days' figure (a count, or a share from 0 to 1)
 * @param usual the weekly average (count) or the share of the four weeks before
 * @param raised whether it shows as a sudden rise
 */
record Rise(String code, double recent, double usual, boolean raised, boolean share) {

    static final String QA_FINDINGS = "qa-findings";
    static final String REOPEN_RATE = "reopen-rate";
    static final String ERROR_RATE = "error-rate";
    static final String ESCALATIONS = "escalations";

    /** A count: {@code recent} in the last seven days, {@code before} in all four weeks before them. */
    static Rise ofCount(String code, long recent, long before, double factor, int minimum) {
        double usual = before / 4.0;
        return new Rise(code, recent, usual, recent >= minimum && recent > factor * usual, false);
    }

    /** A share: {@code events} of {@code of} in the last seven days against the same in the four weeks before. */
    static Rise ofShare(String code, long events, long of, long eventsBefore, long ofBefore, double factor,
            int minimum) {
        double recent = of == 0 ? 0 : (double) events / of;
        double usual = ofBefore == 0 ? 0 : (double) eventsBefore / ofBefore;
        return new Rise(code, recent, usual, events >= minimum && recent > factor * usual, true);
    }
}
