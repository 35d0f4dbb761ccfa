package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.abuse.HostileInputs.forEachTry;
import static org.playerdesk.abuse.HostileInputs.weight;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.contract.OpenApiContract;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * The game API under whatever a broken or hostile game server may send: every answer is a
 * success or a 4xx with problem details, never a server error, and what was stored stays whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GameApiAbuseTest {

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

    @BeforeEach
    void aGameWithItsKey() {
        game = workspace.game();
        apiKey = workspace.apiKey(game);
        stored = new StoredTickets(jdbc, game);
    }

    @AfterEach
    void everyOpenedTicketIsStoredWhole() {
        stored.holdExactly(opened, "tickets stored = tickets answered 201");
    }

    @Test
    void reportingATicketNeverFailsOnTheServer() {
        forEachTry(250, random -> {
            String body = random.input("body", ticketBody(random));
            Optional<String> contentType = random.input("contentType", contentType(random));
            Optional<String> key = random.input("idempotencyKey", idempotencyKey(random));
            MockHttpServletRequestBuilder request = post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                    .content(body.getBytes(StandardCharsets.UTF_8));
            contentType.ifPresent(type -> request.header("Content-Type", type));
            key.ifPresent(value -> request.header("Idempotency-Key", value));

            MockHttpServletResponse answer = answerOf(request);

            if (answer.getStatus() == 201 && "false".equals(answer.getHeader("Idempotent-Replayed"))) {
                opened++;
                assertThat(answer.getHeader("Location")).startsWith("/api/v1/tickets/");
            }
        });
    }

    @Test
    void followUpsNeverFailOnTheServer() {
        forEachTry(150, random -> {
            String body = random.input("body", followUpBody(random));
            Optional<String> contentType = random.input("contentType", contentType(random));
            String ticketId = random.input("ticketId", ticketId(random));
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
        });
    }

    @Test
    void readingWithOddAddressesNeverFailsOnTheServer() {
        forEachTry(200, random -> {
            String path = random.input("path", readPath(random));
            List<String> authorization = random.input("authorization", authorizations(random));
            MockHttpServletRequestBuilder request = get(URI.create(path));
            for (String value : authorization) {
                request.header("Authorization", value.replace("{key}", apiKey));
            }
            answerOf(request);
        });
    }

    private OpenApiContract contract;

    /**
     * The answer, checked: never a server error; a refusal is problem details; and an answer of an
     * operation of the API document is one the document declares (status, content type, body).
     */
    private MockHttpServletResponse answerOf(MockHttpServletRequestBuilder request) throws Exception {
        if (contract == null) {
            contract = OpenApiContract.ofJson("the API document", mvc.perform(get("/v3/api-docs")).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        MvcResult result = mvc.perform(request).andReturn();
        MockHttpServletResponse answer = result.getResponse();
        assertThat(answer.getStatus()).as("status").isLessThan(500);
        String method = result.getRequest().getMethod();
        String path = result.getRequest().getRequestURI();
        if (contract.find(method, path).isPresent()) {
            contract.assertAnswer(method, path, answer.getStatus(), answer.getContentType(),
                    answer.getContentAsByteArray());
        }
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

    static String ticketBody(HostileInputs random) {
        return random.frequency(
                weight(8, () -> ticketWithOddFields(random)),
                weight(1, () -> truncated(random, validTicket())),
                weight(1, () -> deeplyNested(random)),
                weight(1, () -> oddDocument(random)));
    }

    static String followUpBody(HostileInputs random) {
        return random.frequency(
                weight(6, () -> {
                    String message = field(random, "message", () -> random.pick("\"还是没有到账\"", "\"第一行\\n第二行\""));
                    String unknown = random.frequency(weight(5, () -> ""),
                            weight(1, () -> "\"messge\":" + Nasty.jsonValue(random)));
                    return object(List.of(message, unknown));
                }),
                weight(1, () -> truncated(random, "{\"message\": \"还是没有到账\"}")),
                weight(1, () -> deeplyNested(random)),
                weight(1, () -> oddDocument(random)));
    }

    /** A ticket whose every field may be valid, missing, of another JSON type or nasty text; maybe twice. */
    private static String ticketWithOddFields(HostileInputs random) {
        List<String> fields = new ArrayList<>();
        fields.add(field(random, "player", () -> random.frequency(
                weight(4, () -> "{\"accountId\":\"" + random.pick("acc-1", "acc-2", "玩家-3") + "\"}"),
                weight(3, () -> "{\"accountId\":" + Nasty.json(Nasty.text(random)) + ",\"nickname\":"
                        + Nasty.json(Nasty.text(random)) + ",\"server\":" + Nasty.json(Nasty.text(random))
                        + ",\"role\":" + Nasty.json(Nasty.text(random)) + "}"))));
        fields.add(field(random, "type", () -> random.pick("\"bug\"", "\"payment\"", "\"ban_appeal\"")));
        fields.add(field(random, "subject", () -> random.pick("\"卡在地图边缘\"", "\"Stuck\"")));
        fields.add(field(random, "message", () -> random.pick("\"更新后角色卡住了\"", "\"line one\\nline two\\tend\"")));
        fields.add(optionalField(random, "channel", () -> random.pick("\"in_game\"", "\"web\"")));
        fields.add(optionalField(random, "priority", () -> random.pick("\"low\"", "\"urgent\"")));
        fields.add(optionalField(random, "contactEmail", () -> "\"p@example.com\""));
        fields.add(optionalField(random, "metadata", () -> random.frequency(
                weight(3, () -> "{\"clientVersion\":\"2.3.1\"}"),
                weight(2, () -> "{" + Nasty.json(Nasty.text(random)) + ":" + Nasty.jsonValue(random) + "}"),
                weight(1, () -> {
                    int entries = random.between(29, 40);
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < entries; i++) {
                        pairs.add("\"k" + i + "\":\"v\"");
                    }
                    return "{" + String.join(",", pairs) + "}";
                }))));
        fields.add(random.frequency(weight(6, () -> ""),
                weight(1, () -> "\"subjet\":" + Nasty.jsonValue(random)),
                weight(1, () -> "\"type\":" + Nasty.jsonValue(random)),
                weight(1, () -> "\"subject\":" + Nasty.jsonValue(random))));
        return object(fields);
    }

    /** A required field: mostly valid, sometimes any JSON value, sometimes missing. */
    private static String field(HostileInputs random, String name, Supplier<String> valid) {
        return member(name, random.frequency(weight(6, valid), weight(2, () -> Nasty.jsonValue(random)),
                weight(1, () -> "")));
    }

    private static String optionalField(HostileInputs random, String name, Supplier<String> valid) {
        return member(name, random.frequency(weight(3, valid), weight(1, () -> Nasty.jsonValue(random)),
                weight(3, () -> "")));
    }

    private static String member(String name, String value) {
        return value.isEmpty() ? "" : Nasty.json(name) + ":" + value;
    }

    private static String object(List<String> members) {
        return "{" + String.join(",", members.stream().filter(m -> !m.isEmpty()).toList()) + "}";
    }

    private static String truncated(HostileInputs random, String document) {
        return document.substring(0, random.between(0, document.length() - 1));
    }

    private static String deeplyNested(HostileInputs random) {
        int depth = random.between(100, 3000);
        return random.pick("[", "{\"a\":").repeat(depth);
    }

    private static String oddDocument(HostileInputs random) {
        return random.oneOf(() -> Nasty.jsonValue(random), () -> Nasty.text(random),
                () -> random.pick("", "   ", "[" + validTicket() + "]", "\ufeff" + validTicket(),
                        validTicket() + "garbage", validTicket() + validTicket(), "{\"player\":", "{'type':'bug'}",
                        "<ticket/>", "{\"a\":" + "1".repeat(2000) + "}", "\"" + "x".repeat(300_000) + "\""));
    }

    static Optional<String> contentType(HostileInputs random) {
        return random.optional(0.9, () -> random.pick("application/json", "application/json;charset=UTF-8",
                "application/json; charset=utf-16", "application/json;charset=ISO-8859-1", "application/json;;;",
                "application/problem+json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=x", "application/xml", "*/*", "application/*", "json", "", ";",
                "application/json, text/plain"));
    }

    /** Keys a retrying server may send, some of them again and again across the tries. */
    static Optional<String> idempotencyKey(HostileInputs random) {
        return random.optional(0.5, () -> random.oneOf(
                () -> random.pick("retry-1", "retry-2", random.reusedUuid().toString()),
                () -> random.string(0, 140, Nasty.ASCII),
                () -> random.filtered(() -> Nasty.text(random),
                        t -> t.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c > 0xff)
                                && t.chars().noneMatch(c -> Character.isSurrogate((char) c)))));
    }

    static String ticketId(HostileInputs random) {
        return random.frequency(weight(5, () -> "existing"),
                weight(1, () -> random.uuid().toString()),
                weight(2, () -> random.pick("0", "-1", "null", "%00", "%2e%2e", "%25", "..%2f", "%F0%9F%98%80",
                        "00000000-0000-0000-0000-000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "1-1-1-1-1",
                        random.reusedUuid() + "x", "%E2%80%AE", "%C0%AF", "%ff%fe")));
    }

    static String readPath(HostileInputs random) {
        Supplier<String> segment = () -> random.pick("0", "-1", "x", "%00", "%2e%2e", "%252e", "%C0%AF", "%ff",
                "%E5%AD%97", "%20", "a%2Fb", "..", ".", "%3Cscript%3E", random.reusedUuid().toString(), "",
                ";jsessionid=x", "a".repeat(300));
        Supplier<String> query = () -> random.pick("", "?page=0&size=20", "?page=-1", "?page=999999999999",
                "?size=0", "?size=101", "?size=abc", "?page=1.5", "?page=&size=", "?page=0&page=1", "?%25zz=1",
                "?size=%00", "?page=%E5%AD%97", "?size=2147483648", "?x=" + "y".repeat(2000));
        return random.oneOf(
                () -> "/api/v1/tickets/" + segment.get() + query.get(),
                () -> "/api/v1/players/" + segment.get() + "/tickets" + query.get(),
                () -> "/api/v1/" + segment.get() + "/" + segment.get() + query.get(),
                () -> "/api/v1/tickets/" + segment.get() + "/messages" + query.get(),
                () -> "/api/v1/tickets" + query.get(),
                () -> "/api/v1" + query.get());
    }

    static List<String> authorizations(HostileInputs random) {
        return random.listOf(0, 2, () -> random.pick("Bearer {key}", "bearer {key}", "Bearer  {key} ", "Bearer",
                "Bearer ", "Basic eDp5", "Bearer {key}x", "Bearer " + "k".repeat(500), "Bearer \u00e9\u00e8", "{key}"));
    }
}
