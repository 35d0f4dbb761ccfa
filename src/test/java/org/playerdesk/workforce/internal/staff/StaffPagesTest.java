package org.playerdesk.workforce.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.AgentSkills;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The staff pages: one form saves a member's name, role, games, teams, tier, languages and
 * capacity together or nothing; disabling, enabling, temporary passwords and sign-in; who may
 * see and who may change.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class StaffPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Teams teams;
    @Autowired
    RoutingSetup routing;
    @Autowired
    AuditLog audit;

    private String page(MockHttpServletRequestBuilder request, StaffMember who, Locale locale, int status)
            throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).locale(locale))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private List<String> actionsAbout(UUID staffId) {
        return audit.about("staff", staffId.toString(), 20).stream().map(AuditLog.Entry::action).toList();
    }

    @Test
    void anAdministratorSavesNameRoleGamesTeamsTierLanguagesAndCapacityInOneGo() throws Exception {
        GameInfo first = workspace.game();
        GameInfo second = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, first);
        TeamView team = teams.define(null, TestWorkspace.unique("早班"), null, List.of(), admin);

        page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", "  王小明 ")
                .param("role", "agent_l2").param("games", first.id().toString(), second.id().toString())
                .param("teams", team.id().toString()).param("tier", "vip").param("languages", "zh, EN")
                .param("capacity", "7"), admin, Locale.SIMPLIFIED_CHINESE, 302);

        StaffMember saved = staff.get(agent.id());
        assertThat(saved.displayName()).isEqualTo("王小明");
        assertThat(saved.role()).isEqualTo(StaffRole.AGENT_L2);
        assertThat(saved.gameIds()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(teams.get(team.id()).orElseThrow().memberIds()).containsExactly(agent.id());
        AgentSkills skills = routing.skills(agent.id());
        assertThat(skills.tier()).isEqualTo(AgentTier.VIP);
        assertThat(skills.languages()).containsExactly("zh", "en");
        assertThat(skills.capacity()).isEqualTo(7);
        assertThat(actionsAbout(agent.id())).contains("staff.update", "team.place");

        String edit = page(get("/console/admin/staff/{id}", agent.id()), admin, Locale.SIMPLIFIED_CHINESE, 200);
        assertThat(edit).contains("王小明", first.name(), team.name(), "data-testid=\"staff-save\"");
        String list = page(get("/console/admin/staff"), admin, Locale.SIMPLIFIED_CHINESE, 200);
        assertThat(list).contains(team.name()).doesNotContain(first.id().toString() + "</span>");
    }

    @Test
    void anAdministratorGivesTheSignInEmailSingleSignOnMatchesUniqueWhateverItsCase() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        String address = TestWorkspace.unique("li.wei") + "@Example.com";

        page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", agent.displayName())
                .param("signInEmail", "  " + address + " ").param("role", "agent_l1")
                .param("games", game.id().toString()).param("capacity", "5"), admin, Locale.ENGLISH, 302);
        assertThat(staff.signInEmail(agent.id())).contains(address);
        assertThat(actionsAbout(agent.id())).contains("staff.email");
        String shown = page(get("/console/admin/staff/{id}", agent.id()), admin, Locale.ENGLISH, 200);
        assertThat(shown).contains("Sign-in email (single sign-on)", "data-testid=\"staff-member-sign-in-email\">"
                + address + "<", "value=\"" + address + "\"");

        // another account's address, in other letters: refused on its field, and nothing of the form is kept
        String taken = page(post("/console/admin/staff/{id}", colleague.id()).with(csrf())
                .param("displayName", "改了名字").param("signInEmail", address.toUpperCase(Locale.ROOT))
                .param("role", "agent_l1").param("games", game.id().toString()).param("capacity", "5"), admin, Locale.SIMPLIFIED_CHINESE,
                400);
        assertThat(taken).contains("data-testid=\"staff-error-signInEmail\">该登录邮箱已被其他账号使用。<");
        String bad = page(post("/console/admin/staff/{id}", colleague.id()).with(csrf())
                .param("displayName", "Renamed").param("signInEmail", "not-an-address").param("role", "agent_l1")
                .param("games", game.id().toString()).param("capacity", "5"), admin, Locale.ENGLISH, 400);
        assertThat(bad).contains("data-testid=\"staff-error-signInEmail\">This is not an email address.<");
        assertThat(staff.get(colleague.id()).displayName()).isEqualTo(colleague.displayName());
        assertThat(staff.signInEmail(colleague.id())).isEmpty();

        // the member's own address again is no duplicate; a blank field removes it
        page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", agent.displayName())
                .param("signInEmail", address).param("role", "agent_l1").param("games", game.id().toString()).param("capacity", "5"), admin,
                Locale.ENGLISH, 302);
        page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", agent.displayName())
                .param("signInEmail", "").param("role", "agent_l1").param("games", game.id().toString()).param("capacity", "5"), admin,
                Locale.ENGLISH, 302);
        assertThat(staff.signInEmail(agent.id())).isEmpty();
        assertThat(page(get("/console/admin/staff/{id}", agent.id()), admin, Locale.ENGLISH, 200))
                .contains("data-testid=\"staff-member-sign-in-email\">none<");
    }

    @Test
    void badFieldsAreNamedFieldByFieldInTheReadersLanguageAndNothingIsSaved() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        AgentSkills before = routing.skills(agent.id());

        String zh = page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", " ")
                .param("role", "agent_l2").param("games", game.id().toString())
                .param("teams", UUID.randomUUID().toString()).param("tier", "l2").param("languages", "中文")
                .param("capacity", "abc"), admin, Locale.SIMPLIFIED_CHINESE, 400);
        assertThat(zh).contains("请填写姓名，最多 100 个字符。", "请从列出的小组中选择。",
                "data-testid=\"staff-error-languages\"", "data-testid=\"staff-error-capacity\"");

        String en = page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", "Li")
                .param("role", "agent_l2").param("capacity", "999").param("languages", "zh"), admin, Locale.ENGLISH,
                400);
        assertThat(en).contains("data-testid=\"staff-error-capacity\"").doesNotContain("请");

        StaffMember after = staff.get(agent.id());
        assertThat(after.displayName()).isEqualTo(agent.displayName());
        assertThat(after.role()).isEqualTo(StaffRole.AGENT_L1);
        assertThat(after.gameIds()).containsExactly(game.id());
        assertThat(routing.skills(agent.id()).capacity()).isEqualTo(before.capacity());
        assertThat(routing.skills(agent.id()).tierSet()).isFalse();
        assertThat(actionsAbout(agent.id())).doesNotContain("staff.update");
    }

    @Test
    void supervisorsSeeTheListButOnlyAdministratorsChangeAndAgentsSeeNothing() throws Exception {
        GameInfo game = workspace.game();
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        String list = page(get("/console/admin/staff"), supervisor, Locale.ENGLISH, 200);
        assertThat(list).contains(game.name(), "data-testid=\"staff-last-sign-in\"", "Enabled")
                .doesNotContain(game.id().toString()).doesNotContain("data-testid=\"staff-form\"");
        assertThat(page(get("/console/admin/staff/{id}", agent.id()), supervisor, Locale.ENGLISH, 200))
                .doesNotContain("data-testid=\"staff-save\"").doesNotContain("data-testid=\"staff-disable\"");
        page(post("/console/admin/staff/{id}", agent.id()).with(csrf()).param("displayName", "x").param("role",
                "admin"), supervisor, Locale.ENGLISH, 403);
        page(post("/console/admin/staff/{id}/disable", agent.id()).with(csrf()), supervisor, Locale.ENGLISH, 403);
        page(get("/console/admin/staff"), agent, Locale.ENGLISH, 403);
        page(post("/console/admin/staff/{id}/disable", supervisor.id()).with(csrf()), agent, Locale.ENGLISH, 403);
        page(get("/console/admin/teams"), supervisor, Locale.ENGLISH, 403);
        assertThat(staff.get(agent.id()).enabled()).isTrue();
        assertThat(staff.get(supervisor.id()).enabled()).isTrue();
    }

    @Test
    void anAdministratorCannotDisableThemselvesAndOnlyAdministratorsDisable() {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);

        assertThatThrownBy(() -> staff.disable(admin.id(), admin)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("staff.disable.self");
        assertThatThrownBy(() -> staff.disable(agent.id(), supervisor)).isInstanceOf(AccessDeniedException.class);
        assertThat(staff.get(admin.id()).enabled()).isTrue();
        assertThat(staff.get(agent.id()).enabled()).isTrue();

        staff.disable(agent.id(), admin);
        staff.disable(agent.id(), admin);
        assertThat(actionsAbout(agent.id()).stream().filter("staff.disable"::equals)).hasSize(1);
        staff.enable(agent.id(), admin);
        assertThat(staff.get(agent.id()).enabled()).isTrue();
        assertThat(actionsAbout(agent.id())).contains("staff.enable");
    }

    @Test
    void aDisabledAccountCannotSignInAndSaysSoOnlyToWhoKnowsThePassword() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        staff.disable(agent.id(), admin);

        mvc.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                .andExpect(redirectedUrl("/login?disabled"));
        mvc.perform(formLogin("/login").user(agent.username()).password("not-the-password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/login?disabled").locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse()
                .getContentAsString()).contains("该账号已停用");
        assertThat(mvc.perform(get("/login?disabled").locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString()).contains("This account is disabled");
    }

    @Test
    void aSignInIsRecordedAndShown() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        assertThat(staff.lastSignIn(agent.id())).isEmpty();

        mvc.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                .andExpect(redirectedUrl("/console"));

        assertThat(staff.lastSignIn(agent.id())).isPresent();
        assertThat(page(get("/console/admin/staff/{id}", agent.id()), admin, Locale.ENGLISH, 200))
                .doesNotContain("Never");
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);

        var shown = mvc.perform(post("/console/admin/staff/{id}/password", agent.id()).param("how", "temporary")
                .with(csrf()).with(user(new StaffUser(admin, "")))).andExpect(status().is3xxRedirection())
                .andReturn().getFlashMap().get("temporaryPassword");
        String temporary = (String) shown;
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        assertThat(audit.about("staff", agent.id().toString(), 5).toString()).doesNotContain(temporary);

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(agent.username())
                .password(temporary)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/console/tickets").session(session)).andExpect(redirectedUrl("/console/password"));

        String wrong = mvc.perform(post("/console/password").session(session).with(csrf()).param("current", "nope")
                .param("next", "short").param("confirmation", "short").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("当前密码不正确。", "密码长度须为 8 到 128 个字符。");

        mvc.perform(post("/console/password").session(session).with(csrf()).param("current", temporary)
                .param("next", "my-own-password").param("confirmation", "my-own-password"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console/tickets").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(agent.username()).password("my-own-password"))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void aLinkThatIsUnknownSaysSoInBothLanguages() throws Exception {
        assertThat(mvc.perform(get("/reset-password").param("token", "nothing-like-it").locale(Locale.ENGLISH))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString())
                .contains("unknown, already used or expired");
        assertThat(mvc.perform(get("/reset-password").param("token", "nothing-like-it")
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString()).contains("该链接无效");
    }

    @Test
    void anAdministratorDefinesATeamOnTheTeamsPageWithFieldErrors() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1);
        String name = TestWorkspace.unique("夜班");

        String refused = page(post("/console/admin/teams").with(csrf()).param("name", " ")
                .param("lead", lead.id().toString()), admin, Locale.SIMPLIFIED_CHINESE, 400);
        assertThat(refused).contains("请填写名称，最多 80 个字符。");
        assertThat(teams.all()).extracting(TeamView::leadId).doesNotContain(lead.id());

        page(post("/console/admin/teams").with(csrf()).param("name", name).param("lead", lead.id().toString())
                .param("members", member.id().toString()), admin, Locale.SIMPLIFIED_CHINESE, 302);
        TeamView team = teams.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(team.leadId()).isEqualTo(lead.id());
        assertThat(team.memberIds()).containsExactly(member.id());
        assertThat(page(get("/console/admin/teams"), admin, Locale.SIMPLIFIED_CHINESE, 200))
                .contains(name, lead.displayName());
        assertThat(page(get("/console/admin/teams/{id}", team.id()), admin, Locale.SIMPLIFIED_CHINESE, 200))
                .contains(name);

        page(post("/console/admin/teams/{id}/remove", team.id()).with(csrf()), admin, Locale.SIMPLIFIED_CHINESE, 302);
        assertThat(teams.get(team.id())).isEmpty();
        page(post("/console/admin/teams").with(csrf()).param("name", "x"), member, Locale.ENGLISH, 403);
    }
}
