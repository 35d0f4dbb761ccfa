package org.playerdesk.workforce.internal.staff;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sessions are kept by the node that signed them in. An agent signed in on node B; an
 * administrator disables them on node A (this test's application); node B's next request with
 * that session is signed out, and signing in again on node B is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class StaffSessionsTwoNodesTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Environment environment;

    @Test
    void aDisabledAccountsSessionOnASecondNodeEndsAtItsNextRequest() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        // node B: another application on the same database, with sessions of its own
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(PlayerDeskApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0", "--spring.jmx.enabled=false", "--playerdesk.data-dir=target/test-data/node-b")) {
            MockMvc onB = MockMvcBuilders.webAppContextSetup((WebApplicationContext) nodeB).apply(springSecurity())
                    .build();
            MockHttpSession session = (MockHttpSession) onB.perform(formLogin("/login").user(agent.username())
                    .password(TestWorkspace.PASSWORD)).andExpect(redirectedUrl("/console")).andReturn().getRequest()
                    .getSession(false);
            onB.perform(get("/console/tickets").session(session)).andExpect(status().isOk());
            MockHttpSession other = (MockHttpSession) onB.perform(formLogin("/login").user(agent.username())
                    .password(TestWorkspace.PASSWORD)).andReturn().getRequest().getSession(false);

            staff.disable(agent.id(), admin);

            onB.perform(get("/console/tickets").session(session)).andExpect(redirectedUrl("/login?ended"));
            onB.perform(get("/console/tickets").session(session)).andExpect(status().is3xxRedirection());
            onB.perform(formLogin("/login").user(agent.username()).password(TestWorkspace.PASSWORD))
                    .andExpect(redirectedUrl("/login?disabled"));

            // enabled again, a session signed in before the disabling stays ended; a new sign-in works
            staff.enable(agent.id(), admin);
            onB.perform(get("/console/tickets").session(other)).andExpect(redirectedUrl("/login?ended"));
            MockHttpSession again = (MockHttpSession) onB.perform(formLogin("/login").user(agent.username())
                    .password(TestWorkspace.PASSWORD)).andExpect(redirectedUrl("/console")).andReturn().getRequest()
                    .getSession(false);
            onB.perform(get("/console/tickets").session(again)).andExpect(status().isOk());
        }
    }
}
