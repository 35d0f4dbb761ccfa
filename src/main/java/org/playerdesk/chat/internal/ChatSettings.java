package org.playerdesk.chat.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A game's chat settings: the identity secret, guests, service hours and the longest wait in the queue. */
@Entity
@Table(name = "chat_settings")
public class ChatSettings {

    public static final int DEFAULT_WAIT_SECONDS = 300;

    @Id
    private UUID gameId;
    @jakarta.persistence.Convert(converter = org.playerdesk.system.secrets.SealedSecret.class)
    private String secret;
    private boolean guestsAllowed;
    private String hoursFrom;
    private String hoursTo;
    private String timeZone;
    private int maxWaitSeconds;
    /** Days the chat is closed all day (holidays), as ISO dates joined by commas, in the game's time zone. */
    private String closedDays;
    private Instant updatedAt;

    protected ChatSettings() {
    }

    public ChatSettings(UUID gameId, Instant now) {
        this.gameId = gameId;
        this.timeZone = "Asia/Shanghai";
        this.maxWaitSeconds = DEFAULT_WAIT_SECONDS;
        this.updatedAt = now;
    }

    public static ChatSettings defaults(UUID gameId) {
        return new ChatSettings(gameId, Instant.EPOCH);
    }

    public void change(String newSecret, boolean guests, String from, String to, String zone, int waitSeconds,
            Instant now) {
        if (newSecret != null && !newSecret.isBlank()) {
            secret = newSecret.strip();
        }
        guestsAllowed = guests;
        hoursFrom = from;
        hoursTo = to;
        timeZone = zone;
        maxWaitSeconds = waitSeconds;
        updatedAt = now;
    }

    /** Replaces the closed days; null keeps them. */
    public void closeOn(SortedSet<LocalDate> days) {
        if (days != null) {
            closedDays = days.isEmpty() ? null
                    : String.join(",", days.stream().map(LocalDate::toString).toList());
        }
    }

    public List<LocalDate> closedDays() {
        return closedDays == null ? List.of() : Arrays.stream(closedDays.split(",")).map(LocalDate::parse).toList();
    }

    /**
     * Around the clock unless both ends are set; a window past midnight (22:00–06:00) works too.
     * Closed all day on the listed days.
     */
    public boolean inServiceHours(Instant now) {
        ZonedDateTime local = ZonedDateTime.ofInstant(now, ZoneId.of(timeZone));
        if (closedDays != null && closedDays.contains(local.toLocalDate().toString())) {
            return false;
        }
        if (hoursFrom == null || hoursTo == null) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        LocalTime from = LocalTime.parse(hoursFrom);
        LocalTime to = LocalTime.parse(hoursTo);
        return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to) : !time.isBefore(from) || time.isBefore(to);
    }

    public String secret() {
        return secret;
    }

    public boolean hasSecret() {
        return secret != null;
    }

    public boolean guestsAllowed() {
        return guestsAllowed;
    }

    public String hoursFrom() {
        return hoursFrom;
    }

    public String hoursTo() {
        return hoursTo;
    }

    public String timeZone() {
        return timeZone;
    }

    public int maxWaitSeconds() {
        return maxWaitSeconds;
    }
}
