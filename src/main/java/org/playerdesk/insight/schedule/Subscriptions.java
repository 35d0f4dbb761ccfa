package org.playerdesk.insight.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member's subscriptions to reports by email: which report (any {@link ReportSource}, by
 * name), for one of their games or all of them, daily, weekly (on Monday, for the week before) or
 * monthly (on the 1st, for the month before), at a time of day in the game's time zone. The email
 * goes to the address the member gave for notifications, in their language.
 */
@Service
@Transactional(readOnly = true)
public class Subscriptions {

    /** The time zone of a subscription to all of one's games, whose zones may differ. */
    static final ZoneId ALL_GAMES_ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A report one may subscribe to, with its title in the reader's language. */
    public record ReportChoice(String name, String title) {
    }

    /** A subscription as its member sees it; {@code gameId} null: all their games. */
    public record SubscriptionView(UUID id, String report, String reportTitle, UUID gameId, String gameName,
            Frequency frequency, String time, java.time.Instant nextRunAt) {
    }

    private final Map<String, ReportSource> reports;
    private final GameCatalog games;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Words words;

    Subscriptions(List<ReportSource> reports, GameCatalog games, Notifications notifications, JdbcTemplate jdbc,
            Clock clock, Words words) {
        this.reports = reports.stream().collect(Collectors.toMap(ReportSource::name, Function.identity()));
        this.games = games;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.clock = clock;
        this.words = words;
    }

    /** Every report one may subscribe to, by title in {@code locale}. */
    public List<ReportChoice> reports(Locale locale) {
        return reports.values().stream().map(r -> new ReportChoice(r.name(), words.text(r.titleKey(), locale)))
                .sorted(Comparator.comparing(ReportChoice::title)).toList();
    }

    Optional<ReportSource> report(String name) {
        return Optional.ofNullable(name == null ? null : reports.get(name));
    }

    /**
     * Subscribes {@code reader} to a report. Refuses, field by field, an unknown report, a game they
     * do not serve, a frequency or a time that is not one, and a member without an email address.
     */
    @Transactional
    public SubscriptionView subscribe(StaffUser reader, String report, String game, String frequency, String time,
            Locale locale) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (report == null || report.isBlank()) {
            errors.add(new InvalidInput.FieldError("report", "invalid.choose"));
        } else if (!reports.containsKey(report.strip())) {
            errors.add(new InvalidInput.FieldError("report", "insight.schedule.invalid.report", report.strip()));
        }
        GameProfile profile = null;
        if (game != null && !game.isBlank()) {
            try {
                UUID id = UUID.fromString(game.strip());
                if (reader.serves(id) && games.active(id)) {
                    profile = games.profile(id);
                } else {
                    errors.add(new InvalidInput.FieldError("game", "insight.schedule.invalid.game"));
                }
            } catch (IllegalArgumentException notAnId) {
                errors.add(new InvalidInput.FieldError("game", "insight.schedule.invalid.game"));
            }
        }
        Optional<Frequency> often = Frequency.of(frequency == null ? "" : frequency.strip());
        if (often.isEmpty()) {
            errors.add(new InvalidInput.FieldError("frequency", "invalid.choose"));
        }
        LocalTime at = null;
        try {
            at = LocalTime.parse(time == null ? "" : time.strip(), TIME);
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("time", "invalid.time"));
        }
        if (notifications.emailChoice(reader.id()).address() == null) {
            errors.add(new InvalidInput.FieldError("email", "insight.schedule.invalid.noAddress"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ZoneId zone = profile == null ? ALL_GAMES_ZONE : zone(profile.timeZone());
        ZonedDateTime next = often.get().nextRun(clock.instant().atZone(zone), at, zone);
        UUID id = Ids.next();
        jdbc.update("insert into insight_subscription (id, staff_id, report, game_id, frequency, send_minute, "
                + "time_zone, next_run_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, reader.id(),
                report.strip(), profile == null ? null : profile.id(), often.get().code(), at.getHour() * 60 + at.getMinute(),
                zone.getId(), Timestamp.from(next.toInstant()), Timestamp.from(clock.instant()));
        return mine(reader, locale).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    /** The reader's subscriptions, by report title and frequency. */
    public List<SubscriptionView> mine(StaffUser reader, Locale locale) {
        List<SubscriptionView> views = jdbc.query("select id, report, game_id, frequency, send_minute, next_run_at "
                + "from insight_subscription where staff_id = ? order by created_at", (row, i) -> {
                    UUID gameId = row.getObject(3, UUID.class);
                    String report = row.getString(2);
                    int minute = row.getInt(5);
                    return new SubscriptionView(row.getObject(1, UUID.class), report,
                            report(report).map(r -> words.text(r.titleKey(), locale)).orElse(report), gameId, null,
                            Frequency.of(row.getString(4)).orElse(Frequency.DAILY),
                            LocalTime.of(minute / 60, minute % 60).format(TIME), row.getTimestamp(6).toInstant());
                }, reader.id());
        Map<UUID, String> names = games.all(views.stream().map(SubscriptionView::gameId)
                .filter(java.util.Objects::nonNull).toList()).stream()
                .collect(Collectors.toMap(org.playerdesk.game.GameInfo::id, org.playerdesk.game.GameInfo::name));
        return views.stream().map(v -> new SubscriptionView(v.id(), v.report(), v.reportTitle(), v.gameId(),
                v.gameId() == null ? null : names.getOrDefault(v.gameId(), ""), v.frequency(), v.time(), v.nextRunAt()))
                .toList();
    }

    /** Ends one of the reader's subscriptions; another member's is not found. */
    @Transactional
    public void remove(StaffUser reader, UUID id) {
        if (jdbc.update("delete from insight_subscription where id = ? and staff_id = ?", id, reader.id()) == 0) {
            throw new NotFoundException("subscription", id);
        }
    }

    static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            return ALL_GAMES_ZONE;
        }
    }
}
