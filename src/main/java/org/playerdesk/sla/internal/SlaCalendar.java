package org.playerdesk.sla.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.sla.BusinessCalendar;
import org.playerdesk.sla.CalendarForm;
import org.playerdesk.sla.CalendarView;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.validation.Texts;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A business calendar of a game, stored as text in the editor's formats: hours
 * {@code mon=09:00-12:00,13:00-18:00;tue=…}, holidays and extra working dates one per line
 * ({@code 2026-10-01 国庆节}).
 */
@Entity
@Table(name = "sla_calendar")
@EntityListeners(ReferenceData.Changes.class)
public class SlaCalendar extends StoredEntity {

    static final int NAME_MAX = 60;
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern DATE_LINE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s+(.{0,30}))?");

    private UUID gameId;
    private String name;
    private String timeZone;
    private boolean alwaysOpen;
    private String weekHours;
    private String holidays;
    private String workingDates;
    private Instant updatedAt;

    protected SlaCalendar() {
    }

    SlaCalendar(UUID gameId) {
        this.gameId = gameId;
    }

    public UUID gameId() {
        return gameId;
    }

    public String name() {
        return name;
    }

    /**
     * A calendar's name, without the blanks around it: the one field with a shape to state. The
     * time zone, the hours and the dates are written as text and read in code.
     */
    record CalendarInput(
            @NotBlank(message = "{invalid.blank}") @Size(max = NAME_MAX, message = "{invalid.tooLong}") @SingleLine
            String name) {
    }

    /** Checks the form field by field and takes it; throws every bad field at once. */
    void change(CalendarForm form, InputValidation validation, Instant now) {
        String checkedName = form.name() == null || form.name().isBlank() ? null : form.name().strip();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new CalendarInput(checkedName)));
        ZoneId zone = null;
        try {
            zone = form.timeZone() == null || form.timeZone().isBlank() ? null : ZoneId.of(form.timeZone().strip());
        } catch (DateTimeException e) {
            // reported below
        }
        if (zone == null) {
            errors.add(new InvalidInput.FieldError("timeZone", "invalid.timeZone"));
        }
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = form.hours().get(day);
            List<BusinessCalendar.Hours> ranges = parseRanges(text, "hours." + code(day), errors);
            if (!ranges.isEmpty()) {
                week.put(day, ranges);
            }
        }
        Map<LocalDate, String> closed = parseDates(form.holidays(), "holidays", errors);
        Map<LocalDate, String> open = parseDates(form.workingDates(), "workingDates", errors);
        if (!form.alwaysOpen() && week.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError("hours", "invalid.sla.week"));
        }
        if (errors.isEmpty() && !form.alwaysOpen()) {
            try {
                BusinessCalendar.of(zone, week, closed.keySet(), open.keySet());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("hours", "invalid.sla.hours"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        this.name = checkedName;
        this.timeZone = zone.getId();
        this.alwaysOpen = form.alwaysOpen();
        this.weekHours = formatWeek(week);
        this.holidays = formatDates(closed);
        this.workingDates = formatDates(open);
        this.updatedAt = now;
    }

    public BusinessCalendar calendar() {
        ZoneId zone = ZoneId.of(timeZone);
        if (alwaysOpen) {
            return BusinessCalendar.alwaysOpen(zone);
        }
        // stored as checked: nothing to report
        List<InvalidInput.FieldError> ignored = new ArrayList<>();
        return BusinessCalendar.of(zone, week(ignored), parseDates(holidays, "holidays", ignored).keySet(),
                parseDates(workingDates, "workingDates", ignored).keySet());
    }

    public CalendarView view() {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        week(new ArrayList<>()).forEach((day, ranges) -> hours.put(day,
                String.join(", ", ranges.stream().map(BusinessCalendar.Hours::toString).toList())));
        return new CalendarView(getId(), gameId, name, timeZone, alwaysOpen, hours, holidays, workingDates);
    }

    private Map<DayOfWeek, List<BusinessCalendar.Hours>> week(List<InvalidInput.FieldError> errors) {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (String part : weekHours.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                DayOfWeek day = dayOf(part.substring(0, eq));
                List<BusinessCalendar.Hours> ranges = parseRanges(part.substring(eq + 1), "hours", errors);
                if (day != null && !ranges.isEmpty()) {
                    week.put(day, ranges);
                }
            }
        }
        return week;
    }

    static String code(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek dayOf(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (code(day).equals(code.strip())) {
                return day;
            }
        }
        return null;
    }

    private static List<BusinessCalendar.Hours> parseRanges(String text, String field,
            List<InvalidInput.FieldError> errors) {
        List<BusinessCalendar.Hours> ranges = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ranges;
        }
        for (String part : text.split("[,，;\\s]+(?=\\d)")) {
            Matcher m = RANGE.matcher(part.strip());
            if (!m.matches()) {
                errors.add(new InvalidInput.FieldError(field, "invalid.sla.ranges"));
                return List.of();
            }
            try {
                ranges.add(BusinessCalendar.Hours.of(pad(m.group(1)), pad(m.group(2))));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError(field, "invalid.sla.range", Texts.abbreviate(part.strip(), 30)));
                return List.of();
            }
        }
        return ranges;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static Map<LocalDate, String> parseDates(String text, String field,
            List<InvalidInput.FieldError> errors) {
        Map<LocalDate, String> dates = new LinkedHashMap<>();
        if (text == null) {
            return dates;
        }
        String[] lines = text.split("\\R");
        int max = "holidays".equals(field) ? 90 : 45;
        if (lines.length > max) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooMany", max));
            return dates;
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = DATE_LINE.matcher(line.strip());
            try {
                if (!m.matches()) {
                    throw new DateTimeParseException("bad", line, 0);
                }
                dates.put(LocalDate.parse(m.group(1)), m.group(2) == null ? "" : m.group(2).strip());
            } catch (DateTimeParseException e) {
                errors.add(new InvalidInput.FieldError(field, "invalid.sla.dates", Texts.abbreviate(line.strip(), 30)));
                return dates;
            }
        }
        return dates;
    }

    private static String formatWeek(Map<DayOfWeek, List<BusinessCalendar.Hours>> week) {
        List<String> parts = new ArrayList<>();
        week.forEach((day, ranges) -> parts.add(code(day) + "="
                + String.join(",", ranges.stream().map(BusinessCalendar.Hours::toString).toList())));
        return String.join(";", parts);
    }

    private static String formatDates(Map<LocalDate, String> dates) {
        List<String> lines = new ArrayList<>();
        dates.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(e.getValue().isEmpty() ? e.getKey().toString() : e.getKey() + " " + e.getValue()));
        return String.join("\n", lines);
    }
}
