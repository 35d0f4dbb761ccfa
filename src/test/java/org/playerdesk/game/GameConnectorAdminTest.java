package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators configure a game's connector; the secret goes in and never comes out. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GameConnectorAdminTest {

    static final String SECRET = "a-very-secret-hmac-key-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameConnectors connectors;
    @Autowired
    AuditLog audit;

    private StaffUser admin() {
        return new StaffUser(workspace.staff(StaffRole.ADMIN), "");
    }

    @Test
    void anAdministratorSetsAnHttpConnectorAndTheSecretIsNeverShownBack() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = admin();

        mvc.perform(post("/console/admin/games/{id}", game.id()).with(user(admin)).with(csrf()).param("kind", "http")
                .param("baseUrl", "https://game.example.com/playerdesk").param("secret", SECRET)
                .param("connectTimeoutMs", "1500").param("readTimeoutMs", ""))
                .andExpect(redirectedUrl("/console/admin/games/" + game.id()));

        assertThat(connectors.settings(game.id()).kind()).isEqualTo(ConnectorKind.HTTP);
        assertThat(connectors.settings(game.id()).secretSet()).isTrue();
        String page = mvc.perform(get("/console/admin/games/{id}", game.id()).with(user(admin)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("https://game.example.com/playerdesk", "A secret is stored", "1500")
                .doesNotContain(SECRET);
        String list = mvc.perform(get("/console/admin/games").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains(game.code()).doesNotContain(SECRET)
                .as("the game's live chat settings are one click away").contains("/console/chat/settings/" + game.id());
        assertThat(audit.about("game", game.id().toString(), 5)).first()
                .satisfies(e -> assertThat(e.detail()).contains("http", "secret replaced").doesNotContain(SECRET));
    }

    @Test
    void badSettingsAreTranslatedFormErrorsAndChangeNothing() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = admin();

        String page = mvc.perform(post("/console/admin/games/{id}", game.id()).with(user(admin)).with(csrf())
                .param("kind", "http").param("baseUrl", "ftp://nope").param("secret", "short")
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("请填写 http 或 https 地址", "请填写 16 到 200 个字符的密钥");
        String timeouts = mvc.perform(post("/console/admin/games/{id}", game.id()).with(user(admin)).with(csrf())
                .param("kind", "simulated").param("readTimeoutMs", "soon").locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(timeouts).contains("between 100 and 60000");
        mvc.perform(post("/console/admin/games/{id}", game.id()).with(user(admin)).with(csrf()).param("kind", "magic"))
                .andExpect(status().isBadRequest());

        assertThat(connectors.settings(game.id())).isEqualTo(ConnectorSettings.NONE);
    }

    @Test
    void testingTheConnectionSaysWhetherTheBackendAnswered() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = admin();

        Object down = mvc.perform(post("/console/admin/games/{id}/test", game.id()).with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/games/" + game.id())).andReturn().getFlashMap().get("test");
        assertThat(((GameConnectors.TestResult) down).ok()).isFalse();
        connectors.configure(game.id(), ConnectorKind.SIMULATED, null, null, null, null, "test");
        Object up = mvc.perform(post("/console/admin/games/{id}/test", game.id()).with(user(admin)).with(csrf()))
                .andReturn().getFlashMap().get("test");
        assertThat(((GameConnectors.TestResult) up).ok()).isTrue();
        String page = mvc.perform(get("/console/admin/games/{id}", game.id()).with(user(admin))
                .flashAttr("test", up).locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("connector-test-result", "The game backend answered in");
    }

    @Test
    void onlyAdministratorsConfigureGames() throws Exception {
        GameInfo game = workspace.game();
        for (StaffRole role : new StaffRole[] {StaffRole.SUPERVISOR, StaffRole.AGENT_L1, StaffRole.AGENT_VIP}) {
            StaffMember who = workspace.staff(role, game);
            mvc.perform(get("/console/admin/games").with(user(new StaffUser(who, "")))).andExpect(status().isForbidden());
            mvc.perform(post("/console/admin/games/{id}", game.id()).with(user(new StaffUser(who, ""))).with(csrf())
                    .param("kind", "simulated")).andExpect(status().isForbidden());
        }
        assertThat(connectors.settings(game.id())).isEqualTo(ConnectorSettings.NONE);
        mvc.perform(get("/console/admin/games/{id}", java.util.UUID.randomUUID()).with(user(admin())))
                .andExpect(status().isNotFound());
    }
}
