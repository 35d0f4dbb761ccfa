package org.playerdesk.insight.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Developer digests end to end: the page of a period's groups, the mark "reported to developers"
 * and the ticket page's card, who may see them, the settings form's refusals in both languages,
 * and the scheduled digest by email (GreenMail) and signed webhook (a local HTTP server), retried
 * after a failure, with a clock the test moves.
 */
@SpringBootTest(properties = { "playerdesk.insight.digests.sweep-interval=1d",
        "playerdesk.insight.digests.attempt-pause=10ms", "playerdesk.insight.digests.retry-after=1h",
        "playerdesk.insight.digests.public-url=https://desk.example.com" })
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, DeveloperDigestsTest.Clocks.class })
class DeveloperDigestsTest {

    static final GreenMail MAIL = TestMail.started();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    GameCatalog games;
    @Autowired
    DigestSender sender;
    @Autowired
    StoppedClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    MockMvc mvc;

    record Lead(GameInfo game, StaffMember lead, StaffMember admin, List<UUID> crashes) {
    }

    /** A game with three login crashes (servers S1, S2, S1), an unrelated bug and a suggestion, all opened now. */
    Lead game() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        List<UUID> crashes = List.of(
                report(game, "p1", "S1", "bug", "登录后闪退", "一登录就闪退 <b>救命</b>"),
                report(game, "p2", "S2", "bug", "游戏登录时闪退", "登录时闪退，无法进入"),
                report(game, "p3", "S1", "bug", "登录闪退", "更新后登录闪退"));
        report(game, "p4", "S3", "bug", "背包打开卡死", "打开背包就卡死");
        report(game, "p5", "S1", "suggestion", "建议增加公会战奖励", "希望公会战奖励多一点");
        return new Lead(game, lead, admin, crashes);
    }

    UUID report(GameInfo game, String account, String server, String type, String subject, String message) {
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, server, null),
                type, null, null, subject, message, null, Map.of("clientVersion", "2.3.1", "device", "iPhone 15"),
                false), List.of());
        return opened.ticket().id();
    }

    String today(GameInfo game) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(games.profile(game.id()).timeZone())).toString();
    }

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    String page(Lead l, StaffMember who) throws Exception {
        return mvc.perform(get(DigestController.PAGE).param("game", l.game().code()).param("from", today(l.game()))
                .param("to", today(l.game())).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void thePageGroupsTheReportsAndAReportedGroupShowsOnItsTickets() throws Exception {
        Lead l = game();

        String page = page(l, l.lead());
        assertThat(page).contains("data-testid=\"digest-group\"", "data-count=\"3\"", "登录 · 闪退", "S1, S2",
                "2.3.1", "iPhone", "/console/tickets/" + l.crashes().getFirst())
                .contains("一登录就闪退 &lt;b&gt;救命&lt;/b&gt;").doesNotContain("<b>救命</b>");
        UUID groupId = UUID.fromString(page.split("data-count=\"3\"")[0]
                .replaceAll("(?s).*data-group=\"([0-9a-f-]{36})\".*", "$1"));

        mvc.perform(post(DigestController.PAGE + "/groups/{id}/reported", groupId).param("reference", "  ")
                .with(as(l.lead())).with(csrf())).andExpect(flash().attribute("problem", "缺陷单号：内容不能为空。"));
        mvc.perform(post(DigestController.PAGE + "/groups/{id}/reported", groupId).param("reference", "htp://jira/1")
                .with(as(l.lead())).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", "Tracker reference: This must be an http or https address."));
        mvc.perform(post(DigestController.PAGE + "/groups/{id}/reported", groupId).param("reference", "JIRA-123")
                .with(as(l.lead())).with(csrf())).andExpect(flash().attribute("notice", "insight.digest.notice.reported"));

        String ticket = mvc.perform(get("/console/tickets/{id}", l.crashes().get(1)).with(as(l.lead())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ticket).contains("data-testid=\"developer-report\"", "JIRA-123");
        assertThat(ticket.substring(ticket.indexOf("data-testid=\"developer-report\""))).doesNotContain("href=\"JIRA");

        mvc.perform(post(DigestController.PAGE + "/groups/{id}/reported", groupId).param("reference",
                "https://jira.example.com/browse/GAME-42?x=1&y=2").with(as(l.admin())).with(csrf()))
                .andExpect(flash().attribute("notice", "insight.digest.notice.reported"));
        ticket = mvc.perform(get("/console/tickets/{id}", l.crashes().get(2)).with(as(l.lead())))
                .andReturn().getResponse().getContentAsString();
        assertThat(ticket).contains("href=\"https://jira.example.com/browse/GAME-42?x=1&amp;y=2\"");

        // a digest run again keeps the group, and its mark
        assertThat(page(l, l.lead())).contains("data-group=\"" + groupId + "\"", "GAME-42");
        // a ticket of no reported group has no such card
        String other = mvc.perform(get("/console/tickets/{id}", report(l.game(), "p9", "S1", "bug", "掉线", "总是掉线"))
                .with(as(l.lead()))).andReturn().getResponse().getContentAsString();
        assertThat(other).doesNotContain("data-testid=\"developer-report\"");
    }

    @Test
    void onlyTheGamesSupervisorsAndAdministratorsSeeItsDigests() throws Exception {
        Lead l = game();
        GameInfo another = workspace.game();
        StaffMember otherLead = workspace.staff(StaffRole.SUPERVISOR, another);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, l.game());

        page(l, l.admin());
        mvc.perform(get(DigestController.PAGE).param("game", l.game().code()).with(as(otherLead)))
                .andExpect(status().isForbidden());
        mvc.perform(get(DigestController.PAGE).param("game", l.game().code()).with(as(agent)))
                .andExpect(status().isForbidden());
        mvc.perform(get(DigestController.PAGE + "/settings").param("game", l.game().code()).with(as(otherLead)))
                .andExpect(status().isForbidden());
        String page = page(l, l.lead());
        UUID groupId = UUID.fromString(page.replaceAll("(?s).*?data-group=\"([0-9a-f-]{36})\".*", "$1"));
        mvc.perform(post(DigestController.PAGE + "/groups/{id}/reported", groupId).param("reference", "BUG-7777")
                .with(as(otherLead)).with(csrf())).andExpect(status().isForbidden());
        assertThat(page(l, l.lead())).doesNotContain("BUG-7777");
    }

    @Test
    void badSettingsAreRefusedFieldByFieldInBothLanguages() throws Exception {
        Lead l = game();
        String chinese = mvc.perform(post(DigestController.PAGE + "/settings").param("game", l.game().code())
                .param("schedule", "hourly").param("recipients", "dev@example.com, not-an-email")
                .param("webhookUrl", "ftp://tracker").param("webhookSecret", "short").with(as(l.lead())).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("发送周期：请从选项中选择一项。", "邮件收件人：不是有效的电子邮箱地址。",
                "Webhook 地址：必须是 http 或 https 地址。", "Webhook 密钥：长度必须为 16 到 200 个字符。")
                .doesNotContain("value=\"short\"");
        String english = mvc.perform(post(DigestController.PAGE + "/settings").param("game", l.game().code())
                .param("schedule", "daily").param("recipients", "").param("webhookUrl", "")
                .with(as(l.lead())).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains(
                "Email recipients: A scheduled digest needs at least one email recipient or a webhook address.");
        String badPeriod = mvc.perform(get(DigestController.PAGE).param("game", l.game().code())
                .param("from", "2026-02-30").with(as(l.lead())).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(badPeriod).contains("data-testid=\"digest-errors\"", "Period:");
    }

    @Test
    void aDueDigestIsMailedAndPostedSignedOnceAndAFailedWebhookIsTriedAgain() throws Exception {
        String secret = "digest-webhook-secret-42";
        List<Captured> calls = new CopyOnWriteArrayList<>();
        AtomicBoolean refusing = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/digest", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Captured(exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst(SignedRequests.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(SignedRequests.SIGNATURE),
                    exchange.getRequestHeaders().getFirst(SignedRequests.IDEMPOTENCY_KEY), body));
            exchange.sendResponseHeaders(refusing.get() ? 503 : 202, -1);
            exchange.close();
        });
        server.start();
        try {
            // nine in the morning in the game's zone: the reports are of today, the digest due tomorrow at eight
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            ZonedDateTime now = clock.instant().atZone(zone);
            ZonedDateTime nine = now.toLocalDate().atTime(LocalTime.of(9, 0)).atZone(zone);
            clock.shift(Duration.between(now, nine.isAfter(now) ? nine : nine.plusDays(1)));
            Lead l = game();
            String recipient = TestWorkspace.unique("dev") + "@studio.example.com";
            mvc.perform(post(DigestController.PAGE + "/settings").param("game", l.game().code())
                    .param("schedule", "daily").param("recipients", recipient).param("language", "en")
                    .param("webhookUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/digest?team=qa")
                    .param("webhookSecret", secret).with(as(l.lead())).with(csrf()))
                    .andExpect(flash().attribute("notice", "insight.digest.notice.saved"));

            assertThat(sender.sendDue()).as("not due yet").isZero();
            clock.shift(Duration.ofDays(1));
            sender.sendDue();

            assertThat(calls).as("three attempts at once, all refused").hasSize(3);
            List<MimeMessage> mails = to(recipient);
            assertThat(mails).hasSize(1);
            String mail = (String) mails.getFirst().getContent();
            assertThat(mails.getFirst().getSubject()).contains("Bug reports and suggestions");
            String settings = mvc.perform(get(DigestController.PAGE + "/settings").param("game", l.game().code())
                    .with(as(l.lead()))).andReturn().getResponse().getContentAsString();
            assertThat(settings).contains("data-testid=\"digest-failure\"", "503").doesNotContain(secret);

            refusing.set(false);
            assertThat(sender.sendDue()).as("held until the retry").isZero();
            clock.shift(Duration.ofHours(1));
            assertThat(sender.sendDue()).isEqualTo(1);
            assertThat(to(recipient)).as("the email is not sent again").hasSize(1);
            assertThat(calls).hasSize(4);
            assertThat(sender.sendDue()).as("sent once").isZero();

            Captured call = calls.getLast();
            assertThat(call.path()).isEqualTo("/hooks/digest?team=qa");
            assertThat(call.idempotencyKey()).startsWith("digest:" + l.game().id());
            assertThat(SignedRequests.verify(secret, "POST", call.path(), call.timestamp(), call.body(),
                    call.signature(), clock.instant())).isTrue();
            JsonNode digest = json.readTree(call.body());
            assertThat(digest.get("event").asString()).isEqualTo("insight.digest");
            assertThat(digest.get("game").get("code").asString()).isEqualTo(l.game().code());
            JsonNode first = digest.get("groups").get(0);
            assertThat(first.get("count").asInt()).isEqualTo(3);
            assertThat(first.get("type").asString()).isEqualTo("bug");
            assertThat(first.get("servers").toString()).isEqualTo("[\"S1\",\"S2\"]");
            assertThat(first.get("sampleTickets").get(0).get("url").asString())
                    .isEqualTo("https://desk.example.com/console/tickets/" + l.crashes().getFirst());
            assertThat(mail).contains("5 reports", "登录 闪退", "S1, S2", "#");
            assertThat(mvc.perform(get(DigestController.PAGE + "/settings").param("game", l.game().code())
                    .with(as(l.lead()))).andReturn().getResponse().getContentAsString())
                    .doesNotContain("data-testid=\"digest-failure\"").contains("data-testid=\"digest-last\"");
        } finally {
            server.stop(0);
        }
    }

    private static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    record Captured(String path, String timestamp, String signature, String idempotencyKey, byte[] body) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}
