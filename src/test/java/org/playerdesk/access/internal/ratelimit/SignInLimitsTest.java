package org.playerdesk.access.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.SignInSettings;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * Failed sign-ins limited per address and per account through the real sign-in form, a browser's
 * device cookie sparing its owner, and the administrators' alarm; limits of {@link SignInSettings}.
 */
@SignInSettings
class SignInLimitsTest {

    private static final String WRONG = "not-the-password";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StoppedClock clock;
    @Autowired
    Notifications notifications;

    @Test
    void wrongPasswordsHoldTheRightOneBackForAWhileButNotFromTheOwnersBrowser() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        Cookie device = deviceCookie(signIn(agent.username(), TestWorkspace.PASSWORD, address(), null));
        String a = address();
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse response = signIn(agent.username(), WRONG, a, null);
            assertThat(response.getStatus()).isEqualTo(i < 5 ? 302 : 429);
        }
        // a fresh session from the same address, without the cookie: refused before the password is read
        MockHttpServletResponse refused = signIn(agent.username(), TestWorkspace.PASSWORD, a, null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        // from another address too: the account's limit
        assertThat(signIn(agent.username(), TestWorkspace.PASSWORD, address(), null).getStatus()).isEqualTo(429);
        // the owner's browser signs in, from the same address
        assertSignedIn(signIn(agent.username(), TestWorkspace.PASSWORD, a, device));
        // a cookie altered, or another account's, spares nothing
        Cookie forged = new Cookie(device.getName(), device.getValue().substring(0, device.getValue().length() - 2) + "00");
        assertThat(signIn(agent.username(), TestWorkspace.PASSWORD, a, forged).getStatus()).isEqualTo(429);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1);
        Cookie theirs = deviceCookie(signIn(colleague.username(), TestWorkspace.PASSWORD, address(), null));
        assertThat(signIn(agent.username(), TestWorkspace.PASSWORD, a, theirs).getStatus()).isEqualTo(429);

        // the wait passes on the clock
        clock.shift(Duration.ofMinutes(15));
        assertSignedIn(signIn(agent.username(), TestWorkspace.PASSWORD, a, null));
    }

    @Test
    void theOwnersBrowserHasALimitOfItsOwn() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        String a = address();
        Cookie device = deviceCookie(signIn(agent.username(), TestWorkspace.PASSWORD, a, null));
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(agent.username(), WRONG, a, device).getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(signIn(agent.username(), TestWorkspace.PASSWORD, a, device).getStatus()).isEqualTo(429);
        // the account itself was not held back by the browser's failures
        assertSignedIn(signIn(agent.username(), TestWorkspace.PASSWORD, address(), null));
    }

    @Test
    void guessingSpreadOverManyAddressesIsSlowedAndSlowedMoreTheLongerItGoes() throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2);
        int tried = 0;
        long firstWait = 0;
        for (int i = 0; i < 20; i++) {
            MockHttpServletResponse response = signIn(agent.username(), WRONG, address(), null);
            if (response.getStatus() == 302) {
                tried++;
            } else {
                assertThat(response.getStatus()).isEqualTo(429);
                firstWait = Long.parseLong(response.getHeader("Retry-After"));
            }
        }
        assertThat(tried).isEqualTo(5);
        assertThat(signIn(agent.username(), TestWorkspace.PASSWORD, address(), null).getStatus()).isEqualTo(429);

        assertThat(firstWait).isPositive();

        // a guess a minute, from ever new addresses, for three hours: the longer it goes, the fewer get through
        int[] perHour = new int[3];
        for (int minute = 0; minute < 180; minute++) {
            clock.shift(Duration.ofMinutes(1));
            if (signIn(agent.username(), WRONG, address(), null).getStatus() == 302) {
                perHour[minute / 60]++;
            }
        }
        assertThat(perHour[0]).isBetween(5, 12);
        assertThat(perHour[1]).isBetween(4, 6);
        assertThat(perHour[2]).isBetween(4, 6);
    }

    @Test
    void oneMembersMistakesDoNotLockOutColleaguesBehindTheSameAddress() throws Exception {
        String office = address();
        StaffMember careless = workspace.staff(StaffRole.AGENT_L1);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1);
        StaffMember newcomer = workspace.staff(StaffRole.AGENT_L1);
        Cookie colleaguesBrowser = deviceCookie(signIn(colleague.username(), TestWorkspace.PASSWORD, office, null));
        for (int i = 0; i < 5; i++) {
            signIn(careless.username(), WRONG, office, null);
        }
        assertThat(signIn(careless.username(), TestWorkspace.PASSWORD, office, null).getStatus()).isEqualTo(429);
        // one account's failures hold back that account only
        assertSignedIn(signIn(colleague.username(), TestWorkspace.PASSWORD, office, null));
        assertSignedIn(signIn(newcomer.username(), TestWorkspace.PASSWORD, office, null));

        // guessing across accounts from the address: the address's limit, which the members' own browsers pass
        for (int i = 0; i < 5; i++) {
            signIn(TestWorkspace.unique("nobody"), WRONG, office, null);
        }
        assertThat(signIn(newcomer.username(), TestWorkspace.PASSWORD, office, null).getStatus()).isEqualTo(429);
        assertSignedIn(signIn(colleague.username(), TestWorkspace.PASSWORD, office, colleaguesBrowser));
    }

    @Test
    void administratorsAreToldOnceWhenAnAccountOrAnAddressCrossesItsLimit() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        for (int i = 0; i < 5; i++) {
            signIn(agent.username(), WRONG, address(), null);
        }
        String spraying = address();
        for (int i = 0; i < 10; i++) {
            signIn(TestWorkspace.unique("nobody"), WRONG, spraying, null);
        }
        // the limit crossed again within the hour: no second notice
        clock.shift(Duration.ofMinutes(3));
        signIn(agent.username(), WRONG, address(), null);

        List<NotificationView> told = notifications.recent(admin.id(), 200).stream()
                .filter(n -> n.kind().equals("access.sign-in-alarm")).toList();
        assertThat(told).filteredOn(n -> n.args().equals(List.of(agent.username().toLowerCase())))
                .singleElement().satisfies(n -> assertThat(n.messageKey()).isEqualTo("twofactor.alarm.account"));
        assertThat(told).filteredOn(n -> n.args().equals(List.of(spraying)))
                .singleElement().satisfies(n -> assertThat(n.messageKey()).isEqualTo("twofactor.alarm.address"));
    }

    private static void assertSignedIn(MockHttpServletResponse response) {
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).doesNotStartWith("/login");
    }

    private MockHttpServletResponse signIn(String username, String password, String from, Cookie device)
            throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(from);
                    return r;
                });
        if (device != null) {
            request.cookie(device);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Cookie deviceCookie(MockHttpServletResponse signedIn) {
        assertSignedIn(signedIn);
        String header = signedIn.getHeaders("Set-Cookie").stream()
                .filter(h -> h.startsWith(DeviceCookies.NAME + "=")).findFirst().orElseThrow();
        assertThat(header).contains("HttpOnly").contains("Path=/login").contains("SameSite=Lax");
        return new Cookie(DeviceCookies.NAME, header.substring(DeviceCookies.NAME.length() + 1, header.indexOf(';')));
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
