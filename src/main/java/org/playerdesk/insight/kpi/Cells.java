package org.playerdesk.insight.kpi;

import java.text.NumberFormat;
import java.util.Locale;

import org.playerdesk.insight.report.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A table's cell as a page shows it, in the reader's language: a share as a percentage, a length
 * of time as hours and minutes, a score with one decimal, no figure as a dash.
 */
@Component
class Cells {

    static final String NONE = "—";

    private final MessageSource messages;

    Cells(MessageSource messages) {
        this.messages = messages;
    }

    String show(Object value, Column.Kind kind, Locale locale) {
        if (value == null) {
            return NONE;
        }
        return switch (kind) {
            case PERCENT -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMaximumFractionDigits(1);
                yield percent.format(((Number) value).doubleValue());
            }
            case DURATION -> duration(((Number) value).longValue(), locale);
            case DECIMAL -> {
                NumberFormat decimal = NumberFormat.getNumberInstance(locale);
                decimal.setMinimumFractionDigits(1);
                decimal.setMaximumFractionDigits(1);
                yield decimal.format(((Number) value).doubleValue());
            }
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            default -> value.toString();
        };
    }

    /** Whole minutes, rounded up (a reply after ten seconds took a minute), and hours above an hour. */
    String duration(long seconds, Locale locale) {
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return messages.getMessage("insight.duration.minutes", new Object[] { minutes }, locale);
        }
        return messages.getMessage("insight.duration.hours", new Object[] { minutes / 60, minutes % 60 }, locale);
    }
}
