package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.KnowledgeBase;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The help center's answers for players and the console's editor for staff. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class KnowledgePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    SimilarQuestions similarQuestions;

    @Test
    void playersBrowseSearchAndReadPublishedAnswersOnly() throws Exception {
        GameInfo game = workspace.game();
        UUID stolen = articles.publish(game, "zh-CN", "账号被盗怎么办", "# 步骤\n\n账号被盗后：\n\n1. 修改密码\n2. <b>提交工单</b>");
        articles.draft(game, "zh-CN", "草稿文章", "还没发布");
        articles.publishInternal(game, "zh-CN", "内部处理流程", "仅客服");

        String index = page(get("/help/{g}/articles", game.code()));
        assertThat(index).contains("账号被盗怎么办").doesNotContain("草稿文章", "内部处理流程");

        String results = page(get("/help/{g}/articles", game.code()).param("q", "被盗"));
        assertThat(results).contains("data-testid=\"kb-hit\"", "<mark>");

        String article = page(get("/help/{g}/articles/{id}", game.code(), stolen));
        assertThat(article).contains("<h1>步骤</h1>", "<li>修改密码</li>", "&lt;b&gt;提交工单&lt;/b&gt;")
                .doesNotContain("data-kb-deflection");
        assertThat(page(get("/help/{g}/articles/{id}", game.code(), stolen).param("from", "form")))
                .contains("data-kb-deflection=\"/help/" + game.code() + "/articles/" + stolen + "/deflections\"");

        assertThat(page(get("/help/{g}", game.code()))).contains("data-testid=\"kb-home\"", "data-kb-suggest");
    }

    @Test
    void draftsInternalArticlesAndOtherGamesArticlesAreNotFound() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        UUID draft = articles.draft(game, "zh-CN", "草稿", "草稿");
        UUID internal = articles.publishInternal(game, "zh-CN", "内部", "内部");
        UUID elsewhere = articles.publish(other, "zh-CN", "别的游戏", "别的游戏");

        for (Object id : new Object[] {draft, internal, elsewhere, "not-an-id", UUID.randomUUID()}) {
            mvc.perform(get("/help/{g}/articles/{id}", game.code(), id)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/help/{g}/articles", "no-such-game")).andExpect(status().isNotFound());
    }

    @Test
    void countsVotesAndDeflections() throws Exception {
        GameInfo game = workspace.game();
        UUID id = articles.publish(game, "en", "Recharge not received", "Send us the order number.");

        mvc.perform(post("/help/{g}/articles/{id}/votes", game.code(), id).param("helpful", "yes").with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/help/{g}/articles/{id}/votes", game.code(), id).param("helpful", "no").with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/help/{g}/articles/{id}/deflections", game.code(), id).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post("/help/{g}/articles/{id}/deflections", game.code(), UUID.randomUUID()).with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(knowledge.article(id).helpful()).isEqualTo(1);
        assertThat(knowledge.article(id).unhelpful()).isEqualTo(1);
        assertThat(knowledge.article(id).deflections()).isEqualTo(1);
    }

    @Test
    void suggestsArticlesForWhatThePlayerIsTyping() throws Exception {
        GameInfo game = workspace.game();
        articles.publish(game, "en", "Recharge not received", "Send us the order number of the recharge.");

        mvc.perform(get("/help/{g}/articles/suggestions", game.code()).param("q", "my recharge is missing")
                        .locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Recharge not received"))
                .andExpect(jsonPath("$[0].url").value(org.hamcrest.Matchers.endsWith("?from=form")));
        mvc.perform(get("/help/{g}/articles/suggestions", game.code()).param("q", "x".repeat(5000)))
                .andExpect(status().isOk());
    }

    @Test
    void agentsWriteAndPublishArticlesWithHistoryAndBadInputIsExplained() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");

        String refused = mvc.perform(post("/console/knowledge/articles").param("game", game.code())
                        .param("locale", "en").param("audience", "public").param("title", " ").param("body", "text")
                        .param("related", "nonsense").with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"error-title\"", "Please give a title",
                "Please list ids of articles of this game");
        assertThat(knowledge.articles(game.id())).isEmpty();

        String location = mvc.perform(post("/console/knowledge/articles").param("game", game.code())
                        .param("locale", "en").param("audience", "public").param("title", "Refunds")
                        .param("body", "Within *7* days.").param("questions", "how do refunds work")
                        .param("action", "publish").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String editor = mvc.perform(get(location).with(user(agent)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("data-testid=\"kb-history\"", "v1");

        // similar questions: one per line, blank and repeated lines dropped, shown again in the editor
        UUID refunds = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(similarQuestions.of(refunds))
                .containsExactly(new SimilarQuestions.Question("how do refunds work", SimilarQuestions.Source.EDITOR));
        mvc.perform(post(location).param("locale", "en").param("audience", "public").param("title", "Refunds")
                        .param("body", "Within *7* days.").param("questions", "can i get my money back\n\n 退款  怎么申请 \n"
                                + "can i get my money back").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(similarQuestions.of(refunds)).extracting(SimilarQuestions.Question::text)
                .containsExactly("can i get my money back", "退款 怎么申请");
        assertThat(mvc.perform(get(location).with(user(agent)).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString()).contains("data-testid=\"kb-questions\"", "can i get my money back\n退款 怎么申请");
        String tooLong = mvc.perform(post(location).param("locale", "en").param("audience", "public")
                        .param("title", "Refunds").param("body", "Within *7* days.").param("questions", "x".repeat(201))
                        .with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(tooLong).contains("data-testid=\"error-questions\"", "at most 200 characters");
        assertThat(similarQuestions.of(refunds)).hasSize(2);

        String preview = mvc.perform(post("/console/knowledge/preview").param("body", "**bold** <script>x</script>")
                .with(user(agent)).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("<strong>bold</strong>").doesNotContain("<script>");
    }

    @Test
    void staffOfOtherGamesCannotSeeArticlesAndOnlyAdminsEditSynonyms() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        UUID id = articles.publish(game, "en", "Refunds", "Within 7 days.");
        StaffUser outsider = new StaffUser(workspace.staff(StaffRole.AGENT_L1, other), "");
        StaffMember admin = workspace.staff(StaffRole.ADMIN);

        mvc.perform(get("/console/knowledge/articles/{id}", id).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get("/console/knowledge/synonyms").param("game", other.code()).with(user(outsider)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/knowledge/synonyms").param("game", game.code()).param("text", "refund")
                        .with(user(new StaffUser(admin, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/knowledge/synonyms").param("game", game.code()).param("text", "refund, money back")
                        .with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
