package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * The game API under whatever a broken or hostile game server may send: every answer is a
 * success or a 4xx with problem details, never a server error, and what was stored stays whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GameApiAbuseTest extends WithTheApplication {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;

    GameInfo game;
    String apiKey;
    StoredTickets stored;
    int opened;

    @BeforeProperty
    void aGameWithItsKey() {
        game = workspace.game();
        apiKey = workspace.apiKey(game);
        stored = new StoredTickets(jdbc, game);
    }

    @AfterProperty
    void everyOpenedTicketIsStoredWhole() {
        assertThat(stored.tickets()).as("tickets stored = tickets answered 201").isEqualTo(opened);
        stored.areComplete();
        stored.holdNoForbiddenCharacters();
    }

    @Property(tries = 250)
    void reportingATicketNeverFailsOnTheServer(@ForAll("ticketBodies") String body,
            @ForAll("contentTypes") Optional<String> contentType, @ForAll("idempotencyKeys") Optional<String> key)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .content(body.getBytes(StandardCharsets.UTF_8));
        contentType.ifPresent(type -> request.header("Content-Type", type));
        key.ifPresent(value -> request.header("Idempotency-Key", value));

        MockHttpServletResponse answer = answerOf(request);

        if (answer.getStatus() == 201 && "false".equals(answer.getHeader("Idempotent-Replayed"))) {
            opened++;
            assertThat(answer.getHeader("Location")).startsWith("/api/v1/tickets/");
        }
    }

    @Property(tries = 150)
    void followUpsNeverFailOnTheServer(@ForAll("followUpBodies") String body,
            @ForAll("contentTypes") Optional<String> contentType, @ForAll("ticketIds") String ticketId)
            throws Exception {
        String existing = existingTicket();
        String id = ticketId.equals("existing") ? existing : ticketId;
        MockHttpServletRequestBuilder request = post(URI.create("/api/v1/tickets/" + id + "/messages"))
                .header("Authorization", "Bearer " + apiKey).content(body.getBytes(StandardCharsets.UTF_8));
        contentType.ifPresent(type -> request.header("Content-Type", type));

        int before = stored.messagesOf(UUID.fromString(existing));
        MockHttpServletResponse answer = answerOf(request);

        int added = answer.getStatus() == 201 ? 1 : 0;
        assertThat(stored.messagesOf(UUID.fromString(existing))).as("messages of the ticket")
                .isEqualTo(before + (id.equals(existing) ? added : 0));
    }

    @Property(tries = 200)
    void readingWithOddAddressesNeverFailsOnTheServer(@ForAll("readPaths") String path,
            @ForAll("authorizations") List<String> authorization) throws Exception {
        MockHttpServletRequestBuilder request = get(URI.create(path));
        for (String value : authorization) {
            request.header("Authorization", value.replace("{key}", apiKey));
        }
        answerOf(request);
    }

    /** The answer, checked: never a server error; a refusal is problem details. */
    private MockHttpServletResponse answerOf(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse answer = mvc.perform(request).andReturn().getResponse();
        assertThat(answer.getStatus()).as("status").isLessThan(500);
        if (answer.getStatus() >= 400) {
            assertThat(answer.getContentType()).as("content type of a %d", answer.getStatus())
                    .startsWith("application/problem+json");
            Integer status = JsonPath.read(answer.getContentAsString(StandardCharsets.UTF_8), "$.status");
            assertThat(status).isEqualTo(answer.getStatus());
        }
        return answer;
    }

    private String existing;

    private String existingTicket() throws Exception {
        if (existing == null) {
            MockHttpServletResponse answer = mvc.perform(post("/api/v1/tickets")
                    .header("Authorization", "Bearer " + apiKey).contentType("application/json")
                    .content(validTicket())).andReturn().getResponse();
            assertThat(answer.getStatus()).isEqualTo(201);
            opened++;
            existing = JsonPath.read(answer.getContentAsString(StandardCharsets.UTF_8), "$.id");
        }
        return existing;
    }

    // --- what a game server might send ---

    static String validTicket() {
        return """
                {"player": {"accountId": "acc-1", "nickname": "风之子", "server": "S12", "role": "法师"},
                 "type": "payment", "subject": "充值未到账", "message": "充值 648 元后钻石没有到账。",
                 "priority": "high", "contactEmail": "wind@example.com",
                 "metadata": {"clientVersion": "2.3.1", "device": "iPhone 15"}}""";
    }

    @Provide
    Arbitrary<String> ticketBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, ticketsWithOddFields()),
                Tuple.of(1, truncated(validTicket())),
                Tuple.of(1, deeplyNested()),
                Tuple.of(1, oddDocuments()));
    }

    @Provide
    Arbitrary<String> followUpBodies() {
        Arbitrary<String> message = field("message", Arbitraries.of("\"还是没有到账\"", "\"第一行\\n第二行\""));
        Arbitrary<String> unknown = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("")),
                Tuple.of(1, Nasty.jsonValue().map(v -> "\"messge\":" + v)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(message, unknown).as((m, u) -> object(List.of(m, u)))),
                Tuple.of(1, truncated("{\"message\": \"还是没有到账\"}")),
                Tuple.of(1, deeplyNested()),
                Tuple.of(1, oddDocuments()));
    }

    /** A ticket whose every field may be valid, missing, of another JSON type or nasty text; maybe twice. */
    private Arbitrary<String> ticketsWithOddFields() {
        List<Arbitrary<String>> fields = new ArrayList<>();
        fields.add(field("player", Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("acc-1", "acc-2", "玩家-3").map(a -> "{\"accountId\":\"" + a + "\"}")),
                Tuple.of(3, Combinators.combine(Nasty.text(), Nasty.text(), Nasty.text(), Nasty.text())
                        .as((account, nickname, server, role) -> "{\"accountId\":" + Nasty.json(account)
                                + ",\"nickname\":" + Nasty.json(nickname) + ",\"server\":" + Nasty.json(server)
                                + ",\"role\":" + Nasty.json(role) + "}")))));
        fields.add(field("type", Arbitraries.of("\"bug\"", "\"payment\"", "\"ban_appeal\"")));
        fields.add(field("subject", Arbitraries.of("\"卡在地图边缘\"", "\"Stuck\"")));
        fields.add(field("message", Arbitraries.of("\"更新后角色卡住了\"", "\"line one\\nline two\\tend\"")));
        fields.add(optionalField("channel", Arbitraries.of("\"in_game\"", "\"web\"")));
        fields.add(optionalField("priority", Arbitraries.of("\"low\"", "\"urgent\"")));
        fields.add(optionalField("contactEmail", Arbitraries.of("\"p@example.com\"")));
        fields.add(optionalField("metadata", Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("{\"clientVersion\":\"2.3.1\"}")),
                Tuple.of(2, Combinators.combine(Nasty.text(), Nasty.jsonValue())
                        .as((k, v) -> "{" + Nasty.json(k) + ":" + v + "}")),
                Tuple.of(1, Arbitraries.integers().between(29, 40).map(entries -> {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < entries; i++) {
                        pairs.add("\"k" + i + "\":\"v\"");
                    }
                    return "{" + String.join(",", pairs) + "}";
                })))));
        fields.add(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, Nasty.jsonValue().map(v -> "\"subjet\":" + v)),
                Tuple.of(1, Nasty.jsonValue().map(v -> "\"type\":" + v)),
                Tuple.of(1, Nasty.jsonValue().map(v -> "\"subject\":" + v))));
        return Combinators.combine(fields).as(GameApiAbuseTest::object);
    }

    /** A required field: mostly valid, sometimes any JSON value, sometimes missing. */
    private static Arbitrary<String> field(String name, Arbitrary<String> valid) {
        return Arbitraries.frequencyOf(Tuple.of(6, valid), Tuple.of(2, Nasty.jsonValue()), Tuple.of(1, Arbitraries.just("")))
                .map(value -> value.isEmpty() ? "" : Nasty.json(name) + ":" + value);
    }

    private static Arbitrary<String> optionalField(String name, Arbitrary<String> valid) {
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, Nasty.jsonValue()), Tuple.of(3, Arbitraries.just("")))
                .map(value -> value.isEmpty() ? "" : Nasty.json(name) + ":" + value);
    }

    private static String object(List<String> members) {
        return "{" + String.join(",", members.stream().filter(m -> !m.isEmpty()).toList()) + "}";
    }

    private static Arbitrary<String> truncated(String document) {
        return Arbitraries.integers().between(0, document.length() - 1).map(end -> document.substring(0, end));
    }

    private static Arbitrary<String> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(100, 3000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> open.repeat(depth));
    }

    private static Arbitrary<String> oddDocuments() {
        return Arbitraries.oneOf(Nasty.jsonValue(), Nasty.text(),
                Arbitraries.of("", "   ", "[" + validTicket() + "]", "\ufeff" + validTicket(), validTicket() + "garbage",
                        validTicket() + validTicket(), "{\"player\":", "{'type':'bug'}", "<ticket/>",
                        "{\"a\":" + "1".repeat(2000) + "}", "\"" + "x".repeat(300_000) + "\""));
    }

    @Provide
    Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.of("application/json", "application/json;charset=UTF-8", "application/json; charset=utf-16",
                "application/json;charset=ISO-8859-1", "application/json;;;", "application/problem+json", "text/plain",
                "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
                "application/xml", "*/*", "application/*", "json", "", ";", "application/json, text/plain")
                .optional(0.9);
    }

    @Provide
    Arbitrary<Optional<String>> idempotencyKeys() {
        return Arbitraries.oneOf(
                Arbitraries.of("retry-1", "retry-2", UUID.randomUUID().toString()),
                Arbitraries.strings().ascii().ofMaxLength(140),
                Nasty.text().filter(t -> t.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c > 0xff) && t.chars()
                        .noneMatch(c -> Character.isSurrogate((char) c))))
                .optional(0.5);
    }

    @Provide
    Arbitrary<String> ticketIds() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just("existing")),
                Tuple.of(1, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(2, Arbitraries.of("0", "-1", "null", "%00", "%2e%2e", "%25", "..%2f", "%F0%9F%98%80",
                        "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
                        "1-1-1-1-1", UUID.randomUUID() + "x", "%E2%80%AE", "%C0%AF", "%ff%fe")));
    }

    @Provide
    Arbitrary<String> readPaths() {
        Arbitrary<String> segment = Arbitraries.of("0", "-1", "x", "%00", "%2e%2e", "%252e", "%C0%AF", "%ff",
                "%E5%AD%97", "%20", "a%2Fb", "..", ".", "%3Cscript%3E", UUID.randomUUID().toString(), "", ";jsessionid=x",
                "a".repeat(300));
        Arbitrary<String> query = Arbitraries.of("", "?page=0&size=20", "?page=-1", "?page=999999999999",
                "?size=0", "?size=101", "?size=abc", "?page=1.5", "?page=&size=", "?page=0&page=1", "?%25zz=1",
                "?size=%00", "?page=%E5%AD%97", "?size=2147483648", "?x=" + "y".repeat(2000));
        return Arbitraries.oneOf(
                Combinators.combine(segment, query).as((s, q) -> "/api/v1/tickets/" + s + q),
                Combinators.combine(segment, query).as((s, q) -> "/api/v1/players/" + s + "/tickets" + q),
                Combinators.combine(segment, segment, query).as((a, b, q) -> "/api/v1/" + a + "/" + b + q),
                Combinators.combine(segment, query).as((s, q) -> "/api/v1/tickets/" + s + "/messages" + q),
                query.map(q -> "/api/v1/tickets" + q),
                query.map(q -> "/api/v1" + q));
    }

    @Provide
    Arbitrary<List<String>> authorizations() {
        return Arbitraries.of("Bearer {key}", "bearer {key}", "Bearer  {key} ", "Bearer", "Bearer ", "Basic eDp5",
                "Bearer {key}x", "Bearer " + "k".repeat(500), "Bearer \u00e9\u00e8", "{key}")
                .list().ofMinSize(0).ofMaxSize(2);
    }
}
