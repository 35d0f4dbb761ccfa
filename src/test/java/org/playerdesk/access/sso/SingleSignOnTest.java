package org.playerdesk.access.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffPasswords;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.sso.TestIdentityProvider.Person;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Single sign-on against a real OpenID Connect provider started for the test: the browser's side
 * through MockMvc and the provider's own pages, PlayerDesk's side (discovery, the code exchanged
 * for tokens, the keys, user info) over real HTTP. Roles come from the provider's groups, local
 * passwords are off but for the break-glass administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestWorkspace.class, StoppedClock.AsTheClock.class})
class SingleSignOnTest {

    static final String RUN = TestWorkspace.unique("s");
    static final String GAME = "g-" + RUN;
    static final String BREAK_GLASS = "glass-" + RUN;
    static final Person AGENT = new Person("alice-" + RUN, "Alice Agent", "alice-" + RUN + "@studio.test",
            List.of("support-l2", "game-team", "marketing"));
    static final Person STRANGER = new Person("bob-" + RUN, "Bob Stranger", "bob-" + RUN + "@studio.test",
            List.of());
    static final Person LEAVER = new Person("carol-" + RUN, "Carol Leaver", "carol-" + RUN + "@studio.test",
            List.of("support-l2"));
    static final Person LEAD = new Person("dave-" + RUN, "Dave Lead", "dave-" + RUN + "@studio.test",
            List.of("support-leads", "support-l2"));

