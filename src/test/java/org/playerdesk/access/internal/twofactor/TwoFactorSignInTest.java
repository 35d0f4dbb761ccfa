package org.playerdesk.access.internal.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.SignInSettings;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two-factor sign-in through the real sign-in form: enrolment, the second step, replayed codes,
 * recovery codes, administrators made to enrol, an administrator's reset and wrong codes limited.
 * The settings are those of production (administrators must use it, five wrong codes in five
 * minutes), with tight sign-in limits, shared with {@code SignInLimitsTest}.
 */
@SignInSettings
class TwoFactorSignInTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StoppedClock clock;
    @Autowired
    AuditLog audit;

    @Test
    void aMemberEnrolsThenSignsInWithACodeAndTheSameCodeIsRefusedAgain() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        MockHttpSession session = signIn(agent);
        // an agent is not required to: the console opens with the password alone
        mvc.perform(get("/console/tickets").session(session)).andExpect(status().isOk());
        String secret = enrol(agent, session);

        MockHttpSession next = signIn(agent);
        mvc.perform(get("/console/tickets").session(next)).andExpect(redirectedUrl(TwoFactorGate.CHECK));
        mvc.perform(get("/console/admin/two-factor").session(next)).andExpect(redirectedUrl(TwoFactorGate.CHECK));
        // the code that confirmed the enrolment was taken: the same step's code is refused
        mvc.perform(post(TwoFactorGate.CHECK).param("code", Totp.code(secret, Totp.step(clock))).with(csrf())
                .session(next)).andExpect(status().isBadRequest());
        mvc.perform(get("/console/tickets").session(next)).andExpect(redirectedUrl(TwoFactorGate.CHECK));

        clock.shift(Duration.ofSeconds(30));
        String code = Totp.code(secret, Totp.step(clock));
        MvcResult passed = mvc.perform(post(TwoFactorGate.CHECK).param("code", code).with(csrf()).session(next))
                .andExpect(redirectedUrl("/console")).andReturn();
        MockHttpSession full = (MockHttpSession) passed.getRequest().getSession();
        mvc.perform(get("/console/tickets").session(full)).andExpect(status().isOk());
        assertThat(passed.getResponse().getHeader("Set-Cookie")).contains("PLAYERDESK_DEVICE=");

        // the same code in another session, within its time: refused
        MockHttpSession other = signIn(agent);
        mvc.perform(post(TwoFactorGate.CHECK).param("code", code).with(csrf()).session(other))
                .andExpect(status().isBadRequest());
        // one step of clock skew either side: the code of the step after next is taken now
        mvc.perform(post(TwoFactorGate.CHECK).param("code", Totp.code(secret, Totp.step(clock) + 1)).with(csrf())
                .session(other)).andExpect(redirectedUrl("/console"));
    }

    @Test
    void aRecoveryCodeSignsInOnce() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2);
        MockHttpSession session = signIn(agent);
        MvcResult enrolled = confirm(session, enrolmentSecret(session));
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) enrolled.getModelAndView().getModel().get("codes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        MockHttpSession first = signIn(agent);
        mvc.perform(post(TwoFactorGate.CHECK).param("code", codes.get(3).toUpperCase()).with(csrf()).session(first))
                .andExpect(redirectedUrl(TwoFactorGate.ENROL));
        mvc.perform(get(TwoFactorGate.ENROL).session(first)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("9"));
        assertThat(audit.about("staff", agent.id().toString(), 10))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("two-factor.recovery-code-used"));

        MockHttpSession second = signIn(agent);
        mvc.perform(post(TwoFactorGate.CHECK).param("code", codes.get(3)).with(csrf()).session(second))
                .andExpect(status().isBadRequest());
        mvc.perform(post(TwoFactorGate.CHECK).param("code", codes.get(4)).with(csrf()).session(second))
                .andExpect(redirectedUrl(TwoFactorGate.ENROL));
    }

    @Test
    void anAdministratorWithoutItIsSentToEnrolmentAndReachesNothingElse() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        MockHttpSession session = signIn(admin);
        for (String page : new String[] { "/console", "/console/tickets", "/console/admin/staff",
                "/console/admin/two-factor", TwoFactorGate.CHECK, "/console/two-factor/recovery-codes" }) {
            mvc.perform(get(page).session(session)).andExpect(redirectedUrl(TwoFactorGate.ENROL));
        }
        mvc.perform(post("/console/password").param("current", TestWorkspace.PASSWORD).param("next", "x")
                .param("confirmation", "x").with(csrf()).session(session))
                .andExpect(redirectedUrl(TwoFactorGate.ENROL));
        mvc.perform(get(TwoFactorGate.ENROL).session(session)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("data-testid=\"two-factor-required\"").contains("<svg")
                        .contains("otpauth://totp/PlayerDesk:" + admin.username() + "?secret="));
        // a wrong first code enrols nothing
        mvc.perform(post(TwoFactorGate.ENROL + "/confirm").param("code", "000000").with(csrf()).session(session))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/tickets").session(session)).andExpect(redirectedUrl(TwoFactorGate.ENROL));

        MvcResult done = confirm(session, enrolmentSecret(session));
        MockHttpSession full = (MockHttpSession) done.getRequest().getSession();
        mvc.perform(get("/console/tickets").session(full)).andExpect(status().isOk());
        mvc.perform(get("/console/admin/two-factor").session(full)).andExpect(status().isOk());
    }

    @Test
    void anotherAdministratorResetsAMembersTwoFactorAndTheResetIsAudited() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        enrol(agent, signIn(agent));
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);

        mvc.perform(post("/console/admin/two-factor/" + agent.id() + "/reset").with(csrf())
                .with(user(new StaffUser(supervisor, "")))).andExpect(status().isForbidden());
        mvc.perform(get("/console/admin/two-factor").with(user(new StaffUser(admin, ""))))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("data-testid=\"two-factor-reset-" + agent.username() + "\""));
        mvc.perform(post("/console/admin/two-factor/" + admin.id() + "/reset").with(csrf())
                .with(user(new StaffUser(admin, "")))).andExpect(redirectedUrl("/console/admin/two-factor"));
        mvc.perform(post("/console/admin/two-factor/" + agent.id() + "/reset").with(csrf())
                .with(user(new StaffUser(admin, "")))).andExpect(redirectedUrl("/console/admin/two-factor"));

        assertThat(audit.about("staff", agent.id().toString(), 10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("two-factor.reset");
            assertThat(entry.actorId()).isEqualTo(admin.id());
        });
        assertThat(audit.about("staff", admin.id().toString(), 10))
                .noneSatisfy(entry -> assertThat(entry.action()).isEqualTo("two-factor.reset"));
        // the agent signs in with the password alone again
        mvc.perform(get("/console/tickets").session(signIn(agent))).andExpect(status().isOk());
    }

    @Test
    void wrongCodesAreLimitedPerMemberAndTheLimitPassesWithTime() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        String secret = enrol(agent, signIn(agent));
        clock.shift(Duration.ofSeconds(30));
        MockHttpSession session = signIn(agent);
        for (int i = 0; i < 5; i++) {
            mvc.perform(post(TwoFactorGate.CHECK).param("code", "12345" + i).with(csrf()).session(session))
                    .andExpect(status().isBadRequest());
        }
        // even the right code is not looked at now, nor from another session
        mvc.perform(post(TwoFactorGate.CHECK).param("code", Totp.code(secret, Totp.step(clock))).with(csrf())
                .session(session)).andExpect(status().isTooManyRequests());
        mvc.perform(post(TwoFactorGate.CHECK).param("code", Totp.code(secret, Totp.step(clock))).with(csrf())
                .session(signIn(agent))).andExpect(status().isTooManyRequests());

        clock.shift(Duration.ofMinutes(5));
        mvc.perform(post(TwoFactorGate.CHECK).param("code", Totp.code(secret, Totp.step(clock))).with(csrf())
                .session(session)).andExpect(redirectedUrl("/console"));
    }

    /** Enrols the signed-in member through the pages; answers the secret. */
    private String enrol(StaffMember member, MockHttpSession session) throws Exception {
        String secret = enrolmentSecret(session);
        confirm(session, secret);
        return secret;
    }

    private String enrolmentSecret(MockHttpSession session) throws Exception {
        MvcResult page = mvc.perform(get(TwoFactorGate.ENROL).session(session)).andExpect(status().isOk()).andReturn();
        return ((String) page.getModelAndView().getModel().get("secret")).replace(" ", "");
    }

    private MvcResult confirm(MockHttpSession session, String secret) throws Exception {
        return mvc.perform(post(TwoFactorGate.ENROL + "/confirm").param("code", Totp.code(secret, Totp.step(clock)))
                .with(csrf()).session(session)).andExpect(status().isOk()).andReturn();
    }

    private MockHttpSession signIn(StaffMember member) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", member.username())
                .param("password", TestWorkspace.PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession();
    }
}
