package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new installation without the demo and without PLAYERDESK_ADMIN_*: no staff account exists,
 * the log holds a one-time setup link, and that link makes the first administrator once.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:first-admin-setup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=", "playerdesk.demo=false",
        "playerdesk.data-dir=target/test-data/first-admin-setup" })
@AutoConfigureMockMvc
@Tag("database-independent") // a new installation's own H2 database, whatever the suite runs on
class FirstAdministratorSetupTest {

    private static final Pattern LINK = Pattern.compile("/setup\\?token=([0-9a-f]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    AuditLog audit;

    @Test
    void theSetupLinkMakesTheFirstAdministratorOnce(CapturedOutput output) throws Exception {
        Matcher link = LINK.matcher(output.getAll());
        assertThat(link.find()).as("the setup link in the log").isTrue();
        String token = link.group(1);
        assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        assertThat(output.getAll().split(token, -1)).as("the token appears in the link line only").hasSize(2);
        assertThat(staff.anyone()).isFalse();

        mvc.perform(get("/setup")).andExpect(status().isForbidden());
        mvc.perform(get("/setup").param("token", token.substring(1) + "0")).andExpect(status().isForbidden());
        mvc.perform(get("/setup").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"setup-form\"")));

        mvc.perform(post("/setup").param("token", token).param("username", "root").param("password", "long-enough-1")
                .param("confirmation", "long-enough-1")).andExpect(status().isForbidden());
        assertThat(staff.anyone()).as("no CSRF token, no account").isFalse();

        mvc.perform(post("/setup").with(csrf()).locale(Locale.ENGLISH).param("token", token).param("username", "Root!")
                .param("password", "short").param("confirmation", "short")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("User name: 2 to 64")))
                .andExpect(content().string(containsString("Password: 8 to 128")));
        mvc.perform(post("/setup").with(csrf()).locale(Locale.SIMPLIFIED_CHINESE).param("token", token)
                .param("username", "root").param("password", "long-enough-1").param("confirmation", "different-1"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("再次输入密码：")));
        assertThat(staff.anyone()).isFalse();

        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "root")
                .param("displayName", "运维负责人").param("password", "long-enough-1").param("confirmation", "long-enough-1")
                .param("locale", "en")).andExpect(redirectedUrl("/login?setup"));

        StaffMember root = staff.byUsername("root").orElseThrow();
        assertThat(root.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(root.displayName()).isEqualTo("运维负责人");
        assertThat(audit.about("staff", root.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("staff.first-admin");
        mvc.perform(formLogin("/login").user("root").password("long-enough-1")).andExpect(authenticated());

        mvc.perform(get("/setup").param("token", token)).andExpect(status().isGone());
        mvc.perform(post("/setup").with(csrf()).param("token", token).param("username", "second")
                .param("password", "long-enough-2").param("confirmation", "long-enough-2")).andExpect(status().isGone());
        assertThat(staff.byUsername("second")).isEmpty();
    }
}
