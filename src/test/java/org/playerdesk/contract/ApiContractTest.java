package org.playerdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.announcement.AnnouncementDraft;
import org.playerdesk.announcement.Announcements;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.Departments;
import org.playerdesk.department.Transfers;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.Incidents;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeImport;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the API document, called on the running application with representative
 * good and bad requests, and every answer checked against the document the application serves
 * ({@code /v3/api-docs}): its status must be declared for the operation, its content type too,
 * and its body must match the schema, with no property the document does not name. The game API
 * (every {@code /api/v1} operation), the help center's suggestions, the live chat's player API and
 * the department answer URL; and the department webhook PlayerDesk sends, checked against its own
 * published document (docs/department-webhooks.openapi.yaml) as a local stand-in receives it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "playerdesk.surveys.sweep-interval=1s")
@Import(TestWorkspace.class)
class ApiContractTest {

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    static final String JSON = "application/json";

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ChatRulebook chatRules;
    @Autowired
    KnowledgeImport knowledge;
    @Autowired
    Departments departments;
    @Autowired
    Transfers transfers;
    @Autowired
    JsonMapper json;
    @Autowired
    Announcements announcements;
    @Autowired
    Incidents incidents;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiContract api;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        api = OpenApiContract.ofJson("the API document", document.body());
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        gameApi();
        surveys();
        privacyRequests();
        helpCenter();
        playerChat();
        departmentAnswers();

