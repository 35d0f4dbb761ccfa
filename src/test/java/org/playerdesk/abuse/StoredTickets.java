package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.playerdesk.game.GameInfo;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a game's intake left in the database, checked as a whole: whatever was sent, every
 * ticket is complete and no stored text holds a character the input rules refuse.
 */
record StoredTickets(JdbcTemplate jdbc, GameInfo game) {

    /** The check after a run: exactly the accepted tickets are stored, each of them whole and clean. */
    void holdExactly(int accepted, String description) {
        org.assertj.core.api.Assertions.assertThat(tickets()).as(description).isEqualTo(accepted);
        areComplete();
        holdNoForbiddenCharacters();
    }

    int tickets() {
        return count("select count(*) from ticket where game_id = ?");
    }

    int messagesOf(Object ticketId) {
        return jdbc.queryForObject("select count(*) from ticket_message where ticket_id = ?", Integer.class, ticketId);
    }

    /** Every ticket has its player, its first message from that player and its {@code created} history entry. */
    void areComplete() {
        assertThat(count("""
                select count(*) from ticket t where t.game_id = ?
                and not exists (select 1 from player p where p.id = t.player_id and p.game_id = t.game_id)"""))
                .as("tickets without their player").isZero();
        assertThat(count("""
                select count(*) from ticket t where t.game_id = ?
                and not exists (select 1 from ticket_message m where m.ticket_id = t.id and m.author_kind = 'player')"""))
                .as("tickets without the player's first message").isZero();
        assertThat(count("""
                select count(*) from ticket t where t.game_id = ?
                and not exists (select 1 from ticket_history h where h.ticket_id = t.id and h.action = 'created')"""))
                .as("tickets without their 'created' history entry").isZero();
    }

    /** No stored text of the game holds a control character other than tab and line breaks, or a broken surrogate. */
    void holdNoForbiddenCharacters() {
        List<String> texts = new java.util.ArrayList<>();
        texts.addAll(strings("select subject from ticket where game_id = ?"));
        texts.addAll(strings("select contact_email from ticket where game_id = ?"));
        texts.addAll(strings("select m.body from ticket_message m join ticket t on t.id = m.ticket_id where t.game_id = ?"));
        texts.addAll(strings("select m.author_name from ticket_message m join ticket t on t.id = m.ticket_id "
                + "where t.game_id = ?"));
        texts.addAll(strings("select d.entry_key from ticket_metadata d join ticket t on t.id = d.ticket_id "
                + "where t.game_id = ?"));
        texts.addAll(strings("select d.entry_value from ticket_metadata d join ticket t on t.id = d.ticket_id "
                + "where t.game_id = ?"));
        for (String column : List.of("account_id", "nickname", "server", "role_name", "contact_email")) {
            texts.addAll(strings("select " + column + " from player where game_id = ?"));
        }
        assertThat(texts).filteredOn(Nasty::hasForbiddenCharacter).as("stored texts with forbidden characters")
                .isEmpty();
    }

    private List<String> strings(String sql) {
        return jdbc.queryForList(sql, String.class, game.id());
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, game.id());
    }
}
