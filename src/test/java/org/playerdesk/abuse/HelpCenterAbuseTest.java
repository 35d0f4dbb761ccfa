package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.abuse.HostileInputs.forEachTry;
import static org.playerdesk.abuse.HostileInputs.weight;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The help center's forms under whatever a browser, a bot or an attacker may post: never a
 * server error, a refusal is a page without internals, every accepted ticket is stored whole,
 * and markup a player types is kept as typed but shown as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class HelpCenterAbuseTest {

    static final List<String> FIELDS = List.of("type", "subject", "description", "accountId", "nickname", "server",
            "email");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;

    GameInfo game;
    StoredTickets stored;
    int submitted;

    @BeforeEach
    void aGame() {
        game = workspace.game();
        stored = new StoredTickets(jdbc, game);
    }

    @AfterEach
    void everySubmittedTicketIsStoredWhole() {
        stored.holdExactly(submitted, "tickets stored = forms accepted");
    }

    @Test
    void submittingTheFormNeverFailsOnTheServer() {
        forEachTry(200, random -> {
            List<Optional<String>> values = random.input("fields", fieldValues(random));
            boolean multipart = random.input("multipart", random.bool());
            Optional<Boolean> csrfToken = random.input("validCsrfToken", csrfToken(random));
            Optional<Map.Entry<String, String>> extra = random.input("extraField", extraField(random));
            AbstractMockHttpServletRequestBuilder<?> form = multipart
                    ? multipart("/help/{game}/tickets", game.code())
                    : post("/help/{game}/tickets", game.code()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
            for (int i = 0; i < FIELDS.size(); i++) {
                String field = FIELDS.get(i);
                values.get(i).ifPresent(value -> form.param(field, value));
            }
            extra.ifPresent(e -> form.param(e.getKey(), e.getValue()));
            csrfToken.ifPresent(valid -> form.with(valid ? csrf() : csrf().useInvalidToken()));

            MockHttpServletResponse answer = pageOf(form).getResponse();

            String link = answer.getRedirectedUrl();
            if (link != null && link.startsWith("/help/" + game.code() + "/t/")) {
                submitted++;
            }
        });
    }

    @Test
    void replyingNeverFailsOnTheServer() {
        forEachTry(100, random -> {
            String message = random.input("message", nastyOrPlain(random));
            boolean multipart = random.input("multipart", random.bool());
            String link = privateLink();
            int before = stored.messagesOf(ticketOf(link));
            AbstractMockHttpServletRequestBuilder<?> reply = multipart
                    ? multipart(link + "/messages").param("message", message)
                    : post(link + "/messages").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", message);

            MockHttpServletResponse answer = pageOf(reply.with(csrf())).getResponse();

            boolean accepted = answer.getStatus() == 302 && answer.getRedirectedUrl().equals(link);
            assertThat(stored.messagesOf(ticketOf(link))).isEqualTo(before + (accepted ? 1 : 0));
        });
    }

    /** Each injection, once: there are few of them, so all are tried rather than drawn. */
    @ParameterizedTest
    @FieldSource("org.playerdesk.abuse.Nasty#INJECTIONS")
    void markupIsStoredAsTypedAndShownAsText(String markup) throws Exception {
        MvcResult result = pageOf(post("/help/{game}/tickets", game.code()).with(csrf())
                .param("type", "complaint").param("subject", "标题 " + markup).param("description", markup)
                .param("accountId", "acc-x").param("nickname", markup.substring(0, Math.min(markup.length(), 100)))
                .param("email", "p@example.com"));
        String link = result.getResponse().getRedirectedUrl();
        assertThat(link).startsWith("/help/" + game.code() + "/t/");
        submitted++;

        String page = mvc.perform(get(link)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains(HtmlUtils.htmlEscape("标题 " + markup, "UTF-8"));
        if (markup.contains("<")) {
            assertThat(page).doesNotContain(markup).contains("&lt;");
        }
        assertThat(jdbc.queryForObject("select body from ticket_message where ticket_id = ?", String.class,
                ticketOf(link))).isEqualTo(markup);
    }

    /** The answer, checked: never a server error, never internals on a page. */
    private MvcResult pageOf(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse answer = result.getResponse();
        assertThat(answer.getStatus()).as("status").isLessThan(500);
        String body = answer.getContentAsString(StandardCharsets.UTF_8);
        if (answer.getStatus() >= 400 && !body.isEmpty()) {
            assertThat(answer.getContentType()).startsWith("text/html");
        }
        assertThat(body).doesNotContainPattern(Nasty.INTERNALS);
        return result;
    }

    private String link;

    private String privateLink() throws Exception {
        if (link == null) {
            link = mvc.perform(post("/help/{game}/tickets", game.code()).with(csrf()).param("type", "bug")
                    .param("subject", "卡住").param("description", "更新后角色卡住了").param("accountId", "acc-1")
                    .param("email", "p@example.com")).andReturn().getResponse().getRedirectedUrl();
            submitted++;
        }
        return link;
    }

    private Object ticketOf(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return jdbc.queryForObject("select id from ticket where access_token_hash = ?", Object.class,
                org.playerdesk.system.signing.Hashes.sha256(token));
    }

    // --- what may be posted ---

    /** The form's fields, in the order of {@link #FIELDS}, each maybe missing. */
    static List<Optional<String>> fieldValues(HostileInputs random) {
        Supplier<Optional<String>> text = () -> random.optional(0.9, () -> nastyOrPlain(random));
        return List.of(
                random.optional(0.9, () -> random.frequency(weight(4, () -> random.pick("bug", "payment")),
                        weight(2, () -> Nasty.text(random)))),
                text.get(), text.get(), text.get(), text.get(), text.get(),
                random.optional(0.9, () -> random.frequency(weight(4, () -> "p@example.com"),
                        weight(1, () -> Nasty.text(random)))));
    }

    static String nastyOrPlain(HostileInputs random) {
        return random.frequency(weight(3, () -> random.pick("卡在地图边缘", "acc-1", "S3", "line one\nline two")),
                weight(2, () -> Nasty.text(random)));
    }

    /** Whether the form carries a valid or an invalid CSRF token, if any. */
    static Optional<Boolean> csrfToken(HostileInputs random) {
        return random.optional(0.9, () -> random.frequency(weight(8, () -> true), weight(1, () -> false)));
    }

    static Optional<Map.Entry<String, String>> extraField(HostileInputs random) {
        return random.optional(0.3, () -> Map.entry(random.pick("subject", "type", "files", "_csrf", "lang", "x", ""),
                Nasty.text(random)));
    }
}
