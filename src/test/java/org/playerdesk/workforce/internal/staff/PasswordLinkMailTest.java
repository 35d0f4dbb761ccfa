package org.playerdesk.workforce.internal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

/**
 * An administrator emails a member a one-time link (over a real SMTP server, GreenMail): the
 * member sets a new password through it once, in their language; the link then stops working,
 * and its token is never in the audit log. A member without an address gets no link.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PasswordLinkMailTest {

    static final GreenMail MAIL = TestMail.started();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
        properties.add("playerdesk.staff.mail-from", () -> "desk@playerdesk.test");
        properties.add("playerdesk.staff.public-url", () -> "https://desk.example.com/");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Notifications notifications;
    @Autowired
    AuditLog audit;

    @Test
    void aMemberSetsANewPasswordOnceThroughTheEmailedLink() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = staff.enrol(TestWorkspace.unique("u"), "李雷", TestWorkspace.PASSWORD, StaffRole.AGENT_L1,
                "zh-CN", Set.of());
        String address = agent.username() + "@playerdesk.test";
        notifications.chooseEmail(agent.id(), address, false);

        mvc.perform(post("/console/admin/staff/{id}/password", agent.id()).param("how", "link").with(csrf())
                .with(user(new StaffUser(admin, "")))).andExpect(flash().attribute("notice", "staff.notice.linkSent"));

        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("PlayerDesk：设置新密码");
        String body = (String) mail.getContent();
        Matcher link = Pattern.compile("https://desk\\.example\\.com/reset-password\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(body).contains("李雷", "24 小时");
        String token = link.group(1);
        assertThat(audit.about("staff", agent.id().toString(), 5).toString()).doesNotContain(token)
                .contains("staff.password.link");

        mvc.perform(get("/reset-password").param("token", token)).andExpect(status().isOk());
        String refused = mvc.perform(post("/reset-password").param("token", token).param("password", "short")
                .param("confirmation", "short").with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("密码长度须为 8 到 128 个字符。");
        mvc.perform(post("/reset-password").param("token", token).param("password", "a-brand-new-one")
                .param("confirmation", "a-brand-new-one").with(csrf())).andExpect(redirectedUrl("/login?reset"));

        mvc.perform(formLogin("/login").user(agent.username()).password("a-brand-new-one"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/reset-password").param("token", token).param("password", "yet-another-one")
                .param("confirmation", "yet-another-one").with(csrf())).andExpect(status().isGone());
    }

    @Test
    void aMemberWithoutAnAddressGetsNoLinkAndTheAdministratorIsToldWhy() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        int before = MAIL.getReceivedMessages().length;

        mvc.perform(post("/console/admin/staff/{id}/password", agent.id()).param("how", "link").with(csrf())
                .with(user(new StaffUser(admin, ""))).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("email address")));

        assertThat(MAIL.getReceivedMessages()).hasSize(before);
        assertThat(audit.about("staff", agent.id().toString(), 5).toString()).doesNotContain("staff.password.link");
    }
}
