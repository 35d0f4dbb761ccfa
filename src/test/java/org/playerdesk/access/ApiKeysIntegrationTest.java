package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Game API keys: shown once, stored hashed, stopped by revocation. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ApiKeysIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesOnlyTheHashOfTheSecret() {
        GameInfo game = workspace.game();

        IssuedApiKey issued = keys.create(game.id(), "正式服服务器", "admin");

        assertThat(issued.secret()).startsWith("pdk_").hasSize(44);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key where id = ?", issued.id());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(issued.secret()));
            assertThat(row).containsEntry("key_hash", Hashes.sha256(issued.secret()));
        });
    }

    @Test
    void listsKeysByPrefixWithoutTheirSecret() {
        GameInfo game = workspace.game();
        IssuedApiKey issued = keys.create(game.id(), "测试服", "admin");

        assertThat(issued.prefix()).isEqualTo(issued.secret().substring(0, 8));
        assertThat(keys.all()).filteredOn(k -> k.id().equals(issued.id())).singleElement().satisfies(listed -> {
            assertThat(listed.prefix()).isEqualTo(issued.prefix());
            assertThat(listed.secret()).isNull();
            assertThat(listed.name()).isEqualTo("测试服");
            assertThat(listed.active()).isTrue();
        });
    }

    @Test
    void authenticatesTheGameOfAKey() {
        GameInfo game = workspace.game();
        IssuedApiKey issued = keys.create(game.id(), "server", "admin");

        assertThat(keys.authenticate(issued.secret())).contains(new GameClient(game.id(), issued.id()));
        assertThat(keys.authenticate(issued.secret() + "x")).isEmpty();
        assertThat(keys.authenticate(issued.prefix())).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("k".repeat(201))).isEmpty();
    }

    @Test
    void revokedKeyStopsAuthenticatingAtOnceOnThisNode() {
        GameInfo game = workspace.game();
        IssuedApiKey issued = keys.create(game.id(), "server", "admin");
        IssuedApiKey sibling = keys.create(game.id(), "backup server", "admin");
        assertThat(keys.authenticate(issued.secret())).isPresent();

        keys.revoke(issued.id());

        assertThat(keys.authenticate(issued.secret())).isEmpty();
        assertThat(keys.authenticate(sibling.secret())).isPresent();
        assertThat(keys.all()).filteredOn(k -> k.id().equals(issued.id())).singleElement()
                .satisfies(k -> assertThat(k.active()).isFalse());
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        GameInfo game = workspace.game();
        IssuedApiKey issued = keys.create(game.id(), "server", "admin");
        assertThat(issued.lastUsedAt()).isNull();

        keys.authenticate(issued.secret());

        assertThat(keys.all()).filteredOn(k -> k.id().equals(issued.id())).singleElement()
                .satisfies(k -> assertThat(k.lastUsedAt()).isNotNull());
    }

    @Test
    void refusesKeysWithoutGameNameOrLongEnoughSecret() {
        assertThatThrownBy(() -> keys.register(null, " ", "short", "admin"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("name", "gameId", "secret"));
        assertThatThrownBy(() -> keys.revoke(UUID.randomUUID()))
                .isInstanceOf(org.playerdesk.system.errors.NotFoundException.class);
    }
}
