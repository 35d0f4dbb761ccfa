package org.playerdesk.channel.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.playerdesk.game.GameInfo;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Calls to the game API as one game's server makes them, and what they left in the database. */
record GameApiCalls(MockMvc mvc, String apiKey) {

    static String ticketJson(String accountId, String type) {
        return """
                {"player": {"accountId": "%s", "nickname": "风之子", "server": "S12"},
                 "type": "%s", "subject": "充值未到账", "message": "充值 648 元后钻石没有到账。",
                 "metadata": {"clientVersion": "2.3.1", "device": "iPhone 15"}}
                """.formatted(accountId, type);
    }

    ResultActions open(String json) throws Exception {
        return mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** Opens a ticket asking for answers in a language ({@code Accept-Language}). */
    ResultActions openIn(String json, String language) throws Exception {
        return mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions open(String json, String idempotencyKey) throws Exception {
        return mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** Opens a ticket and answers its id. */
    UUID opened(String accountId, String type) throws Exception {
        String answer = open(ticketJson(accountId, type)).andReturn().getResponse().getContentAsString();
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    ResultActions ticket(Object id) throws Exception {
        return mvc.perform(get("/api/v1/tickets/{id}", id).header("Authorization", "Bearer " + apiKey));
    }

    ResultActions followUp(Object id, String json) throws Exception {
        return mvc.perform(post("/api/v1/tickets/{id}/messages", id).header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions playerTickets(String accountId, String query) throws Exception {
        return mvc.perform(get("/api/v1/players/{accountId}/tickets" + query, accountId)
                .header("Authorization", "Bearer " + apiKey));
    }

    /** Rows a game's intake has written: players, tickets, messages, idempotency keys. */
    record Stored(int players, int tickets, int messages, int idempotencyKeys) {

        static Stored in(JdbcTemplate jdbc, GameInfo game) {
            return new Stored(count(jdbc, "select count(*) from player where game_id = ?", game),
                    count(jdbc, "select count(*) from ticket where game_id = ?", game),
                    count(jdbc, "select count(*) from ticket_message m join ticket t on t.id = m.ticket_id "
                            + "where t.game_id = ?", game),
                    count(jdbc, "select count(*) from api_idempotency where game_id = ?", game));
        }

        private static int count(JdbcTemplate jdbc, String sql, GameInfo game) {
            return jdbc.queryForObject(sql, Integer.class, game.id());
        }
    }
}