    static final TestIdentityProvider PROVIDER = TestIdentityProvider.start(List.of(AGENT, STRANGER, LEAVER, LEAD));

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry settings) {
        settings.add("playerdesk.sso.enabled", () -> "true");
        settings.add("playerdesk.sso.issuer-uri", PROVIDER::issuer);
        settings.add("playerdesk.sso.client-id", () -> TestIdentityProvider.CLIENT_ID);
        settings.add("playerdesk.sso.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        settings.add("playerdesk.sso.button.en", () -> "Sign in with Studio ID");
        settings.add("playerdesk.sso.button.zh", () -> "工作室账号登录");
        settings.add("playerdesk.sso.roles-from", () -> "claims");
        settings.add("playerdesk.sso.roles.support-l2", () -> "agent_l2");
        settings.add("playerdesk.sso.roles.support-leads", () -> "supervisor");
        settings.add("playerdesk.sso.games.game-team", () -> GAME);
        settings.add("playerdesk.sso.match-by-email", () -> "true");
        settings.add("playerdesk.sso.local-passwords", () -> "false");
        settings.add("playerdesk.sso.break-glass", () -> BREAK_GLASS);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    GameCatalog games;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffPasswords passwords;

    @Test
    void aFirstSignInMakesTheAccountWithTheRoleAndGamesOfTheProvidersGroups() throws Exception {
        GameInfo game = games.byCode(GAME).orElseGet(() -> games.register(GAME, "单点登录游戏", "zh-CN"));
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get(signInThroughProvider(session, AGENT)).session(session))
                .andExpect(redirectedUrl("/console"));

        StaffMember alice = staff.byUsername(AGENT.username()).orElseThrow();
        assertThat(alice.role()).isEqualTo(StaffRole.AGENT_L2);
        assertThat(alice.gameIds()).containsExactly(game.id());
        assertThat(alice.displayName()).isEqualTo("Alice Agent");
        assertThat(alice.enabled()).isTrue();
        assertThat(staff.lastSignIn(alice.id())).isPresent();
        // the session is the member's, as after a password sign-in: the agent starts on the inbox
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/tickets"));
        mvc.perform(get("/console/admin/staff").session(session)).andExpect(status().isForbidden());
        // with local passwords off, only the break-glass account has a password to change
        mvc.perform(get("/console/password").session(session)).andExpect(status().isForbidden());

        // the next sign-in finds the same account by the provider's issuer and subject
        MockHttpSession again = new MockHttpSession();
        mvc.perform(get(signInThroughProvider(again, AGENT)).session(again)).andExpect(redirectedUrl("/console"));
        assertThat(staff.all().stream().filter(m -> m.username().startsWith(AGENT.username()))).hasSize(1);
    }

    @Test
    void anExistingAccountIsLinkedByItsVerifiedAddressAndTakesTheRoleOfItsGroups() throws Exception {
        StaffMember dave = workspace.staff(StaffRole.AGENT_L1);
        jdbc.update("update staff_account set email = ? where id = ?", LEAD.email(), dave.id());
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get(signInThroughProvider(session, LEAD)).session(session)).andExpect(redirectedUrl("/console"));

        assertThat(staff.get(dave.id()).role()).isEqualTo(StaffRole.SUPERVISOR);
        assertThat(jdbc.queryForObject("select count(*) from staff_sso_link where staff_id = ?", Integer.class,
                dave.id())).isEqualTo(1);
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/insight"));
    }

    @Test
    void someoneWithoutAnAccountOrARoleIsRefusedInBothLanguages() throws Exception {
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get(signInThroughProvider(session, STRANGER)).session(session))
                .andExpect(redirectedUrl("/login?sso=unknown"));

        assertThat(staff.byUsername(STRANGER.username())).isEmpty();
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login?sso=unknown").locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("data-testid=\"sso-refused\"")))
                .andExpect(content().string(containsString("Your studio account has no PlayerDesk account yet")));
        mvc.perform(get("/login?sso=unknown").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("你的工作室账号尚无对应的 PlayerDesk 账号")));
    }

    @Test
    void aDisabledAccountStaysRefusedWhateverTheProviderSays() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember carol = workspace.staff(StaffRole.AGENT_L2);
        jdbc.update("update staff_account set email = ? where id = ?", LEAVER.email(), carol.id());
        staff.disable(carol.id(), admin);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(get(signInThroughProvider(session, LEAVER)).session(session))
                .andExpect(redirectedUrl("/login?sso=disabled"));

        assertThat(staff.lastSignIn(carol.id())).isEmpty();
        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login?sso=disabled").locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("This PlayerDesk account is disabled")));
    }

    @Test
    void withLocalPasswordsOffTheFormRefusesAllButTheBreakGlassAdministrator() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        mvc.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                .andExpect(redirectedUrl("/login?sso=passwords-off"));
        mvc.perform(get("/login?sso=passwords-off").locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("PlayerDesk passwords are turned off")));
        StaffMember someAdmin = workspace.staff(StaffRole.ADMIN);
        String link = passwords.issueLink(agent.id(), Duration.ofHours(1), someAdmin).token();
        mvc.perform(get("/reset-password").param("token", link)).andExpect(redirectedUrl("/login?sso=passwords-off"));
        mvc.perform(post("/reset-password").with(csrf()).param("token", link).param("password", "a-new-password")
                .param("confirmation", "a-new-password")).andExpect(redirectedUrl("/login?sso=passwords-off"));

        if (staff.byUsername(BREAK_GLASS).isEmpty()) {
            staff.enrol(BREAK_GLASS, "Break glass", "break-glass-password", StaffRole.ADMIN, "en", Set.of());
        }
        MvcResult admin = mvc.perform(formLogin("/login").user(BREAK_GLASS).password("break-glass-password"))
                .andExpect(redirectedUrl("/console")).andReturn();
        mvc.perform(get("/console/password").session((MockHttpSession) admin.getRequest().getSession()))
                .andExpect(status().isOk());
    }

    @Test
    void theSignInPageOffersTheProviderInBothLanguages() throws Exception {
        mvc.perform(get("/login").locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("data-testid=\"sso-sign-in\"")))
                .andExpect(content().string(containsString("href=\"/oauth2/authorization/staff\"")))
                .andExpect(content().string(containsString("Sign in with Studio ID")))
                .andExpect(content().string(containsString("data-testid=\"break-glass\"")));
        mvc.perform(get("/login").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("工作室账号登录")));
    }

    /**
     * PlayerDesk sends the browser to the provider, the person signs in there, and the provider
     * sends the browser back: the URL of that way back, to open with the same session.
     */
    private URI signInThroughProvider(MockHttpSession session, Person person) throws Exception {
        String toProvider = mvc.perform(get(URI.create("http://127.0.0.1/oauth2/authorization/staff")).session(session))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(toProvider).startsWith(PROVIDER.issuer());
        return URI.create(PROVIDER.signIn(toProvider, person.username()));
    }
}
