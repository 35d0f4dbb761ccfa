package org.playerdesk.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** One player record per game account, keeping the latest of what the player tells us. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PlayerDirectoryIntegrationTest {

    @Autowired
    InputValidation validation;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    PlayerDirectory players;

    @Test
    void matchesTheSameAccountAndKeepsTheLatestDetails() {
        GameInfo game = workspace.game();
        PlayerSummary first = players.matchOrCreate(game.id(), new PlayerIdentity("10001", "夜雨听风", "S1", "剑客"),
                null);

        PlayerSummary again = players.matchOrCreate(game.id(), new PlayerIdentity("10001", "夜雨", null, null),
                "player@example.com");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.nickname()).isEqualTo("夜雨");
        assertThat(again.server()).as("not said again, so not forgotten").isEqualTo("S1");
        assertThat(again.role()).isEqualTo("剑客");
        assertThat(again.contactEmail()).isEqualTo("player@example.com");
        assertThat(players.find(game.id(), "10001")).contains(again);
    }

    @Test
    void theSameAccountInAnotherGameIsAnotherPlayer() {
        GameInfo one = workspace.game();
        GameInfo other = workspace.game();

        PlayerSummary inOne = players.matchOrCreate(one.id(), PlayerIdentity.of("10001"), null);
        PlayerSummary inOther = players.matchOrCreate(other.id(), PlayerIdentity.of("10001"), null);

        assertThat(inOne.id()).isNotEqualTo(inOther.id());
        assertThat(inOne.displayName()).as("no nickname: the account id").isEqualTo("10001");
    }

    @Test
    void checksAnIdentityFieldByField() {
        PlayerIdentity checked = new PlayerIdentity(" 10001 ", "名".repeat(101), "S\n1", null).tidied();

        assertThat(checked.accountId()).isEqualTo("10001");
        assertThat(validation.errors(checked)).containsExactly(
                new InvalidInput.FieldError("nickname", "invalid.tooLong", 100, 0),
                new InvalidInput.FieldError("server", "invalid.control"));
        assertThat(validation.errors(new PlayerIdentity("  ", null, null, null).tidied()))
                .containsExactly(new InvalidInput.FieldError("accountId", "invalid.blank"));
    }
}
