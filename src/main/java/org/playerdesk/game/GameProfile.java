package org.playerdesk.game;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A game as its administrators keep it: besides what {@link GameInfo} says, the time zone the
 * studio works in, the business calendar its service levels start from ({@code always} for 7×24,
 * {@code office} for Monday to Friday 09:00 to 18:00), the channels players reach support by
 * (ticket channel codes) and, when archived, since when.
 */
public record GameProfile(UUID id, String code, String name, String defaultLocale, String timeZone,
        String businessHours, List<String> channels, Instant archivedAt) {

    public static final List<String> CHANNELS = List.of("in_game", "web", "chat", "email", "phone", "social");
    public static final List<String> BUSINESS_HOURS = List.of("always", "office");

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean offers(String channel) {
        return channels.contains(channel);
    }

    /** The time zone its days are counted in (UTC when it names none or a bad one). */
    public java.time.ZoneId zone() {
        try {
            return timeZone == null || timeZone.isBlank() ? java.time.ZoneId.of("UTC") : java.time.ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            return java.time.ZoneId.of("UTC");
        }
    }

    public GameInfo info() {
        return new GameInfo(id, code, name, defaultLocale);
    }
}
