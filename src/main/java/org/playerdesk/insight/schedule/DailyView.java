package org.playerdesk.insight.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.insight.schedule.DailyContent.DayFigures;
import org.springframework.stereotype.Component;

/** A stored daily report worded in one reader's language, for the console page and the email alike. */
@Component
class DailyView {

    /** A figure and its value, worded. */
    record Line(String label, String value) {
    }

    /** An open ticket to look at, worded. */
    record OpenRow(UUID ticketId, long number, String status, String reason, String age) {
    }

    /** The whole game's part or a team's. */
    record Section(String team, String title, List<Line> figures, List<Line> backlog, List<OpenRow> open,
            long moreOpen) {
    }

    record Report(UUID gameId, String gameName, LocalDate day, String dayText, List<Section> sections) {
    }

    private final Words words;

    DailyView(Words words) {
        this.words = words;
    }

    Report report(UUID gameId, String gameName, LocalDate day, List<DailyReports.Stored> parts, Instant now,
            Locale locale) {
        List<Section> sections = new ArrayList<>();
        for (DailyReports.Stored part : parts) {
            sections.add(section(part, now, locale));
        }
        return new Report(gameId, gameName, day, words.day(day, locale), sections);
    }

    private Section section(DailyReports.Stored part, Instant now, Locale locale) {
        boolean whole = DailyReports.WHOLE_GAME.equals(part.team());
        String title = whole ? words.text("insight.daily.whole", locale)
                : words.text("insight.daily.team", locale, words.text("routing.tier." + part.team(), locale));
        DayFigures f = part.content().figures();
        List<Line> figures = new ArrayList<>();
        if (whole) {
            figures.add(line("insight.schedule.col.created", String.valueOf(f.created()), locale));
        }
        figures.add(line("insight.schedule.col.replied", String.valueOf(f.replied()), locale));
        figures.add(line("insight.daily.firstResponded", String.valueOf(f.firstResponded()), locale));
        figures.add(line("insight.schedule.col.resolved", String.valueOf(f.resolved()), locale));
        figures.add(line("insight.schedule.col.firstResponseMedian", words.duration(f.firstResponseMedian(), locale), locale));
        figures.add(line("insight.schedule.col.firstResponseP90", words.duration(f.firstResponseP90(), locale), locale));
        figures.add(line("insight.schedule.col.resolutionMedian", words.duration(f.resolutionMedian(), locale), locale));
        figures.add(line("insight.schedule.col.resolutionP90", words.duration(f.resolutionP90(), locale), locale));
        if (whole) {
            figures.add(line("insight.schedule.col.slaMet", String.valueOf(f.slaMet()), locale));
            figures.add(line("insight.schedule.col.slaBreached", String.valueOf(f.slaBreached()), locale));
        }
        List<Line> backlog = new ArrayList<>();
        part.content().backlog().forEach((status, count) -> backlog.add(
                new Line(words.text("ticket.status." + status, locale), String.valueOf(count))));
        List<OpenRow> open = part.content().open().stream().map(item -> new OpenRow(item.ticketId(), item.number(),
                words.text("ticket.status." + item.status(), locale),
                words.text("insight.daily.reason." + item.reason(), locale), age(item.createdAt(), now, locale)))
                .toList();
        return new Section(part.team(), title, figures, backlog, open, part.content().moreOpen());
    }

    private Line line(String key, String value, Locale locale) {
        return new Line(words.text(key, locale), value);
    }

    /** How long a ticket has been open: in days from one day, else in hours and minutes. */
    private String age(Instant createdAt, Instant now, Locale locale) {
        Duration open = Duration.between(createdAt, now);
        return open.toDays() >= 1 ? words.text("insight.daily.days", locale, open.toDays())
                : words.duration(Math.max(0, open.toSeconds()), locale);
    }
}
