package org.playerdesk.system.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.internal.GameConnector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Stored secrets as the database holds them: sealed in the row, read back as given, plain values
 * from before still read and sealed by the rewrite, rotation to a new key, and a value no configured
 * key opens refused with the column and row named.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class SecretsAtRestTest {

    private static final String SECRET = "connector-secret-" + UUID.randomUUID();

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameConnectors connectors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretRewrite rewrite;
    @Autowired
    Secrets secrets;
    @Autowired
    SecretsProperties properties;
    @Autowired
    Environment environment;
    @PersistenceContext
    EntityManager entities;

    private String stored(UUID gameId) {
        return jdbc.sql("select secret from game_connector where game_id = ?").param(gameId).query(String.class).single();
    }

    private String read(UUID gameId) {
        entities.clear();
        return entities.createQuery("select c from GameConnector c where c.gameId = :game", GameConnector.class)
                .setParameter("game", gameId).getSingleResult().secret();
    }

    private GameInfo gameWithSecret() {
        GameInfo game = workspace.game();
        connectors.configure(game.id(), ConnectorKind.HTTP, "http://127.0.0.1:9/game", SECRET, null, null, "admin");
        return game;
    }

    @Test
    void aStoredSecretIsSealedInItsRowAndReadsBackAsGiven() {
        GameInfo game = gameWithSecret();

        String row = stored(game.id());
        assertThat(row).startsWith("enc:test1:").doesNotContain(SECRET).doesNotContain("connector-secret");
        assertThat(read(game.id())).isEqualTo(SECRET);
        assertThat(secrets.open(row)).isEqualTo(SECRET);
    }

    @Test
    void aPlainValueFromBeforeIsReadAsItIsAndSealedOnTheNextWriteOrByTheRewrite() {
        GameInfo changed = gameWithSecret();
        GameInfo left = gameWithSecret();
        jdbc.sql("update game_connector set secret = ? where game_id in (?, ?)").params("plain-legacy-secret-42",
                changed.id(), left.id()).update();

        assertThat(read(changed.id())).isEqualTo("plain-legacy-secret-42");
        // a change that keeps the secret writes it sealed
        connectors.configure(changed.id(), ConnectorKind.HTTP, "http://127.0.0.1:9/other", null, null, null, "admin");
        assertThat(stored(changed.id())).startsWith("enc:test1:");
        assertThat(read(changed.id())).isEqualTo("plain-legacy-secret-42");

        assertThat(stored(left.id())).isEqualTo("plain-legacy-secret-42");
        assertThat(rewrite.rewriteAll()).isGreaterThanOrEqualTo(1);
        assertThat(stored(left.id())).startsWith("enc:test1:");
        assertThat(read(left.id())).isEqualTo("plain-legacy-secret-42");
        assertThat(rewrite.rewriteAll()).isZero();
    }

    @Test
    void rotationSealsEverySecretWithTheNewKeyAfterWhichTheOldKeyCanGo() {
        GameInfo game = gameWithSecret();
        String testKey = environment.getProperty("playerdesk.secrets.keys.test1");
        String newKey = SecretsTest.newKey();
        Secrets rotated = new Secrets(Map.of("test1", testKey, "test2", newKey), "test2");
        try {
            assertThat(rewrite.pass(rotated, true)).isGreaterThanOrEqualTo(1);

            for (SecretColumn column : rewrite.columns()) {
                assertThat(values(column)).as(column.toString()).allMatch(v -> v.startsWith("enc:test2:"));
            }
            Secrets withoutOldKey = new Secrets(Map.of("test2", newKey), "test2");
            assertThat(rewrite.pass(withoutOldKey, false)).isZero(); // every value opens without the old key
            assertThat(withoutOldKey.open(stored(game.id()))).isEqualTo(SECRET);
        } finally {
            // back to the suite's key, itself a rotation
            rewrite.pass(new Secrets(Map.of("test1", testKey, "test2", newKey), "test1"), true);
        }
        for (SecretColumn column : rewrite.columns()) {
            assertThat(values(column)).as(column.toString()).allMatch(v -> v.startsWith("enc:test1:"));
        }
        assertThat(read(game.id())).isEqualTo(SECRET);
    }

    @Test
    void aValueNoConfiguredKeyOpensStopsTheCheckNamingTheColumnAndRowButNotTheSecret() {
        GameInfo game = gameWithSecret();
        String good = stored(game.id());
        UUID row = jdbc.sql("select id from game_connector where game_id = ?").param(game.id()).query(UUID.class).single();
        try {
            jdbc.sql("update game_connector set secret = ? where game_id = ?")
                    .params(new Secrets(Map.of("test1", SecretsTest.newKey()), "test1").seal("sealed-elsewhere"), game.id())
                    .update();
            assertThatThrownBy(() -> rewrite.pass(secrets, false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("game_connector.secret of the row " + row)
                    .hasMessageContaining("the key 'test1' does not open it")
                    .hasMessageContaining("playerdesk.secrets.keys").hasMessageNotContaining("sealed-elsewhere");

            jdbc.sql("update game_connector set secret = ? where game_id = ?")
                    .params(new Secrets(Map.of("gone", SecretsTest.newKey()), "gone").seal("sealed-elsewhere"), game.id())
                    .update();
            assertThatThrownBy(() -> rewrite.run(null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sealed with the key 'gone', which playerdesk.secrets.keys does not hold [test1]");
        } finally {
            jdbc.sql("update game_connector set secret = ? where game_id = ?").params(good, game.id()).update();
        }
        assertThat(rewrite.pass(secrets, false)).isZero();
    }

    @Test
    void surveyLinkKeysCampaignKeysAndSocialReplyTokensAreSealedColumnsNoRowLeavesPlain() {
        List<SecretColumn> declared = List.of(new SecretColumn("survey", "id", "secret"),
                new SecretColumn("outreach_campaign", "id", "secret"),
                new SecretColumn("social_thread", "id", "reply_token"));
        assertThat(rewrite.columns()).containsAll(declared);

        rewrite.rewriteAll();
        for (SecretColumn column : declared) {
            // the modules' own tests write these rows through their stores; whichever exist are sealed
            assertThat(values(column)).as(column.toString()).allMatch(v -> v.startsWith("enc:test1:"));
        }
    }

    private List<String> values(SecretColumn column) {
        return jdbc.sql("select " + column.column() + " from " + column.table() + " where " + column.column()
                + " is not null").query(String.class).list();
    }
}
