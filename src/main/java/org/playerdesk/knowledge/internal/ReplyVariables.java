package org.playerdesk.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.playerdesk.system.placeholder.Placeholders;

/**
 * The variables a canned reply may use, filled in for one ticket: {@code {player.nickname}},
 * {@code {player.account}}, {@code {player.server}}, {@code {player.role}} (fields of the game
 * account), {@code {agent.name}}, {@code {ticket.number}}, {@code {game.name}}. An unknown or
 * empty variable is left as written ({@link Placeholders}), so the agent sees what to fill in by hand.
 */
public record ReplyVariables(Map<String, String> values) {

    static final java.util.List<String> NAMES = java.util.List.of("player.nickname", "player.account",
            "player.server", "player.role", "agent.name", "ticket.number", "game.name");

    static ReplyVariables of(String nickname, String account, String server, String role, String agent, long number,
            String game) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("player.nickname", nickname);
        values.put("player.account", account);
        values.put("player.server", server);
        values.put("player.role", role);
        values.put("agent.name", agent);
        values.put("ticket.number", "#" + number);
        values.put("game.name", game);
        return new ReplyVariables(values);
    }

    public String fill(String text) {
        return Placeholders.fill(text, values);
    }
}
