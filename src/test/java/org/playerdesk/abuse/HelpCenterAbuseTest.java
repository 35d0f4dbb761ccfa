package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The help center's forms under whatever a browser, a bot or an attacker may post: never a
 * server error, a refusal is a page without internals, every accepted ticket is stored whole,
 * and markup a player types is kept as typed but shown as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class HelpCenterAbuseTest extends WithTheApplication {

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

    @BeforeProperty
    void aGame() {
        game = workspace.game();
        stored = new StoredTickets(jdbc, game);
    }

    @AfterProperty
    void everySubmittedTicketIsStoredWhole() {
        assertThat(stored.tickets()).as("tickets stored = forms accepted").isEqualTo(submitted);
        stored.areComplete();
        stored.holdNoForbiddenCharacters();
    }

    @Property(tries = 200)
    void submittingTheFormNeverFailsOnTheServer(@ForAll("fieldValues") List<Optional<String>> values,
            @ForAll boolean multipart, @ForAll("csrfTokens") Optional<Boolean> csrfToken,
            @ForAll("extraFields") Optional<Tuple.Tuple2<String, String>> extra) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> form = multipart
                ? multipart("/help/{game}/tickets", game.code())
                : post("/help/{game}/tickets", game.code()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        for (int i = 0; i < FIELDS.size(); i++) {
            String field = FIELDS.get(i);
            values.get(i).ifPresent(value -> form.param(field, value));
        }
        extra.ifPresent(e -> form.param(e.get1(), e.get2()));
        csrfToken.ifPresent(valid -> form.with(valid ? csrf() : csrf().useInvalidToken()));

        MockHttpServletResponse answer = pageOf(form).getResponse();

        String link = answer.getRedirectedUrl();
        if (link != null && link.startsWith("/help/" + game.code() + "/t/")) {
            submitted++;
        }
    }

    @Property(tries = 100)
    void replyingNeverFailsOnTheServer(@ForAll("nastyOrPlain") String message, @ForAll boolean multipart)
            throws Exception {
        String link = privateLink();
        int before = stored.messagesOf(ticketOf(link));
        AbstractMockHttpServletRequestBuilder<?> reply = multipart
                ? multipart(link + "/messages").param("message", message)
                : post(link + "/messages").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("message", message);

        MockHttpServletResponse answer = pageOf(reply.with(csrf())).getResponse();

        boolean accepted = answer.getStatus() == 302 && answer.getRedirectedUrl().equals(link);
        assertThat(stored.messagesOf(ticketOf(link))).isEqualTo(before + (accepted ? 1 : 0));
    }

    @Property(tries = 30)
    void markupIsStoredAsTypedAndShownAsText(@ForAll("injections") String markup) throws Exception {
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
                org.playerdesk.system.Hashes.sha256(token));
    }

    // --- what may be posted ---

    @Provide
    Arbitrary<List<Optional<String>>> fieldValues() {
        Arbitrary<Optional<String>> type = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("bug", "payment")),
                Tuple.of(2, Nasty.text())).optional(0.9);
        Arbitrary<Optional<String>> text = nastyOrPlain().optional(0.9);
        Arbitrary<Optional<String>> email = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("p@example.com")),
                Tuple.of(1, Nasty.text())).optional(0.9);
        return net.jqwik.api.Combinators.combine(type, text, text, text, text, text, email)
                .as(List::of);
    }

    @Provide
    Arbitrary<String> nastyOrPlain() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("卡在地图边缘", "acc-1", "S3", "line one\nline two")),
                Tuple.of(2, Nasty.text()));
    }

    @Provide
    Arbitrary<Optional<Boolean>> csrfTokens() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)))
                .optional(0.9);
    }

    @Provide
    Arbitrary<Optional<Tuple.Tuple2<String, String>>> extraFields() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of("subject", "type", "files", "_csrf", "lang", "x", ""),
                Nasty.text()).as(Tuple::of).optional(0.3);
    }

    @Provide
    Arbitrary<String> injections() {
        return Arbitraries.of(Nasty.INJECTIONS);
    }
}
