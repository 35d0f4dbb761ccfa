package org.playerdesk.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.IssuedApiKey;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.locale.Locales;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ConsoleAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    ApiKeys keys;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    @Test
    void rootLeadsToTheInboxThroughTheConsole() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/console"));
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        mvc.perform(get("/console").with(as(agent))).andExpect(redirectedUrl("/console/tickets"));
    }

    @Test
    void strangersAreSentToSignInFromEveryConsolePage() throws Exception {
        for (String page : new String[] {"/console", "/console/tickets", "/console/admin/staff",
                "/console/admin/api-keys", "/console/tickets/0197a3c4-0000-7000-8000-000000000000"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void signInPageOffersNoIdentityProviderUnlessOneIsConfigured() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(not(containsString("data-testid=\"sso-sign-in\""))))
                .andExpect(content().string(not(containsString("/oauth2/authorization"))))
                .andExpect(content().string(not(containsString("data-testid=\"break-glass\""))));
        mvc.perform(get("/oauth2/authorization/staff")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInPageSpeaksBothLanguagesAndReportsFailureAndSignOut() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"password\"")))
                .andExpect(content().string(containsString("Sign in to the support console")))
                .andExpect(content().string(not(containsString("data-testid=\"login-error\""))));
        mvc.perform(get("/login").param("lang", "zh-CN").param("error", ""))
                .andExpect(content().string(containsString("登录客服控制台")))
                .andExpect(content().string(containsString("用户名或密码错误")));
        mvc.perform(get("/login").locale(Locale.ENGLISH).param("logout", ""))
                .andExpect(content().string(containsString("You have signed out.")));
    }

    @Test
    void signingInSpeaksTheLanguageSavedOnTheAccount() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        staff.preferLocale(agent.id(), "en");

        mvc.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                .andExpect(redirectedUrl("/console"))
                .andExpect(cookie().value(Locales.COOKIE, "en"));
        mvc.perform(formLogin("/login").user(agent.username()).password("wrong-password"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void languageChoiceIsSavedOnTheAccountAndLeadsBackToTheConsolePage() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, workspace.game());

        mvc.perform(post("/console/preferences/locale").param("locale", "en").with(as(agent)).with(csrf())
                        .header("Referer", "http://localhost/console/tickets?view=all&lang=zh-CN"))
                .andExpect(redirectedUrl("/console/tickets?view=all"))
                .andExpect(cookie().value(Locales.COOKIE, "en"));
        assertThat(staff.get(agent.id()).locale()).isEqualTo("en");

        mvc.perform(post("/console/preferences/locale").param("locale", "zh-CN").with(as(agent)).with(csrf())
                        .header("Referer", "https://evil.example/console/tickets"))
                .andExpect(redirectedUrl("/console/tickets"));
        assertThat(staff.get(agent.id()).locale()).isEqualTo("zh-CN");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        mvc.perform(post("/console/preferences/locale").param("locale", "en").with(as(admin)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/api-keys").param("gameId", workspace.game().id().toString())
                .param("name", "no token").with(as(admin))).andExpect(status().isForbidden());
        assertThat(staff.get(admin.id()).locale()).isEqualTo("zh-CN");
        assertThat(keys.all()).noneMatch(k -> k.name().equals("no token"));
    }

    @Test
    void firstLineAgentsCannotOpenAdministration() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        mvc.perform(get("/console/admin/staff").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/admin/api-keys").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/tickets").with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/console/admin/staff"))));
    }

    @Test
    void supervisorsSeeStaffButNotApiKeysAndCannotEnrol() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        mvc.perform(get("/console/admin/staff").with(as(lead)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(lead.username())))
                .andExpect(content().string(not(containsString("data-testid=\"staff-form\""))));
        mvc.perform(get("/console/admin/api-keys").with(as(lead))).andExpect(status().isForbidden());
        String username = TestWorkspace.unique("x");
        mvc.perform(post("/console/admin/staff").with(as(lead)).with(csrf()).param("username", username)
                .param("displayName", "New").param("password", "long-enough-pw").param("role", "agent_l1"))
                .andExpect(status().isForbidden());
        assertThat(staff.byUsername(username)).isEmpty();
    }

    @Test
    void administratorsCreateAKeyWhoseSecretIsShownOnceAndRevokeItAfterConfirming() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        String name = TestWorkspace.unique("server");

        MvcResult created = mvc.perform(post("/console/admin/api-keys").with(as(admin)).with(csrf())
                        .param("gameId", game.id().toString()).param("name", name))
                .andExpect(redirectedUrl("/console/admin/api-keys/issued"))
                .andReturn();
        IssuedApiKey issued = (IssuedApiKey) created.getFlashMap().get("issued");
        assertThat(keys.authenticate(issued.secret())).hasValueSatisfying(c -> assertThat(c.gameId()).isEqualTo(game.id()));

        mvc.perform(get("/console/admin/api-keys/issued").with(as(admin)).flashAttrs(created.getFlashMap())
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(issued.secret())))
                .andExpect(content().string(containsString("shown only this once")));
        mvc.perform(get("/console/admin/api-keys/issued").with(as(admin)))
                .andExpect(redirectedUrl("/console/admin/api-keys"));
        mvc.perform(get("/console/admin/api-keys").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString(issued.secret()))));

        mvc.perform(get("/console/admin/api-keys/{id}/revoke", issued.id()).with(as(admin)).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revoke the key")));
        assertThat(keys.authenticate(issued.secret())).isPresent();
        mvc.perform(post("/console/admin/api-keys/{id}/revoke", issued.id()).with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/api-keys"))
                .andExpect(flash().attribute("notice", "apiKey.notice.revoked"));
        assertThat(keys.all()).filteredOn(k -> k.id().equals(issued.id())).singleElement()
                .satisfies(k -> assertThat(k.active()).isFalse());
    }

    @Test
    void aKeyWithoutNameOrGameIsRefusedFieldByField() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        mvc.perform(post("/console/admin/api-keys").with(as(admin)).with(csrf()).locale(Locale.ENGLISH)
                        .param("gameId", "not-a-game").param("name", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please choose a game.")))
                .andExpect(content().string(containsString("Please give a name of at most 100 characters.")));
    }

    @Test
    void administratorsEnrolStaffAndSeeEachBadFieldInTheirLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        String username = TestWorkspace.unique("new");

        mvc.perform(post("/console/admin/staff").with(as(admin)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                        .param("username", "Bad Name").param("displayName", "").param("password", "short")
                        .param("role", "agent_l1").param("locale", "en").param("games", game.id().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("用户名为 2 到 64 个小写字母")))
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("密码长度须为 8 到 128 个字符")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post("/console/admin/staff").with(as(admin)).with(csrf()).locale(Locale.ENGLISH)
                        .param("username", admin.username()).param("displayName", "Twin").param("password", "long-enough-pw")
                        .param("role", "agent_l1").param("locale", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This user name is taken.")));

        mvc.perform(post("/console/admin/staff").with(as(admin)).with(csrf())
                        .param("username", username).param("displayName", "新客服").param("password", "long-enough-pw")
                        .param("role", "agent_vip").param("locale", "en").param("games", game.id().toString()))
                .andExpect(redirectedUrl("/console/admin/staff"))
                .andExpect(flash().attribute("notice", "staff.notice.enrolled"));
        StaffMember enrolled = staff.byUsername(username).orElseThrow();
        assertThat(enrolled.role()).isEqualTo(StaffRole.AGENT_VIP);
        assertThat(enrolled.gameIds()).containsExactly(game.id());
        assertThat(enrolled.locale()).isEqualTo("en");

        mvc.perform(get("/console/admin/staff").with(as(admin)).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString("VIP agent")))
                .andExpect(content().string(containsString(game.name())));
    }

    @Test
    void errorPagesAreConsolePagesWithoutDetails() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        mvc.perform(get("/console/tickets/not-an-id").with(as(agent)).locale(Locale.ENGLISH))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("data-testid=\"error-page\"")))
                .andExpect(content().string(containsString("does not exist")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    /**
     * The top bar offers each role the links of its permissions, on pages and on error pages alike
     * (an error handler's page has no model attributes of the controller's), and nothing of the
     * console to a stranger.
     */
    @Test
    void theTopBarOffersEachRoleItsOwnLinksOnPagesAndErrorPages() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        StaffMember qa = workspace.staff(StaffRole.QA, workspace.game());
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, workspace.game());
        StaffMember admin = workspace.staff(StaffRole.ADMIN, workspace.game());
        String[] links = { "nav-handover", "nav-quality", "nav-wellbeing", "nav-privacy", "nav-teams", "nav-audit",
                "nav-roster", "nav-pay", "nav-campaigns", "presence-slot", "announcement-banner-slot",
                "shortcuts-overlay" };

        assertThat(shown(topBar(get("/console/tickets").with(as(agent)), 200), links)).containsExactly(
                "nav-handover", "nav-roster", "nav-pay", "presence-slot", "announcement-banner-slot",
                "shortcuts-overlay");
        assertThat(shown(topBar(get("/console/tickets/not-an-id").with(as(agent)), 404), links))
                .as("an error page's top bar").containsExactly("nav-handover", "nav-roster", "nav-pay",
                        "presence-slot", "announcement-banner-slot", "shortcuts-overlay");
        assertThat(shown(topBar(get("/console/tickets").with(as(qa)), 200), links))
                .containsExactly("nav-quality", "shortcuts-overlay");
        assertThat(shown(topBar(get("/console/tickets").with(as(supervisor)), 200), links)).containsExactly(
                "nav-handover", "nav-quality", "nav-wellbeing", "nav-privacy", "nav-audit", "nav-roster", "nav-pay",
                "nav-campaigns", "presence-slot", "announcement-banner-slot", "shortcuts-overlay");
        assertThat(shown(topBar(get("/console/tickets").with(as(admin)), 200), links)).containsExactly(links);

        Document login = topBar(get("/login"), 200);
        assertThat(shown(login, links)).isEmpty();
        assertThat(login.select("[data-testid=nav-more], [data-testid=sign-out]")).isEmpty();
        assertThat(login.select("a[data-testid=switch-language]")).hasSize(1);
    }

    /**
     * The links and the shortcuts' list are made once per set of authorities and language and kept
     * (TopBarParts): each reader still gets their own language and their own role's links, in any
     * order of requests; a language PlayerDesk does not speak gets the frame's own rendering.
     */
    @Test
    void theTopBarsKeptPartsFollowEachReadersLanguageAndRole() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        StaffMember qa = workspace.staff(StaffRole.QA, workspace.game());

        Document english = inLanguage(agent, "en");
        assertThat(english.select("[data-testid=top-bar] .navbar-nav .nav-link").first().text()).isEqualTo("Inbox");
        assertThat(english.select("[data-testid=shortcuts-overlay] h2").text()).isEqualTo("Keyboard shortcuts");
        assertThat(english.select("[data-testid=nav-handover]")).hasSize(1);

        Document chinese = inLanguage(agent, "zh-CN");
        assertThat(chinese.select("[data-testid=top-bar] .navbar-nav .nav-link").first().text()).isEqualTo("工单箱");
        assertThat(chinese.select("[data-testid=shortcuts-overlay] h2").text()).isEqualTo("键盘快捷键");
        assertThat(inLanguage(agent, "en").select("[data-testid=top-bar] .navbar-nav").outerHtml())
                .as("the English parts once more, after the Chinese were made").isEqualTo(
                        english.select("[data-testid=top-bar] .navbar-nav").outerHtml());

        Document qaChinese = inLanguage(qa, "zh-CN");
        assertThat(qaChinese.select("[data-testid=nav-handover]")).isEmpty();
        assertThat(qaChinese.select("[data-testid=nav-quality]")).hasSize(1);
        assertThat(qaChinese.select("[data-testid=top-bar] .navbar-nav .nav-link").first().text()).isEqualTo("工单箱");

        MvcResult switched = mvc.perform(get("/console/tickets?lang=zh-CN").with(as(agent))
                .cookie(new jakarta.servlet.http.Cookie(Locales.COOKIE, "en"))).andExpect(status().isOk()).andReturn();
        Document switchedPage = Jsoup.parse(switched.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(switchedPage.select("[data-testid=shortcuts-overlay] h2").text())
                .as("the language switched by ?lang= on this very page").isEqualTo("键盘快捷键");
        assertThat(switchedPage.select("[data-testid=top-bar] .navbar-nav .nav-link").first().text()).isEqualTo("工单箱");

        Document other = inLanguage(agent, "fr");
        assertThat(other.select("[data-testid=nav-handover]")).as("a language not kept: the frame's own links")
                .hasSize(1);
        assertThat(other.select("[data-testid=shortcuts-overlay]")).hasSize(1);
    }

    private Document inLanguage(StaffMember member, String language) throws Exception {
        MvcResult result = mvc.perform(get("/console/tickets").with(as(member))
                .cookie(new jakarta.servlet.http.Cookie(Locales.COOKIE, language))).andExpect(status().isOk())
                .andReturn();
        assertThat(result.getRequest().getAttribute(TopBarParts.NAME)).as("parts kept for " + language)
                .matches(parts -> (parts != null) == !"fr".equals(language));
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Document topBar(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.locale(Locale.ENGLISH)).andExpect(status().is(status)).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> shown(Document page, String... testIds) {
        return Arrays.stream(testIds).filter(id -> !page.select("[data-testid=" + id + "]").isEmpty())
                .toList();
    }
}
