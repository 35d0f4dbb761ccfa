package org.playerdesk.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.assist.internal.AssistSettings;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.SimilarQuestions;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** New tickets are classified (and corrected by agents), and the bot answers players it is sure about. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class AssistIntegrationTest {

    @Autowired
    SimilarQuestions similarQuestions;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AssistSettings settings;

    @Test
    void aClearNewTicketIsClassifiedAndAppliedAndAbuseIsTagged() throws Exception {
        GameInfo game = workspace.game();
        settings.change(game.id(), "0.75", "0.9");
        Opened opened = open(game, "other", "号被盗了", "我的号被盗了，密码被改了，装备没了，你们这些废物快处理");

        await().atMost(Duration.ofSeconds(30)).until(() -> tickets.head(opened.ticket().id()).tags().contains("hostile"));
        TicketView ticket = tickets.head(opened.ticket().id());
        assertThat(ticket.type()).isEqualTo(TicketType.ACCOUNT_STOLEN);

        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        String page = mvc.perform(get("/console/tickets/{id}", ticket.id()).with(user(agent)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"assist-panel\"", "data-testid=\"assist-hostile\"",
                "Applied by itself");
    }

    @Test
    void anUnsureSuggestionIsOnlyShownAndTheAgentsCorrectionBecomesTheLabel() {
        GameInfo game = workspace.game();
        Opened opened = open(game, "consultation", "问个事", "请问周末有什么活动吗");
        Actor agent = Actor.agent(java.util.UUID.randomUUID(), "客服");

        await().atMost(Duration.ofSeconds(30)).until(() -> labelOf(opened, "suggested_type") != null);
        assertThat(tickets.head(opened.ticket().id()).type()).isEqualTo(TicketType.CONSULTATION);
        desk.retype(opened.ticket().id(), TicketType.REDEMPTION, agent);
        desk.changeStatus(opened.ticket().id(), TicketStatus.RESOLVED, agent);

        await().atMost(Duration.ofSeconds(30)).until(() -> "redemption".equals(labelOf(opened, "label_type")));
        assertThat(labelOf(opened, "label_priority")).isEqualTo(TicketPriority.NORMAL.code());
    }

    @Test
    void theBotOffersAConfidentAnswerAndYesResolvesTheTicketAsDeflected() throws Exception {
        GameInfo game = workspace.game();
        UUID article = articles.publish(game, "zh-CN", "账号被盗怎么办", "请立即修改密码，并提交最后登录时间。");
        Opened opened = open(game, "account_stolen", "账号被盗", "我的账号被盗了怎么办");

        String page = mvc.perform(get("/help/{g}/t/{t}", game.code(), opened.followToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"bot-offer\"", "账号被盗怎么办", "data-testid=\"bot-yes\"");

        mvc.perform(post("/help/{g}/t/{t}/bot", game.code(), opened.followToken()).param("solved", "yes").with(csrf()))
                .andExpect(status().is3xxRedirection());
        TicketView ticket = tickets.head(opened.ticket().id());
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(ticket.tags()).contains(BotAnswers.DEFLECTED_TAG);
        // the player's words that the article solved are learned as one of its similar questions
        assertThat(similarQuestions.of(article))
                .containsExactly(new SimilarQuestions.Question("我的账号被盗了怎么办", SimilarQuestions.Source.LEARNED));

        // a second answer (another tab) changes nothing
        mvc.perform(post("/help/{g}/t/{t}/bot", game.code(), opened.followToken()).param("solved", "no").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.details(ticket.id(), true).messages()).hasSize(1);
    }

    @Test
    void noHandsTheTicketToAnAgentWithANoteAndUnsureMatchesAreNotOffered() throws Exception {
        GameInfo game = workspace.game();
        articles.publish(game, "zh-CN", "充值未到账怎么办", "请提供订单号。");
        Opened paid = open(game, "payment", "充值未到账", "充值未到账怎么办，订单号 123");
        Opened vague = open(game, "other", "其他", "游戏里的风景很好看");

        mvc.perform(get("/help/{g}/t/{t}", game.code(), paid.followToken())).andExpect(status().isOk());
        mvc.perform(post("/help/{g}/t/{t}/bot", game.code(), paid.followToken()).param("solved", "no").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.details(paid.ticket().id(), true).messages()).anySatisfy(m -> {
            assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
            assertThat(m.body()).contains("充值未到账怎么办", "agent");
        });
        assertThat(tickets.head(paid.ticket().id()).status()).isNotEqualTo(TicketStatus.RESOLVED);

        assertThat(mvc.perform(get("/help/{g}/t/{t}", game.code(), vague.followToken())).andReturn().getResponse()
                .getContentAsString()).doesNotContain("bot-offer");
        mvc.perform(post("/help/{g}/t/{t}/bot", game.code(), "not-a-token").param("solved", "yes").with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAdministratorsSetThresholdsAndNonsenseIsRefused() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");

        mvc.perform(post("/console/assist").param("game", game.code()).param("botThreshold", "0.5")
                .param("applyThreshold", "0.9").with(user(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/assist").param("game", game.code()).param("botThreshold", "2")
                        .param("applyThreshold", "x").with(user(admin)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attributeExists("problem"));
        mvc.perform(post("/console/assist").param("game", game.code()).param("botThreshold", "1")
                .param("applyThreshold", "0.95").with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/console/assist").param("game", game.code()).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("0.95");
    }

    private String labelOf(Opened opened, String column) {
        List<String> values = jdbc.queryForList("select " + column + " from assist_example where ticket_id = ?",
                String.class, opened.ticket().id());
        return values.isEmpty() ? null : values.getFirst();
    }

    private Opened open(GameInfo game, String type, String subject, String message) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity("p-" + TestWorkspace.unique("a"), "玩家", "S1", null),
                type, "web", null, subject, message, null, Map.of(), true), List.of());
    }
}
