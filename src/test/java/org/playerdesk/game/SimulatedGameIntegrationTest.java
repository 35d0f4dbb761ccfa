package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The built-in simulated game: its scenario accounts, and its state changing as agents act. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class SimulatedGameIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameBackends backends;
    @Autowired
    GameConnectors connectors;

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aGameWithoutConnectorHasNoBackend() {
        GameInfo game = workspace.game();

        assertThat(backends.connected(game.id())).isFalse();
        assertThatThrownBy(() -> backends.of(game.id())).isInstanceOf(GameBackendUnavailable.class);
    }

    @Test
    void theSameGameCodeGivesTheSameData() {
        GameInfo one = workspace.simulatedGame();
        GameBackend a = backends.of(one.id());
        GameBackend b = backends.of(one.id());

        assertThat(a.profile("100123")).isEqualTo(b.profile("100123"));
        assertThat(a.logins("100123", 50)).isEqualTo(b.logins("100123", 50));
        assertThat(a.profile("100400").nickname()).isNotBlank();
        assertThatThrownBy(() -> a.profile("999999")).isInstanceOf(UnknownAccount.class);
        assertThatThrownBy(() -> a.profile(null)).isInstanceOf(UnknownAccount.class);
    }

    @Test
    void theStolenAccountLoggedInFromANewPlaceThenWasDrained() {
        GameBackend game = backends.of(workspace.simulatedGame().id());

        List<LoginRecord> logins = game.logins("10001", 5);
        assertThat(logins.getFirst().region()).isEqualTo("新疆乌鲁木齐");
        assertThat(logins.get(1).region()).isEqualTo("广东深圳");
        assertThat(logins.getFirst().device()).isNotEqualTo(logins.get(1).device());
        List<LedgerEntry> ledger = game.ledger("10001", logins.getFirst().at(), null);
        assertThat(ledger).hasSize(2).allSatisfy(e -> {
            assertThat(e.amount()).isNegative();
            assertThat(e.counterparty()).isEqualTo("10666");
        });
        assertThat(game.profile("10001").currencyBalance()).isEqualTo(120);
        assertThat(ledger.getLast().balance()).isEqualTo(120);
        assertThat(game.linkedAccounts("10001")).extracting(LinkedAccount::accountId).contains("10666");
    }

    @Test
    void scenarioAccountsShowWhatTheyAreFor() {
        GameBackend game = backends.of(workspace.simulatedGame().id());

        assertThat(game.profile("10002").status()).isEqualTo(AccountStatus.BANNED);
        assertThat(game.bans("10002").getFirst().reason()).contains("加速");
        assertThat(game.purchases("10003")).anySatisfy(p -> {
            assertThat(p.orderId()).isEqualTo("20261122-8842");
            assertThat(p.state()).isEqualTo("pending");
        });
        assertThat(game.redemptions("10007")).extracting(Redemption::fulfilment).contains("pending", "shipped");
        assertThat(game.profile("20001").partner()).isTrue();
        assertThat(game.linkedAccounts("30001")).filteredOn(l -> l.kind().equals("ip"))
                .extracting(LinkedAccount::accountId).contains("30002", "30008");
        assertThat(game.linkedAccounts("30001")).filteredOn(l -> l.kind().equals("device")).isNotEmpty();
        assertThat(game.profile("40001").status()).isEqualTo(AccountStatus.BANNED);
        assertThat(game.bans("40001").getFirst().permanent()).isTrue();
        assertThat(game.profile("40002").status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(game.profile("50001").totalRecharge()).isEqualTo(40 * 64800);
        assertThat(game.profile("50001").vipLevel()).isEqualTo(15);
        assertThat(game.profile("10004").partner()).isFalse();
    }

    @Test
    void actionsChangeTheAccountOncePerKey() {
        GameBackend game = backends.of(workspace.simulatedGame().id());
        long before = game.profile("10001").currencyBalance();
        String restore = key();

        ActionResult first = game.perform(new GameAction.Compensate(restore, "10001", "agent", 58_000, null, 0, "找回"));
        ActionResult again = game.perform(new GameAction.Compensate(restore, "10001", "agent", 58_000, null, 0, "找回"));

        assertThat(first.applied()).isTrue();
        assertThat(first.replayed()).isFalse();
        assertThat(again).isEqualTo(new ActionResult(true, first.reference(), first.message(), true));
        assertThat(game.profile("10001").currencyBalance()).isEqualTo(before + 58_000);
        assertThat(game.ledger("10001", null, null).getLast().reason()).isEqualTo("客服补偿");

        assertThat(game.perform(new GameAction.Ban(key(), "10004", "gm", Duration.ofDays(3), "辱骂")).applied())
                .isTrue();
        assertThat(game.profile("10004").status()).isEqualTo(AccountStatus.BANNED);
        assertThat(game.bans("10004").getFirst().endsAt()).isNotNull();
        assertThat(game.perform(new GameAction.Unban(key(), "10004", "gm", "误封")).applied()).isTrue();
        assertThat(game.profile("10004").status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(game.bans("10004").getFirst().liftedAt()).isNotNull();
        assertThat(game.perform(new GameAction.Unban(key(), "10004", "gm", "again")).applied())
                .as("nothing left to lift").isFalse();

        assertThat(game.perform(new GameAction.Freeze(key(), "10006", "gm", "交易纠纷")).applied()).isTrue();
        assertThat(game.profile("10006").status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(game.perform(new GameAction.ResetPassword(key(), "10006", "gm")).applied()).isTrue();
        assertThat(game.perform(new GameAction.Compensate(key(), "10006", "gm", 0, "复活石", 5, "补偿")).applied())
                .isTrue();
    }

    @Test
    void refusesNonsenseActionsWithoutChangingAnything() {
        GameBackend game = backends.of(workspace.simulatedGame().id());
        long before = game.profile("10005").currencyBalance();

        assertThat(game.perform(new GameAction.Compensate(key(), "10005", "gm", -500, null, 0, "x")).applied())
                .isFalse();
        assertThat(game.perform(new GameAction.Compensate(key(), "10005", "gm", 10, "剑", 1, "both")).applied())
                .isFalse();
        assertThat(game.perform(new GameAction.Ban(key(), "10005", "gm", Duration.ofDays(1), " ")).applied()).isFalse();
        assertThatThrownBy(() -> game.perform(new GameAction.Freeze(key(), "no-such", "gm", "x")))
                .isInstanceOf(UnknownAccount.class);
        assertThatThrownBy(() -> game.perform(new GameAction.Freeze(" ", "10005", "gm", "x")))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(game.profile("10005").currencyBalance()).isEqualTo(before);
        assertThat(game.profile("10005").status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void eachGameHasItsOwnState() {
        GameBackend one = backends.of(workspace.simulatedGame().id());
        GameBackend other = backends.of(workspace.simulatedGame().id());

        one.perform(new GameAction.Freeze(key(), "10009", "gm", "x"));

        assertThat(one.profile("10009").status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(other.profile("10009").status()).isEqualTo(AccountStatus.ACTIVE);
    }
}
