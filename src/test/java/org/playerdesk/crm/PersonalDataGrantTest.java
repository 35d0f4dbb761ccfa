package org.playerdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An administrator grants a first-line agent access to personal data on the staff page, and
 * withdraws it: each change is audited, the grant applies to the agent's next reveal at once, and
 * each reveal is still audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PersonalDataGrantTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    AuditLog audit;
    @Autowired
    StaffDirectory staff;

    private String page(MockHttpServletRequestBuilder request, StaffMember who, int status) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private List<String> actionsAbout(String kind, UUID id) {
        return audit.about(kind, id.toString(), 10).stream().map(AuditLog.Entry::action).toList();
    }

    @Test
    void anAdministratorGrantsAndWithdrawsAFirstLineAgentsAccessToPersonalData() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN, game);
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity("10001", null, null, null),
                "account_stolen", "in_game", "urgent", "号被盗了", "昨晚账号在异地登录", null, Map.of(), false), List.of());
        UUID player = opened.ticket().playerId();

        assertThat(page(get("/console/players/{id}", player), agent, 200)).contains("113.88.*.*")
                .doesNotContain("113.88.12.45");
        page(post("/console/players/{id}/reveal", player).with(csrf()), agent, 403);

        assertThat(page(get("/console/admin/staff"), admin, 200)).contains("data-testid=\"staff-pii-toggle\"");
        page(post("/console/admin/staff/{id}/personal-data", agent.id()).param("granted", "true").with(csrf()), admin,
                302);
        assertThat(staff.get(agent.id()).can(Permission.VIEW_PERSONAL_DATA)).isTrue();
        assertThat(actionsAbout("staff", agent.id())).containsExactly("staff.pii.grant");

        // the agent still signed in with the session from before the grant
        String revealed = page(post("/console/players/{id}/reveal", player).with(csrf()), agent, 200);
        assertThat(revealed).contains("113.88.12.45");
        assertThat(actionsAbout("player", player)).containsExactly("pii.view");
        assertThat(new StaffUser(staff.get(agent.id()), "").getAuthorities())
                .anyMatch(a -> a.getAuthority().equals("VIEW_PERSONAL_DATA"));

        page(post("/console/admin/staff/{id}/personal-data", agent.id()).param("granted", "false").with(csrf()), admin,
                302);
        assertThat(actionsAbout("staff", agent.id())).containsExactly("staff.pii.withdraw", "staff.pii.grant");
        page(post("/console/players/{id}/reveal", player).with(csrf()), staff.get(agent.id()), 403);
        assertThat(actionsAbout("player", player)).hasSize(1);
    }

    @Test
    void onlyAdministratorsGrantAccessToPersonalData() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN, game);

        for (StaffMember who : List.of(agent, lead)) {
            page(post("/console/admin/staff/{id}/personal-data", agent.id()).param("granted", "true").with(csrf()),
                    who, 403);
        }
        page(post("/console/admin/staff/{id}/personal-data", agent.id()).param("granted", "true"), admin, 403);
        page(post("/console/admin/staff/{id}/personal-data", UUID.randomUUID()).param("granted", "true").with(csrf()),
                admin, 404);
        assertThat(staff.get(agent.id()).can(Permission.VIEW_PERSONAL_DATA)).isFalse();
        assertThat(actionsAbout("staff", agent.id())).isEmpty();
    }
}
