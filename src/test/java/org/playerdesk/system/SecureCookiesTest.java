package org.playerdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.system.locale.Locales;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;

import jakarta.servlet.http.Cookie;

/**
 * {@code playerdesk.security.secure-cookies}: under {@code auto} the cookies of a sign-in over
 * HTTPS are {@code Secure} and those over plain HTTP are not; {@code always} and {@code never}
 * decide alone. The session cookie is written by the server's cookie processor, checked directly.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class SecureCookiesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    SecureCookies cookies;

    private List<String> signIn(boolean secure) throws Exception {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        var response = mvc.perform(post("/login").param("username", agent.username())
                .param("password", TestWorkspace.PASSWORD).secure(secure).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).doesNotContain("error");
        return response.getHeaders("Set-Cookie");
    }

    private static String named(List<String> headers, String name) {
        return headers.stream().filter(h -> h.startsWith(name + "=")).findFirst().orElseThrow();
    }

    private static MockHttpServletRequest request(boolean secure) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSecure(secure);
        return request;
    }

    @Test
    void underAutoASignInOverHttpsGetsSecureCookiesAndOneOverPlainHttpDoesNot() throws Exception {
        assertThat(cookies.mode()).isEqualTo(SecureCookies.Mode.AUTO);

        assertThat(named(signIn(true), "PLAYERDESK_DEVICE")).contains("; Secure").contains("HttpOnly");
        assertThat(named(signIn(false), "PLAYERDESK_DEVICE")).doesNotContain("Secure").contains("HttpOnly");

        String lang = named(mvc.perform(get("/login").param("lang", "en").secure(true)).andReturn().getResponse()
                .getHeaders("Set-Cookie"), Locales.COOKIE);
        assertThat(lang).contains("; Secure").contains("SameSite=Lax");
        assertThat(named(mvc.perform(get("/login").param("lang", "en")).andReturn().getResponse()
                .getHeaders("Set-Cookie"), Locales.COOKIE)).doesNotContain("Secure");

        // the session cookie, as the server writes it
        assertThat(cookies.processor().generateHeader(new Cookie("JSESSIONID", "abc"), request(true))).contains("Secure");
        assertThat(cookies.processor().generateHeader(new Cookie("JSESSIONID", "abc"), request(false)))
                .doesNotContain("Secure");
    }

    @Test
    void alwaysMarksEveryCookieSecureAndNeverMarksNone() {
        SecureCookies always = new SecureCookies("always");
        assertThat(always.secure(request(false))).isTrue();
        assertThat(always.processor().generateHeader(new Cookie("JSESSIONID", "abc"), request(false))).contains("Secure");
        assertThat(always.apply("playerdesk-lang=en; Path=/; SameSite=Lax", request(false)))
                .isEqualTo("playerdesk-lang=en; Path=/; SameSite=Lax; Secure");

        SecureCookies never = new SecureCookies(" Never ");
        assertThat(never.secure(request(true))).isFalse();
        Cookie marked = new Cookie("JSESSIONID", "abc");
        marked.setSecure(true);
        assertThat(never.processor().generateHeader(marked, request(true))).doesNotContain("Secure");
        assertThat(never.apply("playerdesk-lang=en; Path=/; Secure; SameSite=Lax", request(true)))
                .isEqualTo("playerdesk-lang=en; Path=/; SameSite=Lax");

        assertThatThrownBy(() -> new SecureCookies("sometimes")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auto, always or never");
    }
}
