package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** PLAYERDESK_ADMIN_USERNAME and _PASSWORD make the first administrator at start-up, once, with no setup link. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:first-admin-configured;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=", "playerdesk.demo=false",
        "playerdesk.data-dir=target/test-data/first-admin-configured",
        "playerdesk.admin.username=studio-admin", "playerdesk.admin.password=configured-secret" })
@AutoConfigureMockMvc
@Tag("database-independent") // a new installation's own H2 database, whatever the suite runs on
class FirstAdministratorFromConfigurationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffDirectory staff;
    @Autowired
    FirstAdministrator first;

    @Test
    void theConfiguredAdministratorIsMadeOnce(CapturedOutput output) throws Exception {
        assertThat(output.getAll()).doesNotContain("/setup?token=").doesNotContain("configured-secret");
        StaffMember admin = staff.byUsername("studio-admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        mvc.perform(formLogin("/login").user("studio-admin").password("configured-secret")).andExpect(authenticated());

        first.run(new DefaultApplicationArguments());
        assertThat(staff.all()).hasSize(1);
        mvc.perform(get("/setup").param("token", "anything")).andExpect(status().isGone());
    }
}