        assertThat(api.unexercised(false)).as("operations no answer was checked of").isEmpty();
        assertThat(api.seen()).as("answers checked").contains(
                "openTicket 201", "openTicket 400", "openTicket 401", "openTicket 413", "openTicket 415",
                "openTicket 422", "getTicket 200", "getTicket 400", "getTicket 404", "getTicket 406",
                "followUp 201", "followUp 404", "followUp 409", "playerTickets 200", "playerTickets 400",
                "listNotices 200", "listNotices 304", "listNotices 400", "listNotices 401", "suggestArticles 200", "suggestArticles 404",
                "startChat 201", "startChat 400", "startChat 403", "startChat 404", "chatState 200", "chatState 403",
                "sendChatImage 200", "sendChatImage 400", "chatImage 200", "chatImage 404", "endChat 200",
                "rateChat 200", "rateChat 400", "rateChat 409", "answerChatBot 200", "answerChatBot 400",
                "answerChatBot 403", "answerChatBot 409", "getSurvey 200", "getSurvey 404", "answerSurvey 201",
                "answerSurvey 400", "answerSurvey 403", "answerSurvey 404", "answerSurvey 409", "answerDepartmentQuestion 200",
                "answerDepartmentQuestion 400", "answerDepartmentQuestion 404", "answerDepartmentQuestion 409",
                "answerDepartmentQuestion 413", "answerDepartmentQuestion 415", "requestPlayerData 201",
                "requestPlayerData 400", "requestPlayerData 401", "requestPlayerData 422", "getPlayerDataRequest 200",
                "getPlayerDataRequest 400", "getPlayerDataRequest 404");
    }

    /** Every declared operation has a stable id, and every request body an example. */
    @Test
    void everyOperationHasAnIdAndEveryRequestBodyAnExample() {
        JsonNode document = api.document();
        assertThat(api.unknownKeywords()).isEmpty();
        assertThat(document.at("/info/contact/url").asString()).isNotBlank();
        assertThat(document.at("/info/license/name").asString()).isNotBlank();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            assertThat(op.path("operationId").asString()).as("%s %s", operation.getKey(), path.getKey())
                    .matches("[a-z][A-Za-z]+");
            op.path("requestBody").path("content").properties().forEach(media -> {
                if (media.getKey().endsWith("json")) {
                    assertThat(media.getValue().has("example") || media.getValue().has("examples"))
                            .as("an example of the body of %s", op.path("operationId").asString()).isTrue();
                }
            });
        }));
    }

    // ---------------------------------------------------------------------------------- game API

    private void gameApi() throws Exception {
        GameInfo game = workspace.game();
        String key = "Bearer " + workspace.apiKey(game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        // a player of whom the game sent nothing but the account id: no nulls in the answer
        Answer bare = call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON, """
                {"player": {"accountId": "10086"}, "type": "payment", "subject": "充值未到账",
                 "message": "充值 648 元后钻石没有到账。"}""");
        assertThat(bare.status()).isEqualTo(201);
        assertThat(bare.json().path("player").has("server")).isFalse();
        assertThat(bare.text()).doesNotContain("null");
        String id = bare.json().path("id").asString();
        String ticketPath = "/api/v1/tickets/" + id;
        assertThat(call("GET", ticketPath, Map.of("Authorization", key), null, null).json().path("player")
                .properties()).extracting(Map.Entry::getKey).containsExactly("accountId");

        Map<String, String> retried = Map.of("Authorization", key, "Idempotency-Key", UUID.randomUUID().toString());
        String full = """
                {"player": {"accountId": "10087", "nickname": "风之子", "server": "S12", "role": "法师"},
                 "type": "bug", "subject": "闪退", "message": "打开背包就闪退。", "channel": "in_game", "priority": "high",
                 "contactEmail": "wind@example.com", "metadata": {"clientVersion": "2.3.1"}}""";
        assertThat(call("POST", "/api/v1/tickets", retried, JSON, full).status()).isEqualTo(201);
        Answer replayed = call("POST", "/api/v1/tickets", retried, JSON, full);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(call("POST", "/api/v1/tickets", retried, JSON, full.replace("闪退", "卡顿")).status()).isEqualTo(422);

        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON, """
                {"player": {"accountId": ""}, "type": "bgu", "subject": " ", "message": "x"}""")
                .json().path("errors").size()).isEqualTo(3);
        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON, full.replace("\"type\"",
                "\"subjet\": \"typo\", \"type\"")).json().at("/errors/0/field").asString()).isEqualTo("subjet");
        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON, "{not json").json()
                .path("type").asString()).endsWith("/malformed-body");
        assertThat(call("POST", "/api/v1/tickets", Map.of(), JSON, full).status()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", "Bearer no-such-key"), JSON, full)
                .header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", key), "text/plain", "充值未到账").status())
                .isEqualTo(415);
        assertThat(call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON,
                full.replace("打开背包就闪退。", "长".repeat(300 * 1024))).status()).isEqualTo(413);

        assertThat(call("GET", "/api/v1/tickets/" + UUID.randomUUID(), Map.of("Authorization", key), null, null)
                .status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/tickets/not-a-uuid", Map.of("Authorization", key), null, null).status())
                .isEqualTo(400);
        assertThat(call("GET", ticketPath, Map.of("Authorization", key, "Accept", "text/html"), null, null).status())
                .isEqualTo(406);
        assertThat(call("GET", ticketPath, Map.of(), null, null).status()).isEqualTo(401);

        Answer followUp = call("POST", ticketPath + "/messages", Map.of("Authorization", key), JSON,
                "{\"message\": \"还是没有到账，请尽快处理。\"}");
        assertThat(followUp.status()).isEqualTo(201);
        assertThat(followUp.json().path("authorKind").asString()).isEqualTo("player");
        assertThat(call("POST", ticketPath + "/messages", Map.of("Authorization", key), JSON, "{\"message\": \" \"}")
                .status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/tickets/" + UUID.randomUUID() + "/messages", Map.of("Authorization", key),
                JSON, "{\"message\": \"在吗\"}").status()).isEqualTo(404);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        desk.changeStatus(UUID.fromString(id), TicketStatus.RESOLVED, actor);
        desk.changeStatus(UUID.fromString(id), TicketStatus.CLOSED, actor);
        assertThat(call("POST", ticketPath + "/messages", Map.of("Authorization", key), JSON, "{\"message\": \"在吗\"}")
                .json().path("code").asString()).isEqualTo("ticket.closed");

        Answer listed = call("GET", "/api/v1/players/10087/tickets?page=0&size=1", Map.of("Authorization", key), null,
                null);
        assertThat(listed.json().path("items").size()).isEqualTo(1);
        assertThat(listed.json().path("items").get(0).has("messages")).isFalse();
        assertThat(call("GET", "/api/v1/players/nobody/tickets", Map.of("Authorization", key), null, null).json()
                .path("items").size()).isZero();
        assertThat(call("GET", "/api/v1/players/10087/tickets?size=0&page=-1", Map.of("Authorization", key), null,
                null).status()).isEqualTo(400);

        assertThat(call("GET", "/api/v1/notices?lang=en", Map.of("Authorization", key), null, null).status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/v1/notices", Map.of(), null, null).status()).isEqualTo(401);
        // the feed with an outage notice and announcements of every shape: both languages, one only, maintenance
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        incidents.open(game.id(), new IncidentDraft("S12 登录故障", null, "S12", "S12 登录异常，正在修复。", null),
                Actor.agent(lead.id(), lead.displayName()));
        announcements.create(game.id(), new AnnouncementDraft("maintenance", "停服维护", "周四 6:00-10:00 停服维护。",
                "Maintenance", "Down on **Thursday**.", Instant.now().plusSeconds(86_400),
                Instant.now().plusSeconds(86_400 + 14_400), null, Instant.now().plusSeconds(7 * 86_400), true, false),
                true, lead);
        announcements.create(game.id(), new AnnouncementDraft("event_result", "冲级赛获奖名单", "恭喜以下玩家。", null, null,
                null, null, null, null, false, false), true, lead);
        Answer feed = call("GET", "/api/v1/notices?kind=all&lang=en&size=2", Map.of("Authorization", key), null, null);
        assertThat(feed.json().size()).isEqualTo(2);
        assertThat(feed.header("Link")).contains("page=1");
        assertThat(feed.text()).doesNotContain("null");
        assertThat(call("GET", "/api/v1/notices?kind=all&lang=en&size=2", Map.of("Authorization", key,
                "If-None-Match", feed.header("ETag")), null, null).status()).isEqualTo(304);
        assertThat(call("GET", "/api/v1/notices?kind=all&page=2&size=2", Map.of("Authorization", key), null, null)
                .json().size()).isZero();
        assertThat(call("GET", "/api/v1/notices?kind=bogus&page=x&size=1000", Map.of("Authorization", key), null, null)
                .json().path("errors").size()).isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------ surveys

    private void surveys() throws Exception {
        GameInfo game = workspace.game();
        String key = "Bearer " + workspace.apiKey(game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        // the game asks at once (an administrator's setting at /console/quality/surveys)
        jdbc.update("insert into survey_setting (help_center, game_api, email, live_chat, delay_minutes, valid_days, "
                + "question_zh, question_en, low_score, reasons, updated_at, game_id) values (true, true, true, true, 0, "
                + "7, '您对本次服务满意吗？', 'How satisfied are you?', 2, 'slow,not-solved', current_timestamp, ?)",
                game.id());
        Answer opened = call("POST", "/api/v1/tickets", Map.of("Authorization", key), JSON, """
                {"player": {"accountId": "30001"}, "type": "payment", "subject": "充值未到账", "message": "钻石没到账。"}""");
        String path = "/api/v1/tickets/" + opened.json().path("id").asString() + "/survey";
        assertThat(call("GET", path, Map.of("Authorization", key), null, null).status()).isEqualTo(404);
        desk.changeStatus(UUID.fromString(opened.json().path("id").asString()), TicketStatus.RESOLVED,
                Actor.agent(agent.id(), agent.displayName()));
        // asked by the next sweep
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> call("GET", path, Map.of("Authorization", key), null, null).status() == 200);
        Answer shown = call("GET", path, Map.of("Authorization", key, "Accept-Language", "en"), null, null);
        String token = shown.json().path("token").asString();
        assertThat(token).isNotBlank();

        assertThat(call("POST", path, Map.of("Authorization", key), JSON,
                "{\"token\": \"" + token + "\", \"score\": 6}").status()).isEqualTo(400);
        assertThat(call("POST", path, Map.of("Authorization", key), JSON,
                "{\"token\": \"forged-" + token + "\", \"score\": 4}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/tickets/" + UUID.randomUUID() + "/survey", Map.of("Authorization", key), JSON,
                "{\"token\": \"" + token + "\", \"score\": 4}").status()).isEqualTo(404);
        Answer answered = call("POST", path, Map.of("Authorization", key), JSON,
                "{\"token\": \"" + token + "\", \"score\": 4, \"comment\": \"很快\", \"reasons\": []}");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(call("POST", path, Map.of("Authorization", key), JSON,
                "{\"token\": \"" + token + "\", \"score\": 1}").status()).isEqualTo(409);
    }

    private void privacyRequests() throws Exception {
        GameInfo game = workspace.game();
        String key = "Bearer " + workspace.apiKey(game);
        String path = "/api/v1/privacy-requests";
        assertThat(call("POST", path, Map.of(), JSON, "{\"kind\": \"export\", \"accountId\": \"30002\"}").status())
                .isEqualTo(401);
        assertThat(call("POST", path, Map.of("Authorization", key), JSON, "{\"kind\": \"copy\", \"accountId\": \"\"}")
                .status()).isEqualTo(400);
        Answer made = call("POST", path, Map.of("Authorization", key, "Idempotency-Key", "privacy-1"), JSON,
                "{\"kind\": \"export\", \"accountId\": \"30002\"}");
        assertThat(made.status()).isEqualTo(201);
        assertThat(call("POST", path, Map.of("Authorization", key, "Idempotency-Key", "privacy-1"), JSON,
                "{\"kind\": \"erase\", \"accountId\": \"30002\"}").status()).isEqualTo(422);
        assertThat(call("GET", path + "/" + made.json().path("id").asString(), Map.of("Authorization", key), null, null)
                .status()).isEqualTo(200);
        assertThat(call("GET", path + "/not-an-id", Map.of("Authorization", key), null, null).status()).isEqualTo(400);
        assertThat(call("GET", path + "/" + UUID.randomUUID(), Map.of("Authorization", key), null, null).status())
                .isEqualTo(404);
    }

    // ------------------------------------------------------------------------------- help center

    private void helpCenter() throws Exception {
        GameInfo game = workspace.game();
        knowledge.publish(game.id(), "zh-CN", "充值", Audience.PUBLIC, false, "充值未到账怎么办",
                "请提供订单号，客服会为您补单。", "test");

        Answer found = call("GET", "/help/" + game.code() + "/articles/suggestions?q=" + encode("充值未到账"),
                Map.of("Accept", JSON), null, null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(1);
        assertThat(call("GET", "/help/" + game.code() + "/articles/suggestions", Map.of(), null, null).json().size())
                .isZero();
        assertThat(call("GET", "/help/no-such-game-" + UUID.randomUUID() + "/articles/suggestions?q=x",
                Map.of("Accept", JSON), null, null).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------------------------- live chat

    private void playerChat() throws Exception {
        GameInfo game = workspace.game();
        chatRules.configure(game.id(), null, true, null, null, null, null);
        GameInfo signedOnly = workspace.game();
        chatRules.configure(signedOnly.id(), "a-chat-secret-of-this-game-0123", false, null, null, null, null);

        Answer started = call("POST", "/chat/api/" + game.code() + "/chats", Map.of(), JSON, """
                {"guestName": "游客", "clientId": "c-1", "message": "充值 648 元没到账"}""");
        assertThat(started.status()).isEqualTo(201);
        String chat = started.json().path("chat").asString();
        String token = started.json().path("token").asString();
        assertThat(token).isNotBlank();
        Map<String, String> mine = Map.of("X-Chat-Token", token);

        assertThat(call("POST", "/chat/api/" + game.code() + "/chats", Map.of(), JSON,
                "{\"clientId\": \"c-2\", \"message\": \" \"}").status()).isEqualTo(400);
        assertThat(call("POST", "/chat/api/" + signedOnly.code() + "/chats", Map.of(), JSON,
                "{\"clientId\": \"c-3\", \"message\": \"hi\"}").json().path("code").asString())
                .isEqualTo("chat.identity.required");
        assertThat(call("POST", "/chat/api/no-such-game-" + UUID.randomUUID() + "/chats", Map.of(), JSON,
                "{\"clientId\": \"c-4\", \"message\": \"hi\"}").status()).isEqualTo(404);

        assertThat(call("GET", "/chat/api/chats/" + chat + "?after=0", mine, null, null).json().path("lines").size())
                .isEqualTo(1);
        assertThat(call("GET", "/chat/api/chats/" + chat, Map.of("X-Chat-Token", "wrong"), null, null).status())
                .isEqualTo(403);

        Answer image = multipart("/chat/api/chats/" + chat + "/images", mine, "shot.png", "image/png", PNG);
        assertThat(image.status()).isEqualTo(200);
        String imageId = image.json().path("imageId").asString();
        assertThat(multipart("/chat/api/chats/" + chat + "/images", mine, "notes.txt", "text/plain",
                "不是图片".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        Answer shown = call("GET", "/chat/api/chats/" + chat + "/images/" + imageId + "?token=" + encode(token),
                Map.of(), null, null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.contentType()).startsWith("image/png");
        assertThat(call("GET", "/chat/api/chats/" + chat + "/images/" + UUID.randomUUID() + "?token=" + encode(token),
                Map.of(), null, null).status()).isEqualTo(404);

        assertThat(call("POST", "/chat/api/chats/" + chat + "/rating", mine, JSON, "{\"score\": 5}").status())
                .as("not ended yet").isEqualTo(409);
        assertThat(call("POST", "/chat/api/chats/" + chat + "/end", mine, null, null).json().path("status").asString())
                .isEqualTo("ended");
        assertThat(call("POST", "/chat/api/chats/" + chat + "/rating", mine, JSON, "{\"score\": 6}").status())
                .isEqualTo(400);
        assertThat(call("POST", "/chat/api/chats/" + chat + "/rating", mine, JSON,
                "{\"score\": 5, \"comment\": \"很快\"}").json().path("rating").asInt()).isEqualTo(5);

        // a first message a published article answers: the bot's answer before the queue
        articles.publish(game, "zh-CN", "充值未到账怎么办", "请提供订单号。");
        Answer offered = call("POST", "/chat/api/" + game.code() + "/chats", Map.of(), JSON, """
                {"guestName": "游客", "clientId": "c-5", "message": "充值未到账怎么办"}""");
        assertThat(offered.json().path("status").asString()).isEqualTo("bot");
        String botChat = "/chat/api/chats/" + offered.json().path("chat").asString() + "/bot";
        Map<String, String> theirs = Map.of("X-Chat-Token", offered.json().path("token").asString());
        assertThat(call("POST", botChat, theirs, JSON, "{\"answer\": \"maybe\"}").status()).isEqualTo(400);
        assertThat(call("POST", botChat, Map.of("X-Chat-Token", "wrong"), JSON, "{\"answer\": \"agent\"}").status())
                .isEqualTo(403);
        assertThat(call("POST", botChat, theirs, JSON, "{\"answer\": \"solved\"}").json().path("status").asString())
                .isEqualTo("ended");
        assertThat(call("POST", botChat, theirs, JSON, "{\"answer\": \"agent\"}").status()).isEqualTo(409);
    }

    // ------------------------------------------------------------------ department webhook and answers

    private void departmentAnswers() throws Exception {
        OpenApiContract webhooks = OpenApiContract.ofFile(Path.of("docs/department-webhooks.openapi.yaml"));
        assertThat(webhooks.unknownKeywords()).isEmpty();
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        UUID ticket = workspace.ticket(game, "20001", "redemption").ticket().id();
        desk.assign(ticket, agent.id(), Actor.agent(agent.id(), agent.displayName()));
        String secret = "webhook-secret-of-operations";

        record Received(String method, String path, Map<String, String> headers, byte[] body) {
        }
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers,
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            DepartmentView operations = departments.create(new DepartmentForm(game.id(), "operations", "运营部",
                    "webhook", null, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/questions?team=ops",
                    secret, "24", false, true, Set.of()), admin);
            transfers.ask(ticket, operations.id(), "活动奖励是否已经全服发放？", agent);
            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        } finally {
            receiver.stop(0);
        }

        Received call = received.getFirst();
        webhooks.assertWebhookRequest("departmentQuestion", call.method(), call.path(), call.headers(),
                call.headers().get("Content-Type"), call.body());
        webhooks.assertWebhookAnswer("departmentQuestion", call.method(), 202, null, null);
        assertThat(SignedRequests.verify(secret, call.method(), call.path(), call.headers().get(SignedRequests.TIMESTAMP),
                call.body(), call.headers().get(SignedRequests.SIGNATURE), Instant.now())).isTrue();
        String answerPath = URI.create(json.readTree(call.body()).path("answerUrl").asString()).getPath();

        assertThat(call("POST", answerPath, Map.of(), JSON, "{\"answer\": \"  \"}").json().at("/errors/0/field")
                .asString()).isEqualTo("answer");
        assertThat(call("POST", answerPath, Map.of(), "text/plain", "已发放").status()).isEqualTo(415);
        assertThat(call("POST", answerPath, Map.of(), JSON, "{\"answer\": \"" + "长".repeat(70_000) + "\"}").status())
                .isEqualTo(413);
        assertThat(call("POST", "/department-answers/" + "x".repeat(24), Map.of(), JSON, "{\"answer\": \"已发放\"}")
                .status()).isEqualTo(404);
        Answer answered = call("POST", answerPath, Map.of(), JSON,
                "{\"answer\": \"已于今日 12:00 全服发放。\", \"answeredBy\": \"运营 小王\"}");
        assertThat(answered.json().path("state").asString()).isEqualTo("answered");
        assertThat(call("POST", answerPath, Map.of(), JSON, "{\"answer\": \"再答一次\"}").json().path("code").asString())
                .isEqualTo("department.answered");
    }

    // -------------------------------------------------------------------------------------- calls

    record Answer(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A call to the running application; its answer is checked against the document before it is returned. */
    private Answer call(String method, String path, Map<String, String> headers, String contentType, String body)
            throws Exception {
        return send(method, path, headers, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer multipart(String path, Map<String, String> headers, String fileName, String type, byte[] file)
            throws Exception {
        String boundary = "contract-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"clientId\"\r\n\r\nimg-1\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, headers, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private Answer send(String method, String path, Map<String, String> headers, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        all.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body(), response.headers());
        api.assertAnswer(method, path, answer.status(), answer.contentType(), answer.body());
        return answer;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
