package org.playerdesk.insight.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line or one set of bars of a {@link Chart}: its name, already worded, and a value for each
 * of the chart's categories ({@code null} where there is no figure). A series of the previous
 * period is drawn dashed, behind this period's.
 */
public record Series(String name, List<Number> values, boolean previous) {

    public Series {
        if (name == null) {
            throw new IllegalArgumentException("a series needs a name");
        }
        // nulls allowed: a day the previous period does not have
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Series of(String name, List<? extends Number> values) {
        return new Series(name, new ArrayList<>(values), false);
    }

    /** The same figures of the period before, to compare with. */
    public static Series previous(String name, List<? extends Number> values) {
        return new Series(name, new ArrayList<>(values), true);
    }
}
