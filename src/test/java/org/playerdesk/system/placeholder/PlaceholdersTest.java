package org.playerdesk.system.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void fillsPlainAndDottedNames() {
        assertThat(Placeholders.fill("{nickname} 您好, {agent.name} #{ticket}",
                Map.of("nickname", "小明", "agent.name", "客服小王", "ticket", "42")))
                .isEqualTo("小明 您好, 客服小王 #42");
    }

    @Test
    void leavesUnknownMissingAndBlankPlaceholdersAsWritten() {
        Map<String, String> values = new HashMap<>();
        values.put("player.server", " ");
        values.put("player.role", null);

        assertThat(Placeholders.fill("{player.server} {player.role} {game.name} {Not a placeholder}", values))
                .isEqualTo("{player.server} {player.role} {game.name} {Not a placeholder}");
    }

    @Test
    void aValueIsWrittenAsItIsNeverFilledInTurn() {
        assertThat(Placeholders.fill("{nickname}: {outcome}", Map.of("nickname", "{outcome} $1 \\", "outcome", "done")))
                .isEqualTo("{outcome} $1 \\: done");
    }
}
