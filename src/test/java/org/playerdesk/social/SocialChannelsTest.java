package org.playerdesk.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.social.internal.ForumDesk;
import org.playerdesk.social.internal.Source;
import org.playerdesk.social.internal.SocialSources;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social channels end to end: each webhook refusing what is unsigned, wrongly signed or stale;
 * a post or message becoming a ticket of channel social and a later one continuing it; agents'
 * replies going back through a local stand-in of WeChat's, Discord's and a forum's APIs that
 * checks each call; the "answer on the platform" card where there is no way back; the forum desk
 * flagging a post, removing it on the platform and banning its author through the ladder.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class SocialChannelsTest {

    /** The stand-in of WeChat, Discord and a forum: answers as they do and keeps every call. */
    static final HttpServer PLATFORM;
    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final AtomicInteger TOKENS = new AtomicInteger();
    static final AtomicInteger REFUSE_MODERATION = new AtomicInteger();
    /** Queries (access_token=…) of tokens the stand-in no longer takes, as WeChat does once a newer one was issued. */
    static final Set<String> STALE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    record Call(String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static {
        try {
            PLATFORM = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        PLATFORM.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            CALLS.add(new Call(path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    body));
            if (path.equals("/cgi-bin/token")) {
                answer(exchange, 200, "{\"access_token\":\"TOKEN-" + TOKENS.incrementAndGet() + "\",\"expires_in\":7200}");
            } else if (path.equals("/cgi-bin/message/custom/send") && body.contains("超过时限")) {
                answer(exchange, 200, "{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}");
            } else if (path.equals("/cgi-bin/message/custom/send") && STALE.contains(exchange.getRequestURI().getRawQuery())) {
                answer(exchange, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
            } else if (path.equals("/cgi-bin/message/custom/send")) {
                answer(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            } else if (path.startsWith("/forum/moderate") && REFUSE_MODERATION.get() > 0) {
                REFUSE_MODERATION.decrementAndGet();
                answer(exchange, 503, "busy");
            } else {
                answer(exchange, 200, "{}");
            }
        });
        PLATFORM.start();
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static String base() {
        return "http://127.0.0.1:" + PLATFORM.getAddress().getPort();
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry properties) {
        properties.add("playerdesk.social.wechat-base-url", SocialChannelsTest::base);
        properties.add("playerdesk.social.discord-base-url", () -> base() + "/api/v10");
    }

    @AfterAll
    static void stop() {
        PLATFORM.stop(0);
    }

    static final String FORUM_SECRET = "forum-secret-0123456789";
    static final String WECHAT_TOKEN = "wxPushToken42";

    @Autowired
    TestWorkspace workspace;
    @Autowired
    MockMvc mvc;
    @Autowired
    SocialSources sources;
    @Autowired
    ForumDesk forum;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    PlayerDirectory players;
    @Autowired
    Enforcement enforcement;
    @Autowired
    StoppedClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    // ---------------------------------------------------------------- the generic signed webhook

    Source forumSource(GameInfo game, String moderationUrl) {
        return sources.create(new SocialSources.Form(game.id(), "官方论坛", "generic", FORUM_SECRET, null, null, null,
                moderationUrl, true));
    }

    MockHttpServletRequestBuilder signedPost(Source source, String body, long timestamp, String secret) {
        String path = "/social/hooks/generic/" + source.id();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(timestamp);
        return post(path).contentType(MediaType.APPLICATION_JSON).content(bytes)
                .header(SignedRequests.TIMESTAMP, ts)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(secret, "POST", path, ts, bytes));
    }

    static String forumPost(String thread, String post, String author, String text, String replyUrl) {
        return """
                {"platform": "discuz", "kind": "post", "threadId": "%s", "postId": "%s",
                 "author": {"id": "%s", "name": "玩家%s"}, "text": "%s",
                 "url": "https://bbs.example.com/thread/%s#%s"%s}
                """.formatted(thread, post, author, author, text, thread, post,
                replyUrl == null ? "" : ", \"replyUrl\": \"" + replyUrl + "\"");
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    @Test
    void theGenericWebhookRefusesUnsignedWronglySignedAndStalePostsAndWritesNothing() throws Exception {
        GameInfo game = workspace.game();
        Source source = forumSource(game, null);
        String body = forumPost("t1", "p1", "u1", "充值没到账", null);

        mvc.perform(post("/social/hooks/generic/" + source.id()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(signedPost(source, body, now(), "another-secret-0123456789")).andExpect(status().isUnauthorized());
        mvc.perform(signedPost(source, body, now() - Duration.ofMinutes(10).toSeconds(), FORUM_SECRET))
                .andExpect(status().isUnauthorized());
        // signed for another body
        mvc.perform(signedPost(source, body, now(), FORUM_SECRET).content(body.replace("充值", "提现")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/social/hooks/generic/" + UUID.randomUUID()).content(body)).andExpect(status().isNotFound());

        assertThat(forum.posts(Set.of(game.id()), game.id(), null, null, 10)).isEmpty();
        assertThat(players.find(game.id(), "generic:u1")).isEmpty();

        // signed, but not a post: 400 naming the fields, nothing written
        mvc.perform(signedPost(source, "{\"threadId\": \"t1\"}", now(), FORUM_SECRET)).andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("postId")));
        assertThat(forum.posts(Set.of(game.id()), game.id(), null, null, 10)).isEmpty();
    }

    @Test
    void aForumPostOpensASocialTicketTheThreadContinuesItAndWithoutAReplyApiTheTicketSaysToAnswerOnThePlatform()
            throws Exception {
        GameInfo game = workspace.game();
        Source source = forumSource(game, null);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        String first = mvc.perform(signedPost(source, forumPost("t7", "p1", "u7", "充值没到账", null), now(), FORUM_SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opened").value(true))
                .andReturn().getResponse().getContentAsString();
        long number = json.readTree(first).path("ticketNumber").asLong();
        mvc.perform(signedPost(source, forumPost("t7", "p2", "u7", "订单号 123", null), now(), FORUM_SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.opened").value(false))
                .andExpect(jsonPath("$.ticketNumber").value(number));
        // the forum delivering p1 again: the same answer, nothing added
        mvc.perform(signedPost(source, forumPost("t7", "p1", "u7", "充值没到账", null), now(), FORUM_SECRET))
                .andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(true));

        TicketView ticket = onlyTicket(game, "generic:u7");
        assertThat(ticket.number()).isEqualTo(number);
        assertThat(ticket.channel()).isEqualTo(TicketChannel.SOCIAL);
        assertThat(tickets.metadata(ticket.id())).containsEntry("social.platform", "generic")
                .containsEntry("social.thread", "t7").containsEntry("social.post", "p1")
                .containsEntry("social.network", "discuz");
        assertThat(tickets.messageBodies(ticket.id())).containsExactly("充值没到账", "订单号 123");
        assertThat(forum.posts(Set.of(game.id()), game.id(), null, null, 10)).hasSize(2);

        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "您好，已为您补发。", List.of(), null);
        String page = await().atMost(Duration.ofSeconds(20)).until(() -> mvc.perform(get("/console/tickets/{id}",
                ticket.id()).with(user(new StaffUser(agent, "")))).andReturn().getResponse().getContentAsString(),
                p -> p.contains("data-state=\"manual\""));
        assertThat(page).contains("data-testid=\"social-answer-on-platform\"",
                "https://bbs.example.com/thread/t7#p1");
        assertThat(CALLS).noneMatch(c -> c.body().contains("已为您补发"));
    }

    @Test
    void aPostWithAReplyCallbackGetsTheAgentsReplyThereSigned() throws Exception {
        GameInfo game = workspace.game();
        Source source = forumSource(game, null);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String callback = base() + "/forum/reply?thread=t9";
        mvc.perform(signedPost(source, forumPost("t9", "p1", "u9", "账号被盗", callback), now(), FORUM_SECRET))
                .andExpect(status().isOk());
        TicketView ticket = onlyTicket(game, "generic:u9");

        MessageView reply = desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "请提供注册邮箱。",
                List.of(), null);

        Call call = await().atMost(Duration.ofSeconds(20)).until(() -> CALLS.stream()
                .filter(c -> c.path().equals("/forum/reply") && c.body().contains("请提供注册邮箱")).findFirst()
                .orElse(null), c -> c != null);
        assertThat(SignedRequests.verify(FORUM_SECRET, "POST", "/forum/reply?thread=t9",
                call.header(SignedRequests.TIMESTAMP), call.body().getBytes(StandardCharsets.UTF_8),
                call.header(SignedRequests.SIGNATURE), clock.instant())).isTrue();
        assertThat(call.header(SignedRequests.IDEMPOTENCY_KEY)).isEqualTo(reply.id().toString());
        JsonNode sent = json.readTree(call.body());
        assertThat(sent.path("threadId").asString()).isEqualTo("t9");
        assertThat(sent.path("ticketNumber").asLong()).isEqualTo(ticket.number());
        await().atMost(Duration.ofSeconds(20)).until(() -> page(agent, ticket).contains("data-state=\"sent\""));
        assertThat(page(agent, ticket)).contains("data-testid=\"social-replies-back\"")
                .doesNotContain("data-testid=\"social-answer-on-platform\"");
        // an internal note stays inside
        desk.note(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "内部备注", List.of());
        assertThat(CALLS).noneMatch(c -> c.body().contains("内部备注"));
    }

    // ---------------------------------------------------------------- WeChat Official Account

    Source wechatSource(GameInfo game) {
        return sources.create(new SocialSources.Form(game.id(), "公众号", "wechat", WECHAT_TOKEN, "wx" + game.code(),
                "app-secret-" + game.code(), null, null, true));
    }

    static String sha1(String... parts) throws Exception {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
    }

    MockHttpServletRequestBuilder wechat(MockHttpServletRequestBuilder request, long timestamp, String token)
            throws Exception {
        String ts = Long.toString(timestamp);
        return request.param("signature", sha1(token, ts, "n0nce")).param("timestamp", ts).param("nonce", "n0nce");
    }

    static String text(String openId, String msgId, String content) {
        return """
                <xml><ToUserName><![CDATA[gh_123456]]></ToUserName><FromUserName><![CDATA[%s]]></FromUserName>
                <CreateTime>1764900000</CreateTime><MsgType><![CDATA[text]]></MsgType>
                <Content><![CDATA[%s]]></Content><MsgId>%s</MsgId></xml>
                """.formatted(openId, content, msgId);
    }

    @Test
    void weChatVerifiesTheUrlWithTheSortedSha1AndRefusesWrongOrStaleSignatures() throws Exception {
        GameInfo game = workspace.game();
        Source account = wechatSource(game);
        String url = "/social/hooks/wechat/" + account.id();

        mvc.perform(wechat(get(url), now(), WECHAT_TOKEN).param("echostr", "echo-4711"))
                .andExpect(status().isOk()).andExpect(content().string("echo-4711"));
        mvc.perform(get(url).param("echostr", "echo-4711")).andExpect(status().isUnauthorized());
        mvc.perform(wechat(get(url), now(), "wrongToken").param("echostr", "echo-4711"))
                .andExpect(status().isUnauthorized());
        mvc.perform(wechat(get(url), now() - 3600, WECHAT_TOKEN).param("echostr", "echo-4711"))
                .andExpect(status().isUnauthorized());

        String xml = text("oOpenId-unsigned", "1001", "你好");
        mvc.perform(post(url).contentType(MediaType.TEXT_XML).content(xml)).andExpect(status().isUnauthorized());
        mvc.perform(wechat(post(url), now(), "wrongToken").contentType(MediaType.TEXT_XML).content(xml))
                .andExpect(status().isUnauthorized());
        mvc.perform(wechat(post(url), now() - 3600, WECHAT_TOKEN).contentType(MediaType.TEXT_XML).content(xml))
                .andExpect(status().isUnauthorized());
        // an external entity is never read: the document is refused
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + text("oOpenId-xxe", "1002", "&x;").replace("<![CDATA[&x;]]>", "&x;");
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML).content(xxe))
                .andExpect(status().isBadRequest());
        assertThat(forum.posts(Set.of(game.id()), game.id(), null, null, 10)).isEmpty();
    }

    @Test
    void aWeChatTextOpensATicketTheConversationContinuesItAndTheAgentsReplyGoesThroughTheCustomerServiceApi()
            throws Exception {
        GameInfo game = workspace.game();
        Source account = wechatSource(game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String url = "/social/hooks/wechat/" + account.id();
        String openId = "oPlayer" + game.code();

        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "5001", "游戏闪退怎么办"))).andExpect(status().isOk())
                .andExpect(content().string("success"));
        // WeChat pushing the same MsgId again, then an image (acknowledged, not kept), then the next text
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "5001", "游戏闪退怎么办"))).andExpect(content().string("success"));
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "5002", "x").replace("<![CDATA[text]]>", "<![CDATA[image]]>")))
                .andExpect(content().string("success"));
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "5003", "安卓 14"))).andExpect(content().string("success"));

        TicketView ticket = onlyTicket(game, "wechat:" + openId);
        assertThat(ticket.channel()).isEqualTo(TicketChannel.SOCIAL);
        assertThat(tickets.messageBodies(ticket.id())).containsExactly("游戏闪退怎么办", "安卓 14");

        int tokensBefore = TOKENS.get();
        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "请清除缓存后重试。", List.of(), null);
        Call sent = awaitCall("/cgi-bin/message/custom/send", "请清除缓存后重试");
        Call token = CALLS.stream().filter(c -> c.path().equals("/cgi-bin/token")
                && c.query().contains("appid=wx" + game.code())).reduce((a, b) -> b).orElseThrow();
        assertThat(token.query()).contains("grant_type=client_credential", "secret=app-secret-" + game.code());
        String issued = "TOKEN-" + (tokensBefore + 1);
        assertThat(sent.query()).isEqualTo("access_token=" + issued);
        JsonNode body = json.readTree(sent.body());
        assertThat(body.path("touser").asString()).isEqualTo(openId);
        assertThat(body.path("msgtype").asString()).isEqualTo("text");
        assertThat(body.path("text").path("content").asString()).isEqualTo("请清除缓存后重试。");

        // within its two hours the token is used again; after them a fresh one is fetched
        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "第二条答复", List.of(), null);
        assertThat(awaitCall("/cgi-bin/message/custom/send", "第二条答复").query()).isEqualTo("access_token=" + issued);
        clock.shift(Duration.ofHours(2));
        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "第三条答复", List.of(), null);
        String fresh = awaitCall("/cgi-bin/message/custom/send", "第三条答复").query();
        assertThat(fresh).startsWith("access_token=TOKEN-").isNotEqualTo("access_token=" + issued);
    }

    @Test
    void aRefusedWeChatReplyIsShownOnTheTicketAStaleTokenIsReplacedAndAClosedConversationGoesOnInANewTicket()
            throws Exception {
        GameInfo game = workspace.game();
        Source account = wechatSource(game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor me = Actor.agent(agent.id(), agent.displayName());
        String url = "/social/hooks/wechat/" + account.id();
        String openId = "oLate" + game.code();
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "7001", "礼包码无效"))).andExpect(content().string("success"));
        TicketView ticket = onlyTicket(game, "wechat:" + openId);

        desk.reply(ticket.id(), me, "回复超过时限", List.of(), null);
        awaitCall("/cgi-bin/message/custom/send", "回复超过时限");
        String page = await().atMost(Duration.ofSeconds(20)).until(() -> page(agent, ticket),
                p -> p.contains("data-state=\"failed\""));
        assertThat(page).contains("45015", "response out of time limit");

        // WeChat no longer takes the token this node holds: a new one is fetched and the reply sent with it
        Call used = CALLS.stream().filter(c -> c.path().equals("/cgi-bin/message/custom/send")
                && c.body().contains("回复超过时限")).findFirst().orElseThrow();
        STALE.add(used.query());
        desk.reply(ticket.id(), me, "请重新输入礼包码", List.of(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> CALLS.stream().filter(c -> c.path()
                .equals("/cgi-bin/message/custom/send") && c.body().contains("请重新输入礼包码")).count() == 2);
        assertThat(CALLS.stream().filter(c -> c.path().equals("/cgi-bin/message/custom/send")
                && c.body().contains("请重新输入礼包码")).map(Call::query).toList())
                .containsExactly(used.query(), "access_token=TOKEN-" + TOKENS.get());
        await().atMost(Duration.ofSeconds(20)).until(() -> page(agent, ticket).split("data-state=\"sent\"").length == 2);

        desk.changeStatus(ticket.id(), org.playerdesk.ticket.TicketStatus.RESOLVED, me);
        desk.changeStatus(ticket.id(), org.playerdesk.ticket.TicketStatus.CLOSED, me);
        mvc.perform(wechat(post(url), now(), WECHAT_TOKEN).contentType(MediaType.TEXT_XML)
                .content(text(openId, "7002", "又遇到新问题"))).andExpect(content().string("success"));
        UUID player = players.find(game.id(), "wechat:" + openId).orElseThrow().id();
        List<TicketView> both = tickets.byPlayer(game.id(), player, 10);
        assertThat(both).hasSize(2);
        TicketView next = both.stream().filter(t -> !t.id().equals(ticket.id())).findFirst().orElseThrow();
        assertThat(tickets.messageBodies(next.id())).containsExactly("又遇到新问题");
        desk.reply(next.id(), me, "新问题的答复", List.of(), null);
        assertThat(json.readTree(awaitCall("/cgi-bin/message/custom/send", "新问题的答复").body()).path("touser")
                .asString()).isEqualTo(openId);
    }

    // ---------------------------------------------------------------- Discord interactions

    record DiscordApp(Source source, KeyPair keys) {
    }

    DiscordApp discordSource(GameInfo game, String botToken) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = keys.getPublic().getEncoded();
        String raw = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        Source source = sources.create(new SocialSources.Form(game.id(), "Discord 服务器", "discord", null,
                "1234567890123", botToken, raw, null, true));
        return new DiscordApp(source, keys);
    }

    MockHttpServletRequestBuilder interaction(DiscordApp app, String body, long timestamp, KeyPair signer)
            throws Exception {
        String ts = Long.toString(timestamp);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(signer.getPrivate());
        signature.update(ts.getBytes(StandardCharsets.UTF_8));
        signature.update(body.getBytes(StandardCharsets.UTF_8));
        return post("/social/hooks/discord/" + app.source().id()).contentType(MediaType.APPLICATION_JSON)
                .content(body).header("X-Signature-Timestamp", ts)
                .header("X-Signature-Ed25519", HexFormat.of().formatHex(signature.sign()));
    }

    static String command(String id, String token, String text) {
        return """
                {"type": 2, "id": "%s", "application_id": "1234567890123", "token": "%s", "guild_id": "42",
                 "channel_id": "777", "member": {"user": {"id": "9001", "username": "raider", "global_name": "Raider"}},
                 "data": {"name": "support", "options": [{"name": "message", "type": 3, "value": "%s"}]}}
                """.formatted(id, token, text);
    }

    @Test
    void discordPingIsAnsweredWithPongAndUnsignedWronglySignedOrStaleInteractionsAreRefused() throws Exception {
        GameInfo game = workspace.game();
        DiscordApp app = discordSource(game, null);
        String ping = "{\"type\": 1, \"id\": \"1\", \"application_id\": \"1234567890123\"}";

        mvc.perform(interaction(app, ping, now(), app.keys())).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value(1));
        mvc.perform(post("/social/hooks/discord/" + app.source().id()).contentType(MediaType.APPLICATION_JSON)
                .content(ping)).andExpect(status().isUnauthorized());
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        mvc.perform(interaction(app, ping, now(), other)).andExpect(status().isUnauthorized());
        mvc.perform(interaction(app, ping, now() - 3600, app.keys())).andExpect(status().isUnauthorized());
        mvc.perform(interaction(app, command("c1", "tok", "我被封号了"), now(), other))
                .andExpect(status().isUnauthorized());
        assertThat(forum.posts(Set.of(game.id()), game.id(), null, null, 10)).isEmpty();
    }

    @Test
    void aDiscordCommandOpensATicketAndTheAgentsReplyIsAFollowUpThenAChannelMessageOnceTheTokenExpired()
            throws Exception {
        GameInfo game = workspace.game();
        DiscordApp app = discordSource(game, "bot-token-secret");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        mvc.perform(interaction(app, command("int-1", "interaction-token-1", "活动奖励没有发放"), now(), app.keys()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.type").value(4))
                .andExpect(jsonPath("$.data.flags").value(64))
                .andExpect(jsonPath("$.data.content").value(org.hamcrest.Matchers.containsString("#")));
        TicketView ticket = onlyTicket(game, "discord:9001");
        assertThat(ticket.channel()).isEqualTo(TicketChannel.SOCIAL);
        mvc.perform(interaction(app, command("int-2", "interaction-token-2", "角色名 Raider"), now(), app.keys()))
                .andExpect(status().isOk());
        // the interaction's token is sealed in the thread's row (docs/audit.md, secrets at rest)
        assertThat(jdbc.sql("select reply_token from social_thread where ticket_id = ?").param(ticket.id())
                .query(String.class).single()).startsWith("enc:").doesNotContain("interaction-token");
        // a select menu under the bot's message continues the same conversation
        String component = """
                {"type": 3, "id": "int-3", "application_id": "1234567890123", "token": "interaction-token-2",
                 "guild_id": "42", "channel_id": "777", "member": {"user": {"id": "9001", "username": "raider"}},
                 "data": {"custom_id": "server", "component_type": 3, "values": ["S3 风暴"]}}
                """;
        mvc.perform(interaction(app, component, now(), app.keys())).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value(4));
        assertThat(onlyTicket(game, "discord:9001").id()).isEqualTo(ticket.id());
        assertThat(tickets.messageBodies(ticket.id())).containsExactly("活动奖励没有发放", "角色名 Raider", "S3 风暴");

        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "奖励已补发。", List.of(), null);
        Call followUp = awaitCall("/api/v10/webhooks/1234567890123/interaction-token-2", "奖励已补发");
        assertThat(followUp.header("Authorization")).isNull();
        assertThat(json.readTree(followUp.body()).path("content").asString()).isEqualTo("奖励已补发。");

        clock.shift(Duration.ofMinutes(20));
        desk.reply(ticket.id(), Actor.agent(agent.id(), agent.displayName()), "还有问题吗？", List.of(), null);
        Call message = awaitCall("/api/v10/channels/777/messages", "还有问题吗");
        assertThat(message.header("Authorization")).isEqualTo("Bot bot-token-secret");
    }

    // ---------------------------------------------------------------- the forum desk

    @Test
    void theForumDeskFlagsAnAdvertisingPostRemovesItOnThePlatformAndBansItsAuthorThroughTheLadder()
            throws Exception {
        GameInfo game = workspace.simulatedGame();
        Source source = forumSource(game, base() + "/forum/moderate");
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);
        StaffUser me = new StaffUser(gm, "");
        mvc.perform(signedPost(source, forumPost("ad1", "p1", "spam01", "低价金币 加QQ 123456", null), now(),
                FORUM_SECRET)).andExpect(status().isOk());
        ForumDesk.Post post = forum.posts(Set.of(game.id()), game.id(), null, null, 10).get(0);

        String page = mvc.perform(get("/console/forum").param("game", game.id().toString()).with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"forum-post\"", "低价金币");

        mvc.perform(post("/console/forum/posts/{id}/flag", post.id()).param("flag", "advertising").with(user(me))
                .with(csrf())).andExpect(flash().attribute("notice", "social.notice.flagged"));
        // the platform refuses once: recorded, the post stays; the second time it is removed there
        REFUSE_MODERATION.set(1);
        mvc.perform(post("/console/forum/posts/{id}/remove", post.id()).with(user(me)).with(csrf()))
                .andExpect(flash().attribute("notice", "social.notice.removalFailed"));
        mvc.perform(post("/console/forum/posts/{id}/remove", post.id()).param("note", "广告").with(user(me))
                .with(csrf())).andExpect(flash().attribute("notice", "social.notice.removed"));
        Call removal = CALLS.stream().filter(c -> c.path().equals("/forum/moderate")).reduce((a, b) -> b).orElseThrow();
        assertThat(json.readTree(removal.body()).path("postId").asString()).isEqualTo("p1");
        assertThat(SignedRequests.verify(FORUM_SECRET, "POST", "/forum/moderate", removal.header(SignedRequests.TIMESTAMP),
                removal.body().getBytes(StandardCharsets.UTF_8), removal.header(SignedRequests.SIGNATURE),
                clock.instant())).isTrue();

        // a ban needs the author's game account
        mvc.perform(post("/console/forum/posts/{id}/violation", post.id()).param("type", "advertising")
                .with(user(me)).with(csrf())).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/console/forum/posts/{id}/link", post.id()).param("account", "10050").with(user(me))
                .with(csrf())).andExpect(flash().attribute("notice", "social.notice.linked"));
        mvc.perform(post("/console/forum/posts/{id}/violation", post.id()).param("type", "advertising")
                .param("severity", "normal").with(user(me)).with(csrf()))
                .andExpect(flash().attribute("notice", "social.notice.violation"));

        ViolationView violation = enforcement.history(game.id(), "10050").get(0);
        assertThat(violation.typeCode()).isEqualTo("advertising");
        assertThat(violation.penalty()).isEqualTo(Penalty.BAN);
        assertThat(violation.actionId()).isNotNull();
        ForumDesk.Post after = forum.posts(Set.of(game.id()), game.id(), null, "advertising", 10).get(0);
        assertThat(after.removed()).isTrue();
        assertThat(after.linkedAccount()).isEqualTo("10050");
        assertThat(after.history()).extracting(ForumDesk.Action::action).containsExactly("flagged", "removal_failed",
                "removed_on_platform", "linked", "violation");
        assertThat(after.history()).allSatisfy(a -> assertThat(a.staffName()).isEqualTo(gm.displayName()));

        // someone serving other games sees none of it and can do nothing to it
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        mvc.perform(post("/console/forum/posts/{id}/flag", post.id()).param("flag", "normal")
                .with(user(new StaffUser(stranger, ""))).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void administratorsConfigureSourcesAndTheirSecretsAreNeverShown() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        mvc.perform(post("/console/admin/social").param("game", game.id().toString()).param("name", "贴吧")
                .param("platform", "generic").param("secret", "short").param("enabled", "true")
                .with(user(admin)).with(csrf())).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/console/admin/social").param("game", game.id().toString()).param("name", "贴吧")
                .param("platform", "generic").param("secret", "a-long-enough-secret-42").param("enabled", "true")
                .with(user(admin)).with(csrf())).andExpect(flash().attribute("notice", "social.notice.saved"));
        String page = mvc.perform(get("/console/admin/social").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("贴吧", "/social/hooks/generic/").doesNotContain("a-long-enough-secret-42");

        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        mvc.perform(get("/console/admin/social").with(user(agent))).andExpect(status().isForbidden());
    }

    // ----------------------------------------------------------------

    TicketView onlyTicket(GameInfo game, String account) {
        UUID player = players.find(game.id(), account).orElseThrow().id();
        List<TicketView> found = tickets.byPlayer(game.id(), player, 10);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    String page(StaffMember agent, TicketView ticket) throws Exception {
        return mvc.perform(get("/console/tickets/{id}", ticket.id()).with(user(new StaffUser(agent, ""))))
                .andReturn().getResponse().getContentAsString();
    }

    static Call awaitCall(String path, String containing) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> CALLS.stream()
                .filter(c -> c.path().equals(path) && c.body().contains(containing)).findFirst().orElse(null),
                c -> c != null);
    }

}
