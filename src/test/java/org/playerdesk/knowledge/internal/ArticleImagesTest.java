package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Images uploaded from the article editor: sniffed, limited, served by the article's audience, kept safe in Markdown. */
@SpringBootTest(properties = "playerdesk.knowledge.image-max-size=4KB")
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ArticleImagesTest {

    /** The smallest valid PNG: a 1×1 transparent pixel. */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    Markdown markdown;

    @Test
    void anImageOfAPublishedPublicArticleIsPublicAndCachedAnInternalOnesOnlyForStaffOfTheGame() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser outsider = new StaffUser(workspace.staff(StaffRole.AGENT_L1, other), "");
        UUID faq = articles.publish(game, "zh-CN", "如何绑定手机", "步骤如下");
        UUID internal = articles.publishInternal(game, "zh-CN", "退款内部流程", "仅限客服");

        String answer = mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                        .file(new MockMultipartFile("file", "step1.txt", "text/plain", PNG)).param("alt", "第一步")
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.markdown").value(org.hamcrest.Matchers.startsWith("![第一步](/help/" + game.code()
                        + "/articles/images/")))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(answer, "$.url");

        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
                .andExpect(header().exists("ETag"));
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getContentAsByteArray()).isEqualTo(PNG);
        mvc.perform(get(url.replace("/help/" + game.code() + "/", "/help/" + other.code() + "/")))
                .andExpect(status().isNotFound());

        String secret = JsonPath.read(mvc.perform(multipart("/console/knowledge/articles/{id}/images", internal)
                .file(new MockMultipartFile("file", "a.png", "image/png", PNG)).with(user(agent)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.url");
        mvc.perform(get(secret)).andExpect(status().isNotFound());
        mvc.perform(get(secret).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(get(secret).with(user(agent))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("private")));

        // a draft of a public article is not yet for players
        UUID draft = articles.draft(game, "en", "Coming soon", "soon");
        String drafted = JsonPath.read(mvc.perform(multipart("/console/knowledge/articles/{id}/images", draft)
                .file(new MockMultipartFile("file", "a.png", "image/png", PNG)).with(user(agent)).with(csrf()))
                .andReturn().getResponse().getContentAsString(), "$.url");
        mvc.perform(get(drafted)).andExpect(status().isNotFound());
        mvc.perform(get(drafted).with(user(agent))).andExpect(status().isOk());
    }

    @Test
    void refusesWhatIsNotAnImageTooLargeEmptyOrNotTheWritersGame() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser outsider = new StaffUser(workspace.staff(StaffRole.AGENT_L1, other), "");
        UUID faq = articles.publish(game, "en", "Binding a phone", "steps");

        mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                        .file(new MockMultipartFile("file", "evil.png", "image/png", "<svg onload=alert(1)>".getBytes()))
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                        .file(new MockMultipartFile("file", "empty.png", "image/png", new byte[0]))
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        byte[] big = Arrays.copyOf(PNG, 5000);
        mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                .file(new MockMultipartFile("file", "big.png", "image/png", big)).with(user(agent)).with(csrf()))
                .andExpect(status().isPayloadTooLarge());
        mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                .file(new MockMultipartFile("file", "a.png", "image/png", PNG)).with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/console/knowledge/articles/{id}/images", faq)
                .file(new MockMultipartFile("file", "a.png", "image/png", PNG)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/help/" + game.code() + "/articles/images/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void markdownKeepsOwnAndHttpsImagesOnly() {
        String own = "/help/demo/articles/images/" + UUID.randomUUID();
        assertThat(markdown.html("![step](" + own + ")")).contains("<img src=\"" + own + "\" alt=\"step\"",
                "loading=\"lazy\"");
        assertThat(markdown.html("![cdn](https://cdn.example.com/a.png)")).contains("<img src=\"https://cdn.example.com/a.png\"");
        assertThat(markdown.html("![x](javascript:alert(1))")).doesNotContain("<img").contains("x");
        assertThat(markdown.html("![pixel](data:image/svg+xml;base64,PHN2Zz4=)")).doesNotContain("<img").contains("pixel");
        assertThat(markdown.html("![plain](http://example.com/a.png)")).doesNotContain("<img");
        assertThat(markdown.html("![other](/console/tickets/1/attachments/2)")).doesNotContain("<img");
        assertThat(markdown.html("![**bold** alt](//evil.example/a.png) after")).doesNotContain("<img")
                .contains("bold alt after");
    }
}
