package org.playerdesk.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Registering, changing and archiving a game on /console/admin/games, and what archiving does to its API keys. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GamesAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameCatalog games;
    @Autowired
    ApiKeys keys;
    @Autowired
    AuditLog audit;

    @Test
    void registersChangesAndArchivesAGame() throws Exception {
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        String code = TestWorkspace.unique("new");

        mvc.perform(post("/console/admin/games").with(user(admin)).with(csrf()).locale(Locale.ENGLISH)
                .param("code", "Bad Code").param("name", "").param("defaultLocale", "en").param("timeZone", "Mars/Base")
                .param("businessHours", "always")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Code: 2 to 32")))
                .andExpect(content().string(containsString("Name: required")))
                .andExpect(content().string(containsString("Time zone: a time zone")))
                .andExpect(content().string(containsString("Channels: choose at least one")));
        mvc.perform(post("/console/admin/games").with(user(admin)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .param("code", code).param("name", "").param("timeZone", "Asia/Shanghai").param("businessHours", "always")
                .param("channels", "web")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("名称：必填")));
        assertThat(games.byCode(code)).isEmpty();

        mvc.perform(post("/console/admin/games").with(user(admin)).with(csrf()).param("code", code)
                .param("name", "星海征途").param("defaultLocale", "zh-CN").param("timeZone", "Asia/Shanghai")
                .param("businessHours", "office").param("channels", "in_game", "web", "chat"))
                .andExpect(status().is3xxRedirection());
        GameProfile game = games.profiles().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();
        assertThat(game.name()).isEqualTo("星海征途");
        assertThat(game.businessHours()).isEqualTo("office");
        assertThat(game.channels()).containsExactly("in_game", "web", "chat");

        mvc.perform(get("/console/admin/games").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-code=\"" + code + "\"")))
                .andExpect(content().string(containsString("data-step=\"apiKey\" data-done=\"false\"")))
                .andExpect(content().string(containsString("/console/chat/settings/" + game.id())));

        mvc.perform(post("/console/admin/games").with(user(admin)).with(csrf()).locale(Locale.ENGLISH)
                .param("code", code).param("name", "again").param("timeZone", "UTC").param("businessHours", "always")
                .param("channels", "web")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Code: another game has this code")));

        mvc.perform(post("/console/admin/games/{id}/profile", game.id()).with(user(admin)).with(csrf())
                .param("name", "Star Voyage").param("defaultLocale", "en").param("timeZone", "Europe/Berlin")
                .param("businessHours", "always").param("channels", "web", "email"))
                .andExpect(status().is3xxRedirection());
        GameProfile changed = games.profile(game.id());
        assertThat(changed.name()).isEqualTo("Star Voyage");
        assertThat(changed.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(changed.channels()).containsExactly("web", "email");

        String key = workspace.apiKey(changed.info());
        String ticket = """
                {"player": {"accountId": "77", "nickname": "旅人"}, "type": "bug", "subject": "卡住了", "message": "进不去"}""";
        String number = mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(ticket)).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(post("/console/admin/games/{id}/archive", game.id()).with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(games.profile(game.id()).archived()).isTrue();
        assertThat(keys.authenticate(key)).isEmpty();
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(ticket)).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(401));
        String ticketId = number.substring(number.lastIndexOf('/') + 1);
        mvc.perform(get("/console/tickets/{id}", ticketId).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("卡住了")));

        assertThat(audit.about("game", game.id().toString(), 10)).extracting(AuditLog.Entry::action)
                .containsAll(List.of("game.register", "game.change", "game.archive"));

        mvc.perform(post("/console/admin/games/{id}/archive", game.id()).param("archived", "false").with(user(admin))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(keys.authenticate(key)).isPresent();
    }

    @Test
    void onlyAdministratorsManageGames() throws Exception {
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, workspace.game()), "");
        mvc.perform(get("/console/admin/games").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/games").with(user(agent)).with(csrf()).param("code", TestWorkspace.unique("x"))
                .param("name", "x").param("timeZone", "UTC").param("businessHours", "always").param("channels", "web"))
                .andExpect(status().isForbidden());
    }
}
