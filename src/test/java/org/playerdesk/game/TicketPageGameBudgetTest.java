package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ticket page with a running procedure against a game served over HTTP through a proxy that
 * can hold its requests: the page does not wait for a game that does not answer within the page
 * budget, says its data is unavailable, asks the game once per kind of data, and shows the
 * step's data once the game has answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "playerdesk.game.simulated-http.enabled=true",
        "playerdesk.game.simulated-http.secret=" + TicketPageGameBudgetTest.SECRET,
        "playerdesk.game.page-budget=1500ms" })
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketPageGameBudgetTest {

    static final String SECRET = "ticket-page-budget-secret";

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameConnectors connectors;
    @Autowired
    Playbooks playbooks;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.playerdesk.game.GameAccounts accounts;

    GameServerProxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxy = new GameServerProxy("http://127.0.0.1:" + port).start();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aSlowGameLeavesTheProcedureStepUnavailableWithinThePageBudgetAndItsLateAnswerShowsNext() throws Exception {
        GameInfo game = workspace.game();
        connectors.configure(game.id(), ConnectorKind.HTTP, proxy.url("/simulated-game/" + game.code()), SECRET, 1000,
                10_000, "admin");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "10001", "account_stolen");
        PlaybookView stolen = playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_STOLEN).orElseThrow();
        List<PlaybookView.Step> steps = stolen.steps();
        playbooks.start(opened.ticket().id(), stolen.id(), agent);
        playbooks.completeStep(opened.ticket().id(), steps.get(0).id(), "昨晚被盗", agent);

        // the work done on the ticket's arrival asks the game once (the player's tier for service
        // levels and routing); forgotten here, so that the page's first view meets a game that does not answer
        await().atMost(Duration.ofSeconds(30)).until(() -> proxy.requests.get() > 0 && proxy.idle());
        accounts.evictGame(game.id());
        proxy.requests.set(0);

        // held beyond the page budget (1.5 s) and within the connector's timeout (10 s): a page that
        // waited for the game would show its data
        proxy.hold(Duration.ofSeconds(6));
        String slow = page(opened, agent);
        assertThat(slow).as("the page does not wait for the game")
                .contains("data-testid=\"playbook-current\"", "暂时无法连接游戏后台", "暂时无法获取游戏数据")
                .doesNotContain("data-testid=\"step-logins\"");

        proxy.release();
        // the reads under way are shared by the next views, not asked again, until their answers are there
        await().atMost(Duration.ofSeconds(30))
                .until(() -> page(opened, agent).contains("data-testid=\"step-logins\""));
        int asked = proxy.requests.get();
        assertThat(asked).as("profile, logins, bans, linked accounts, messages and currencies asked once for both panels")
                .isLessThanOrEqualTo(6);

        String later = page(opened, agent);
        assertThat(later).contains("data-testid=\"step-logins\"", "新疆乌鲁木齐", "data-suspicious=\"true\"")
                .doesNotContain("暂时无法连接游戏后台");
        assertThat(proxy.requests.get()).as("the late answer was kept for the next view").isEqualTo(asked);
    }

    private String page(Opened opened, StaffMember agent) throws Exception {
        return mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(new StaffUser(agent, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
