package org.playerdesk.insight.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.playerdesk.insight.report.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Figures as a reader reads them in an email or on a page: counts, lengths of time, shares, days. */
@Component
class Words {

    private final MessageSource messages;

    Words(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** A cell of a report's table as its column's kind shows it; nothing as a dash. */
    String cell(Object value, Column.Kind kind, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case DURATION -> value instanceof Number seconds ? duration(seconds.longValue(), locale) : value.toString();
            case PERCENT -> value instanceof Number share
                    ? String.format(locale, "%.1f%%", share.doubleValue() * 100) : value.toString();
            case DECIMAL -> value instanceof Number number ? String.format(locale, "%.2f", number.doubleValue())
                    : value.toString();
            case DATE -> value instanceof LocalDate day ? day(day, locale) : value.toString();
            default -> value.toString();
        };
    }

    /** A length of time: "12 min", "1 h 05 min"; null as a dash. */
    String duration(Long seconds, Locale locale) {
        if (seconds == null) {
            return "—";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 60 ? text("insight.duration.minutes", locale, minutes)
                : text("insight.duration.hours", locale, minutes / 60, String.format("%02d", minutes % 60));
    }

    String day(LocalDate day, Locale locale) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    String period(LocalDate from, LocalDate to, Locale locale) {
        return from.equals(to) ? day(from, locale) : text("insight.schedule.period", locale, day(from, locale), day(to, locale));
    }
}
