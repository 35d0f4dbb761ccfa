package org.playerdesk.outreach.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.outreach.ContactPreferences;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Players' contact preferences and games' outreach settings ({@code outreach_contact}, {@code outreach_settings}). */
@Component
class ContactStore {

    private final JdbcClient jdbc;

    ContactStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String CONTACT = "select player_id, phone, locale, time_zone, email_opt_out, in_game_opt_out, "
            + "sms_opt_out from outreach_contact ";

    Optional<ContactPreferences> of(UUID playerId) {
        return jdbc.sql(CONTACT + "where player_id = ?").param(playerId).query(ContactStore::row).optional();
    }

    Map<UUID, ContactPreferences> of(Collection<UUID> playerIds) {
        Map<UUID, ContactPreferences> found = new HashMap<>();
        List<UUID> ids = List.copyOf(playerIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql(CONTACT + "where player_id in (" + CampaignStore.marks(part.size()) + ")")
                    .params(List.copyOf(part)).query(ContactStore::row).list()
                    .forEach(c -> found.put(c.playerId(), c));
        }
        return found;
    }

    Map<UUID, ContactPreferences> ofGame(UUID gameId) {
        Map<UUID, ContactPreferences> found = new HashMap<>();
        jdbc.sql(CONTACT + "where game_id = ?").param(gameId).query(ContactStore::row).list()
                .forEach(c -> found.put(c.playerId(), c));
        return found;
    }

    void save(UUID gameId, ContactPreferences c, String by, Instant at) {
        int updated = jdbc.sql("update outreach_contact set phone = ?, locale = ?, time_zone = ?, email_opt_out = ?, "
                + "in_game_opt_out = ?, sms_opt_out = ?, updated_at = ?, updated_by = ? where player_id = ?")
                .params(c.phone(), c.locale(), c.timeZone(), c.emailOptOut(), c.inGameOptOut(), c.smsOptOut(),
                        Timestamp.from(at), by, c.playerId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into outreach_contact (player_id, game_id, phone, locale, time_zone, email_opt_out, "
                    + "in_game_opt_out, sms_opt_out, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(c.playerId(), gameId, c.phone(), c.locale(), c.timeZone(), c.emailOptOut(),
                            c.inGameOptOut(), c.smsOptOut(), Timestamp.from(at), by)
                    .update();
        }
    }

    /** The player opts out of one channel (an unsubscribe link, an SMS STOP). */
    void optOut(UUID gameId, UUID playerId, OutreachChannel channel, String by, Instant at) {
        ContactPreferences now = of(playerId)
                .orElse(new ContactPreferences(playerId, null, null, null, false, false, false));
        save(gameId, new ContactPreferences(playerId, now.phone(), now.locale(), now.timeZone(),
                now.emailOptOut() || channel == OutreachChannel.EMAIL,
                now.inGameOptOut() || channel == OutreachChannel.IN_GAME,
                now.smsOptOut() || channel == OutreachChannel.SMS), by, at);
    }

    /** Every player kept with this phone number is opted out of SMS (a STOP from the number); answers how many. */
    int optOutPhone(String phone, String by, Instant at) {
        return jdbc.sql("update outreach_contact set sms_opt_out = ?, updated_at = ?, updated_by = ? where phone = ? "
                + "and sms_opt_out = ?").params(true, Timestamp.from(at), by, phone, false).update();
    }

    /** Whether a player kept with this number opted out of SMS (a STOP from it, or the contact page). */
    boolean phoneOptedOut(String phone) {
        return jdbc.sql("select count(*) from outreach_contact where phone = ? and sms_opt_out = ?")
                .params(phone, true).query(Integer.class).single() > 0;
    }

    OutreachSettings settings(UUID gameId) {
        return jdbc.sql("select game_id, email_per_minute, in_game_per_minute, sms_per_minute, quiet_from, quiet_until "
                + "from outreach_settings where game_id = ?").param(gameId)
                .query((rs, n) -> new OutreachSettings(rs.getObject("game_id", UUID.class), rs.getInt("email_per_minute"),
                        rs.getInt("in_game_per_minute"), rs.getInt("sms_per_minute"), rs.getInt("quiet_from"),
                        rs.getInt("quiet_until")))
                .optional().orElse(OutreachSettings.defaults(gameId));
    }

    void saveSettings(OutreachSettings s, Instant at) {
        int updated = jdbc.sql("update outreach_settings set email_per_minute = ?, in_game_per_minute = ?, "
                + "sms_per_minute = ?, quiet_from = ?, quiet_until = ?, updated_at = ? where game_id = ?")
                .params(s.emailPerMinute(), s.inGamePerMinute(), s.smsPerMinute(), s.quietFrom(), s.quietUntil(),
                        Timestamp.from(at), s.gameId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into outreach_settings (game_id, email_per_minute, in_game_per_minute, sms_per_minute, "
                    + "quiet_from, quiet_until, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(s.gameId(), s.emailPerMinute(), s.inGamePerMinute(), s.smsPerMinute(), s.quietFrom(),
                            s.quietUntil(), Timestamp.from(at))
                    .update();
        }
    }

    private static ContactPreferences row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ContactPreferences(rs.getObject("player_id", UUID.class), rs.getString("phone"),
                rs.getString("locale"), rs.getString("time_zone"), rs.getBoolean("email_opt_out"),
                rs.getBoolean("in_game_opt_out"), rs.getBoolean("sms_opt_out"));
    }
}
