package org.playerdesk.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameConnectors;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerProfiles;
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
 * The player panel on the ticket page and the player page: the game's data, VIP tier and tags,
 * notes, and personal data masked for everyone, revealed (and audited) only for roles allowed to.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PlayerCrmWebTest {

    static final String EMAIL = "yeyu.tingfeng@example.com";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    AuditLog audit;
    @Autowired
    GameConnectors connectors;
    @Autowired
    PlayerProfiles profiles;
    @Autowired
    org.playerdesk.game.GameAccounts accounts;

    private Opened ticket(GameInfo game, String account) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, null, null, null), "account_stolen",
                "in_game", "urgent", "号被盗了", "昨晚账号在异地登录，金币没了", EMAIL, Map.of(), false), List.of());
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember who, int status) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theTicketPageShowsTheGameAccountWithPersonalDataMasked() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = ticket(game, "10001");

        String html = page(get("/console/tickets/{id}", opened.ticket().id()), agent, 200);

        assertThat(html).contains("data-testid=\"player-panel\"", "夜雨听风", "一区·青龙", "新疆乌鲁木齐", "10666",
                "data-testid=\"player-page-link\"", "白银");
        assertThat(html).contains("113.88.*.*", "171.43.*.*").doesNotContain("113.88.12.45", "171.43.190.7");
        assertThat(html).contains("y***").doesNotContain(EMAIL);
    }

    @Test
    void firstLineAgentsCannotRevealPersonalData() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = ticket(game, "10001");
        UUID player = opened.ticket().playerId();

        String html = page(get("/console/players/{id}", player), agent, 200);
        assertThat(html).contains("113.88.*.*").doesNotContain("113.88.12.45", EMAIL, "reveal-personal-data",
                "contact-preferences-link");

        String refused = page(post("/console/players/{id}/reveal", player).with(csrf()), agent, 403);
        assertThat(refused).doesNotContain("113.88.12.45", EMAIL);
        assertThat(audit.about("player", player.toString(), 10)).isEmpty();
    }

    @Test
    void rolesAllowedToSeePersonalDataRevealItOnRequestAndEachRevealIsAudited() throws Exception {
        GameInfo game = workspace.simulatedGame();
        Opened opened = ticket(game, "10001");
        UUID player = opened.ticket().playerId();
        int reveals = 0;
        for (StaffRole role : new StaffRole[] {StaffRole.AGENT_L2, StaffRole.AGENT_VIP, StaffRole.SUPERVISOR,
                StaffRole.ADMIN}) {
            StaffMember who = workspace.staff(role, game);

            String masked = page(get("/console/players/{id}", player), who, 200);
            assertThat(masked).as(role + " sees masked data by default").contains("reveal-personal-data", "113.88.*.*")
                    .doesNotContain("113.88.12.45", EMAIL);
            assertThat(audit.about("player", player.toString(), 10)).hasSize(reveals);

            String revealed = page(post("/console/players/{id}/reveal", player).with(csrf()), who, 200);
            assertThat(revealed).as(role.name()).contains("113.88.12.45", "171.43.190.7", EMAIL, "revealed-note");
            reveals++;
            assertThat(audit.about("player", player.toString(), 10)).hasSize(reveals).first().satisfies(entry -> {
                assertThat(entry.actorId()).isEqualTo(who.id());
                assertThat(entry.action()).isEqualTo("pii.view");
                assertThat(entry.gameId()).isEqualTo(game.id());
                assertThat(entry.detail()).contains("10001", "registration IP", "login IPs", "contact email");
            });
        }
    }

    @Test
    void theRevealNeedsTheCsrfTokenAndAPlayerOfAGameOneServes() throws Exception {
        GameInfo game = workspace.simulatedGame();
        GameInfo other = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, other);
        UUID player = ticket(game, "10001").ticket().playerId();

        page(post("/console/players/{id}/reveal", player), lead, 403);
        page(post("/console/players/{id}/reveal", player).with(csrf()), lead, 404);
        page(get("/console/players/{id}", player), lead, 404);
        page(get("/console/players/{id}", UUID.randomUUID()), lead, 404);
        page(get("/console/players/not-an-id"), lead, 404);
        assertThat(audit.about("player", player.toString(), 10)).isEmpty();
    }

    @Test
    void theTierAndAutomaticTagsComeFromTheGamesFigures() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_VIP, game);
        UUID whale = ticket(game, "50001").ticket().playerId();
        UUID veteran = ticket(game, "10008").ticket().playerId();
        UUID partner = ticket(game, "20001").ticket().playerId();

        assertThat(profiles.tier(whale).code()).isEqualTo("diamond");
        assertThat(profiles.tier(veteran).code()).isEqualTo("gold");
        assertThat(profiles.tags(whale)).extracting(t -> t.tag()).contains("gold_player").doesNotContain("churn_risk");
        assertThat(profiles.tags(veteran)).extracting(t -> t.tag()).contains("gold_player", "churn_risk");

        // a VIP manager runs campaigns (回访): the player's contact preferences and opt-outs are a click away
        assertThat(page(get("/console/players/{id}", whale), agent, 200)).contains("钻石", "金牌玩家", "¥25,920.00",
                "data-testid=\"contact-preferences-link\"", "/console/campaigns/players/" + whale);
        assertThat(page(get("/console/players/{id}", veteran), agent, 200)).contains("流失风险");
        assertThat(page(get("/console/players/{id}", partner), agent, 200)).contains("联运渠道：小米游戏中心");
    }

    @Test
    void theTierIsTheLastKnownWhenTheGameCannotBeReached() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = ticket(game, "50002");
        UUID prince = opened.ticket().playerId();
        assertThat(profiles.tier(prince).code()).isEqualTo("gold");

        connectors.configure(game.id(), ConnectorKind.HTTP, "http://127.0.0.1:9/unreachable", "0123456789abcdef",
                200, 200, "test");
        // a read that listeners of the ticket's arrival started (the tier, for service levels, routing and
        // the figures) before the change committed may have used the simulated game and still land in the
        // cache: forgotten again until the page meets the unreachable address
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            accounts.evictGame(game.id());
            String html = page(get("/console/tickets/{id}", opened.ticket().id()), agent, 200);
            assertThat(html).contains("data-testid=\"game-unavailable\"", "暂时无法获取游戏数据", "黄金", "最近一次数据");
        });
    }

    @Test
    void aGameWithoutBackendShowsNoGameData() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = ticket(game, "10001");

        String html = page(get("/console/tickets/{id}", opened.ticket().id()), agent, 200);

        assertThat(html).contains("data-testid=\"game-not-connected\"").doesNotContain("game-profile");
    }

    @Test
    void staffTagAndNotePlayersAndBadInputIsATranslatedFormError() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID player = ticket(game, "10004").ticket().playerId();

        mvc.perform(post("/console/players/{id}/tags", player).param("tag", "公会会长").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(redirectedUrl("/console/players/" + player));
        mvc.perform(post("/console/players/{id}/notes", player).param("body", "玩家态度很好，已电话回访").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(redirectedUrl("/console/players/" + player));
        String html = page(get("/console/players/{id}", player), agent, 200);
        assertThat(html).contains("公会会长", "玩家态度很好，已电话回访", "#");

        String badTag = page(post("/console/players/{id}/tags", player).param("tag", "<script>").with(csrf()), agent,
                400);
        assertThat(badTag).contains("标签为 1 到 30 个字", "value=\"&lt;script&gt;\"");
        String badNote = page(post("/console/players/{id}/notes", player).param("body", "x".repeat(2001)).with(csrf()),
                agent, 400);
        assertThat(badNote).contains("备注为 1 到 2000 个字符");
        assertThat(profiles.notes(player)).hasSize(1);

        mvc.perform(post("/console/players/{id}/tags/remove", player).param("tag", "公会会长").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(redirectedUrl("/console/players/" + player));
        assertThat(profiles.tags(player)).extracting(t -> t.tag()).doesNotContain("公会会长");
    }

    @Test
    void searchingAnAccountOpensItsPlayer() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID player = ticket(game, "30001").ticket().playerId();

        mvc.perform(get("/console/players").param("q", "30001").with(user(new StaffUser(agent, ""))))
                .andExpect(redirectedUrl("/console/players/" + player));
        assertThat(page(get("/console/players").param("q", "nobody-here"), agent, 200))
                .contains("player-search-none");
        assertThat(page(get("/console/players/{id}", player), agent, 200)).contains("30002", "30008", "183.6.*.*");
    }
}
