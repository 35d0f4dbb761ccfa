package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.sun.net.httpserver.HttpServer;

/**
 * "Draft a reply" on the ticket page with an OpenAI-compatible endpoint configured: a local
 * stand-in server answers, as such a service would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ReplyDraftsTest {

    static final AtomicReference<String> asked = new AtomicReference<>();
    static final AtomicReference<String> answer = new AtomicReference<>();
    static final HttpServer server = start();

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;

    static HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1/chat/completions", exchange -> {
                asked.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] bytes = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(bytes.length == 0 ? 503 : 200, bytes.length == 0 ? -1 : bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("playerdesk.assist.reply-suggestions.url",
                () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    @Test
    void anAgentGetsADraftOfTheAnswerToThePlayersLatestMessageAndInsertsIt() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "p-draft", "payment");
        answer.set("{\"choices\":[{\"message\":{\"content\":\"您好 <b>请提供订单号</b>\"}}]}");

        mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(as(agent)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"assist-draft-button\"")));
        String fragment = mvc.perform(post("/console/tickets/{id}/assist/draft", opened.ticket().id())
                        .with(as(agent)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(asked.get()).contains("玩家的问题描述");
        assertThat(fragment).contains("data-testid=\"assist-draft-text\"", "您好 &lt;b&gt;请提供订单号&lt;/b&gt;",
                "data-reply-insert").doesNotContain("<b>请提供");
    }

    @Test
    void noDraftWhenTheEndpointFailsAndNoneForTicketsOfOtherGamesOrWithoutTheToken() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened mine = workspace.ticket(game, "p-draft-2", "bug");
        Opened theirs = workspace.ticket(other, "p-draft-3", "bug");
        answer.set("");

        mvc.perform(post("/console/tickets/{id}/assist/draft", mine.ticket().id()).with(as(agent)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("assist-draft-none")));
        mvc.perform(post("/console/tickets/{id}/assist/draft", theirs.ticket().id()).with(as(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/tickets/{id}/assist/draft", mine.ticket().id()).with(as(agent)))
                .andExpect(status().isForbidden());
    }
}
