package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.IssuedApiKey;
import org.playerdesk.channel.api.GameApiCalls.Stored;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Reporting a ticket through the game API, and every way a report can be refused. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class OpenTicketApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcTemplate jdbc;

    GameInfo game;
    GameApiCalls api;

    @BeforeEach
    void freshGame() {
        game = workspace.game();
        api = new GameApiCalls(mvc, workspace.apiKey(game));
    }

    @Test
    void opensTicketAndAnswersWithItAndItsLocation() throws Exception {
        String answer = api.open("""
                {"player": {"accountId": "10086", "nickname": "风之子", "server": "S12", "role": "法师"},
                 "type": "payment", "subject": "充值未到账", "message": "充值 648 元后钻石没有到账。",
                 "contactEmail": "wind@example.com",
                 "metadata": {"clientVersion": "2.3.1", "device": "iPhone 15", "zone": "华东一区"}}
                """)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/tickets/")))
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.status").value("new"))
                .andExpect(jsonPath("$.type").value("payment"))
                .andExpect(jsonPath("$.channel").value("in_game"))
                .andExpect(jsonPath("$.priority").value("normal"))
                .andExpect(jsonPath("$.subject").value("充值未到账"))
                .andExpect(jsonPath("$.player.accountId").value("10086"))
                .andExpect(jsonPath("$.player.nickname").value("风之子"))
                .andExpect(jsonPath("$.player.server").value("S12"))
                .andExpect(jsonPath("$.tags").isEmpty())
                .andExpect(jsonPath("$.metadata.clientVersion").value("2.3.1"))
                .andExpect(jsonPath("$.metadata.zone").value("华东一区"))
                .andExpect(jsonPath("$.createdAt").isString())
                .andExpect(jsonPath("$.messages[0].authorKind").value("player"))
                .andExpect(jsonPath("$.messages[0].body").value("充值 648 元后钻石没有到账。"))
                .andReturn().getResponse().getHeader("Location");

        String id = answer.substring("/api/v1/tickets/".length());
        api.ticket(id).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.player.accountId").value("10086"));
    }

    @Test
    void takesChannelAndPriorityWhenGiven() throws Exception {
        api.open("""
                {"player": {"accountId": "p1"}, "type": "cheat_report", "subject": "外挂", "message": "有人开挂",
                 "channel": "web", "priority": "high"}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("web"))
                .andExpect(jsonPath("$.priority").value("high"))
                .andExpect(jsonPath("$.player.nickname").doesNotExist());
    }

    @Test
    void namesEveryMissingField() throws Exception {
        api.open("{}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("player", "type", "subject", "message")));
    }

    @Test
    void namesEveryBlankField() throws Exception {
        api.open("""
                {"player": {"accountId": "  "}, "type": "", "subject": " ", "message": "\\n"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field",
                        containsInAnyOrder("player.accountId", "type", "subject", "message")));
    }

    @Test
    void refusesFieldsItDoesNotKnowByName() throws Exception {
        api.open("""
                {"player": {"accountId": "p1", "acount": "x"}, "type": "bug", "subjet": "typo",
                 "subject": "s", "message": "m"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("subjet", "player.acount")));
    }

    @Test
    void unknownTypeListsTheValidOnes() throws Exception {
        api.open(GameApiCalls.ticketJson("p1", "bgu"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message", containsString("“bgu”")))
                .andExpect(jsonPath("$.errors[0].message", containsString("consultation")))
                .andExpect(jsonPath("$.errors[0].message", containsString("ban_appeal")));
    }

    @Test
    void namesBadPriorityAndChannel() throws Exception {
        api.open("""
                {"player": {"accountId": "p1"}, "type": "bug", "subject": "s", "message": "m",
                 "priority": "asap", "channel": "pigeon"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("priority", "channel")))
                .andExpect(jsonPath("$.errors[?(@.field == 'priority')].message", hasItem(containsString("urgent"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'channel')].message", hasItem(containsString("in_game"))));
    }

    @Test
    void refusesTooLongSubjectAndControlCharacters() throws Exception {
        api.openIn("""
                {"player": {"accountId": "p1\\u0007"}, "type": "bug", "subject": "%s",
                 "message": "hello\\u0000world", "metadata": {"device": "a\\u001bb"}}
                """.formatted("长".repeat(201)), "en-US,en;q=0.8")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'subject')].message",
                        hasItem("This is too long: at most 200 characters.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'message')].message",
                        hasItem("This contains invisible control characters.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'player.accountId')].message",
                        hasItem("This contains invisible control characters.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'metadata.device')].message",
                        hasItem("This contains invisible control characters.")));
    }

    @Test
    void fieldMessagesAndDetailFollowAcceptLanguage() throws Exception {
        String tooLong = """
                {"player": {"accountId": "p1"}, "type": "bug", "subject": "%s", "message": "m"}
                """.formatted("长".repeat(201));
        api.openIn(tooLong, "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message").value("内容过长：最多 200 个字符。"))
                .andExpect(jsonPath("$.detail").value("subject: 内容过长：最多 200 个字符。"));
        api.openIn(tooLong, "en")
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.detail").value("subject: This is too long: at most 200 characters."));
        api.open(tooLong)
                .andExpect(jsonPath("$.errors[0].message").value("内容过长：最多 200 个字符。"));
    }

    @Test
    void refusesBadContactEmailAndMetadataKeys() throws Exception {
        api.open("""
                {"player": {"accountId": "p1"}, "type": "bug", "subject": "s", "message": "m",
                 "contactEmail": "not-an-address", "metadata": {"bad key!": "x"}}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("contactEmail", "metadata")));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        api.open("{\"player\": {\"accountId\": \"p1\"}, \"type\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://playerdesk.org/problems/malformed-body"));
        api.openIn("", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The body is missing."));
        api.openIn("", "zh-CN")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("缺少请求体。"));
    }

    @Test
    void wrongJsonTypesNameTheField() throws Exception {
        api.open("""
                {"player": 5, "type": "bug", "subject": "s", "message": "m"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("player"));
        api.open("""
                {"player": {"accountId": "p1"}, "type": "bug", "subject": {"text": "s"}, "message": "m"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        api.open("""
                {"player": {"accountId": "p1"}, "type": "bug", "subject": "s", "message": "m", "metadata": ["a"]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("metadata"));
        api.open("""
                {"player": {"accountId": ["p1"]}, "type": "bug", "subject": "s", "message": "m"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("player.accountId"));
        api.open("""
                {"player": {"accountId": "p1"}, "type": true, "subject": 5, "message": "m",
                 "metadata": {"zone": 3}}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        api.open("""
                {"player": {"accountId": "p1"}, "type": "bug", "subject": "s", "message": "m", "metadata": {"zone": 3}}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("metadata.zone"));
        api.open("[1, 2]")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void deeplyNestedBodyIsABadRequest() throws Exception {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        api.open("{\"player\": {\"accountId\": \"p1\"}, \"extra\": " + deep + "}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.open("{\"metadata\": {\"a\": " + deep + "}}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void bodyOverTheLimitIsRefusedUnread() throws Exception {
        String huge = GameApiCalls.ticketJson("p1", "bug").replace("充值未到账", "x".repeat(300 * 1024));
        api.open(huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://playerdesk.org/problems/too-large"))
                .andExpect(jsonPath("$.status").value(413));
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + api.apiKey())
                        .contentType(MediaType.TEXT_PLAIN).content(GameApiCalls.ticketJson("p1", "bug")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + api.apiKey())
                        .content(GameApiCalls.ticketJson("p1", "bug")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void wrongMethodAndUnknownPathAreProblemsNotPages() throws Exception {
        mvc.perform(delete("/api/v1/tickets").header("Authorization", "Bearer " + api.apiKey()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + api.apiKey()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void refusesMissingWrongAndRevokedKeys() throws Exception {
        String body = GameApiCalls.ticketJson("p1", "bug");
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        new GameApiCalls(mvc, "pdk_not-a-key").open(body)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Basic " + api.apiKey())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());

        IssuedApiKey revoked = keys.create(game.id(), "old server", "test");
        new GameApiCalls(mvc, revoked.secret()).open(body).andExpect(status().isCreated());
        keys.revoke(revoked.id());
        new GameApiCalls(mvc, revoked.secret()).open(body)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void refusedReportsLeaveNothingBehind() throws Exception {
        api.open(GameApiCalls.ticketJson("p1", "bgu")).andExpect(status().isBadRequest());
        api.open(GameApiCalls.ticketJson("p2", "bgu"), "key-1").andExpect(status().isBadRequest());
        api.open(GameApiCalls.ticketJson("p3", "bug").replace("充值未到账", "a\\u0000b"), "key-2")
                .andExpect(status().isBadRequest());
        api.open(GameApiCalls.ticketJson("p4", "bug").replace("\"S12\"", "{}"), "key-3")
                .andExpect(status().isBadRequest());
        api.open(GameApiCalls.ticketJson("p5", "bug").replace("充值未到账", "x".repeat(300 * 1024)), "key-4")
                .andExpect(status().isContentTooLarge());
        api.open(GameApiCalls.ticketJson("p6", "bug"), "bad key").andExpect(status().isBadRequest());
        api.open(GameApiCalls.ticketJson("p7", "bug").replace("\"type\"", "\"tpye\""), "key-5")
                .andExpect(status().isBadRequest());

        assertThat(Stored.in(jdbc, game)).isEqualTo(new Stored(0, 0, 0, 0));
    }
}
