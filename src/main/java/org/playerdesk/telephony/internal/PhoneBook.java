package org.playerdesk.telephony.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers players called from or were called on, remembered when a call is linked to a player,
 * so that the next call from the number finds the player (kept here, not in the player's record: a
 * number is a fact of calls, and one phone may serve several accounts).
 */
@Component
class PhoneBook {

    private final JdbcTemplate jdbc;

    PhoneBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers that the number belongs to the player, or that it did again at {@code at}. */
    @Transactional
    void link(UUID gameId, String phone, UUID playerId, Instant at) {
        String number = PhoneNumbers.normal(phone);
        if (number == null || playerId == null) {
            return;
        }
        int changed = jdbc.update("update telephony_player_phone set linked_at = ? where game_id = ? and phone = ? "
                + "and player_id = ?", Timestamp.from(at), gameId, number, playerId);
        if (changed == 0) {
            jdbc.update("insert into telephony_player_phone (game_id, phone, player_id, linked_at) values (?, ?, ?, ?) "
                    + "on conflict do nothing", gameId, number, playerId, Timestamp.from(at));
        }
    }

    /** The players of the game known by the number, the one linked last first. */
    List<UUID> players(UUID gameId, String phone) {
        String number = PhoneNumbers.normal(phone);
        if (number == null) {
            return List.of();
        }
        return jdbc.queryForList("select player_id from telephony_player_phone where game_id = ? and phone = ? "
                + "order by linked_at desc", UUID.class, gameId, number);
    }

    /** The player last linked to the number, if any. */
    Optional<UUID> player(UUID gameId, String phone) {
        return players(gameId, phone).stream().findFirst();
    }
}
