package org.playerdesk.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.department.internal.MailReplies;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transfer with a question, end to end: through the console (members), by email over a real
 * SMTP and IMAP server (GreenMail in this process), and by a signed webhook to a local HTTP
 * server; the deadline sweep with a clock the test moves; and what is refused.
 */
@SpringBootTest(properties = "playerdesk.departments.sweep-interval=1d") // the test sweeps when it wants
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, DepartmentTransferTest.Clocks.class })
class DepartmentTransferTest {

    static final String MAILBOX = "desk@playerdesk.test";
    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    static final GreenMail MAIL = new GreenMail(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });

    static {
        MAIL.start();
        MAIL.setUser(MAILBOX, "desk", "mailbox-password");
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("playerdesk.departments.mail.from", () -> MAILBOX);
        properties.add("playerdesk.departments.mail.imap.host", () -> "127.0.0.1");
        properties.add("playerdesk.departments.mail.imap.port", () -> IMAP_PORT);
        properties.add("playerdesk.departments.mail.imap.username", () -> "desk");
        properties.add("playerdesk.departments.mail.imap.password", () -> "mailbox-password");
        properties.add("playerdesk.departments.mail.imap.ssl", () -> false);
        properties.add("playerdesk.departments.public-url", () -> "https://desk.example.com/");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Departments departments;
    @Autowired
    Transfers transfers;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Notifications notifications;
    @Autowired
    MailReplies mailReplies;
    @Autowired
    FailedEventPublications failedEvents;
    @Autowired
    ShiftedClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    MockMvc mvc;

    /** A game with an agent holding a ticket, a department member, a lead and an administrator. */
    record Desk(GameInfo game, StaffMember agent, StaffMember member, StaffMember outsider, StaffMember lead,
            StaffMember admin, UUID ticketId) {
    }

    Desk desk() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        UUID ticketId = workspace.ticket(game, "20001", "redemption").ticket().id();
        desk.assign(ticketId, agent.id(), Actor.agent(agent.id(), agent.displayName()));
        return new Desk(game, agent, member, outsider, lead, admin, ticketId);
    }

    DepartmentView members(Desk d, String code, String name, int hours) {
        return departments.create(new DepartmentForm(d.game().id(), code, name, "members", null, null, null,
                String.valueOf(hours), false, true, Set.of(d.member().id())), d.admin());
    }

    static StaffUser as(StaffMember member) {
        return new StaffUser(member, "");
    }

    List<String> kinds(StaffMember member) {
        return notifications.recent(member.id(), 50).stream().map(NotificationView::kind).toList();
    }

    List<MessageView> notes(UUID ticketId) {
        return tickets.details(ticketId, true).messages().stream()
                .filter(m -> m.visibility() == Visibility.INTERNAL).toList();
    }

    @Test
    void aMemberAnswersInTheConsoleAndTheTicketGoesBackToItsAgent() throws Exception {
        Desk d = desk();
        DepartmentView fulfilment = members(d, "fulfilment", "发货/履约", 24);

        mvc.perform(post("/console/tickets/{id}/departments", d.ticketId()).param("department", fulfilment.id().toString())
                .param("question", "玩家兑换的手办是否已发货？快递单号是多少？").with(user(as(d.agent()))).with(csrf()))
                .andExpect(redirectedUrl("/console/tickets/" + d.ticketId()))
                .andExpect(flash().attribute("notice", "department.notice.asked"));

        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
        assertThat(tickets.details(d.ticketId(), true).history()).anySatisfy(h -> assertThat(h.newValue())
                .contains("发货/履约", "是否已发货"));
        RequestView asked = transfers.onTicket(d.ticketId()).getFirst();
        assertThat(asked.dueAt()).isEqualTo(asked.askedAt().plus(Duration.ofHours(24)));
        assertThat(kinds(d.member())).contains("department.question");

        String inbox = mvc.perform(get("/console/departments/inbox").with(user(as(d.member()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("data-testid=\"department-question\"", tickets.head(d.ticketId()).subject(),
                "玩家兑换的手办是否已发货", "/console/tickets/" + d.ticketId());
        assertThat(mvc.perform(get("/console/departments/inbox").with(user(as(d.outsider())))).andReturn()
                .getResponse().getContentAsString()).contains("department-inbox-empty");

        mvc.perform(post("/console/departments/requests/{id}/answer", asked.id()).param("answer", "已发货")
                .with(user(as(d.outsider()))).with(csrf())).andExpect(status().isForbidden());
        String refused = mvc.perform(post("/console/departments/requests/{id}/answer", asked.id()).param("answer", "  ")
                .with(user(as(d.member()))).with(csrf())).andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"field-error\"", "请填写答复");
        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.PENDING_INTERNAL);

        mvc.perform(post("/console/departments/requests/{id}/answer", asked.id())
                .param("answer", "已于11月20日发出，顺丰单号 SF1234567890。").with(user(as(d.member()))).with(csrf()))
                .andExpect(redirectedUrl("/console/departments/inbox"));

        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(notes(d.ticketId())).singleElement().satisfies(note -> {
            assertThat(note.body()).contains("发货/履约", "是否已发货", "SF1234567890");
            assertThat(note.authorName()).startsWith("发货/履约 · ");
        });
        assertThat(kinds(d.agent())).containsExactly("department.answer");
        assertThat(transfers.get(asked.id()).state()).isEqualTo(RequestState.ANSWERED);
        assertThat(transfers.worklist(d.member().id())).isEmpty();
        mvc.perform(post("/console/departments/requests/{id}/answer", asked.id()).param("answer", "再答一次")
                .with(user(as(d.member()))).with(csrf())).andExpect(flash().attributeExists("problem"));
        assertThat(notes(d.ticketId())).hasSize(1);

        String page = mvc.perform(get("/console/tickets/{id}", d.ticketId()).with(user(as(d.agent()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"department-panel\"", "data-state=\"answered\"", "SF1234567890");
    }

    @Test
    void aTicketAskedOfTwoDepartmentsOpensOnlyWhenBothAnswered() {
        Desk d = desk();
        DepartmentView technical = members(d, "technical", "技术部", 8);
        DepartmentView finance = members(d, "finance", "财务部", 24);
        RequestView toTechnical = transfers.ask(d.ticketId(), technical.id(), "服务器日志里能看到这笔兑换吗？", d.agent());
        RequestView toFinance = transfers.ask(d.ticketId(), finance.id(), "积分是否已扣除？", d.agent());

        assertThatThrownBy(() -> transfers.ask(d.ticketId(), technical.id(), "再问一次", d.agent()))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("department.transfer.open"));

        transfers.answerAsMember(toTechnical.id(), "日志显示兑换成功。", d.member());
        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
        transfers.answerAsMember(toFinance.id(), "积分已扣除 5000。", d.member());
        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(notes(d.ticketId())).hasSize(2);
        assertThat(kinds(d.agent())).containsExactly("department.answer", "department.answer");

        // answered, the department can be asked again
        transfers.ask(d.ticketId(), technical.id(), "能补发吗？", d.agent());
        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
    }

    @Test
    void anOverdueQuestionIsMarkedOnceAndItsPeopleAreTold() throws Exception {
        Desk d = desk();
        DepartmentView security = members(d, "security", "安全部", 2);
        RequestView asked = transfers.ask(d.ticketId(), security.id(), "这个登录 IP 是否在黑名单？", d.agent());

        clock.shift(Duration.ofHours(1));
        assertThat(transfers.markOverdue()).isZero();
        clock.shift(Duration.ofHours(1).plusMinutes(1));
        assertThat(transfers.markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(transfers.get(asked.id()).overdueAt()).isNotNull();
        assertThat(transfers.markOverdue()).isZero();

        assertThat(transfers.get(asked.id()).overdue()).isTrue();
        assertThat(kinds(d.member())).containsOnlyOnce("department.overdue");
        assertThat(kinds(d.agent())).containsOnlyOnce("department.overdue");
        assertThat(kinds(d.lead())).containsOnlyOnce("department.overdue");
        assertThat(kinds(d.outsider())).isEmpty();
        assertThat(mvc.perform(get("/console/departments/inbox").with(user(as(d.member())))).andReturn().getResponse()
                .getContentAsString()).contains("data-overdue=\"true\"");
        assertThat(mvc.perform(get("/console/tickets/{id}", d.ticketId()).with(user(as(d.agent())))).andReturn()
                .getResponse().getContentAsString()).contains("data-overdue=\"true\"");

        transfers.answerAsMember(asked.id(), "不在黑名单。", d.member());
        assertThat(transfers.get(asked.id()).overdue()).as("a late answer stays marked late").isTrue();
        assertThat(transfers.markOverdue()).isZero();

        // a question whose ticket was resolved meanwhile is marked, and nobody is chased about it
        RequestView forgotten = transfers.ask(d.ticketId(), security.id(), "还有别的异常登录吗？", d.agent());
        desk.changeStatus(d.ticketId(), TicketStatus.RESOLVED, Actor.agent(d.agent().id(), d.agent().displayName()));
        clock.shift(Duration.ofHours(3));
        assertThat(transfers.markOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(transfers.get(forgotten.id()).overdue()).isTrue();
        assertThat(kinds(d.lead())).containsOnlyOnce("department.overdue");
    }

    @Test
    void anEmailDepartmentGetsTheQuestionAndItsReplyInTheMailboxBecomesTheAnswer() throws Exception {
        Desk d = desk();
        String address = TestWorkspace.unique("tech") + "@dept.test";
        DepartmentView technical = departments.create(new DepartmentForm(d.game().id(), "technical", "技术部", "email",
                address, null, null, "8", false, true, Set.of()), d.admin());
        RequestView asked = transfers.ask(d.ticketId(), technical.id(), "副本第三层卡死是已知问题吗？", d.agent());

        MimeMessage sent = await().atMost(Duration.ofSeconds(20)).until(() -> received(address), m -> m != null);
        String subject = sent.getSubject();
        assertThat(subject).contains("技术部").containsPattern("\\[PD-REQ-[A-Za-z0-9_-]{24}\\]");
        assertThat(GreenMailUtil.getBody(sent)).isNotBlank();
        assertThat(new String(sent.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("副本第三层卡死是已知问题吗？", MailReplies.REPLY_ABOVE);
        assertThat(sent.getReplyTo()[0].toString()).isEqualTo(MAILBOX);
        await().atMost(Duration.ofSeconds(10)).until(() -> transfers.get(asked.id()).deliveredAt() != null);

        ServerSetup smtp = MAIL.getSmtp().getServerSetup();
        GreenMailUtil.sendTextEmail(MAILBOX, address, "Re: " + subject,
                "是已知问题，今晚 22:00 的热更新修复。\n\n在 2026年11月24日 写道：\n> " + MailReplies.REPLY_ABOVE
                        + "\n> 副本第三层卡死是已知问题吗？", smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, address, "Re: [PD-REQ-AAAAAAAAAAAAAAAAAAAAAAAA] 技术部", "不相干的回复",
                smtp);
        GreenMailUtil.sendTextEmail(MAILBOX, "someone@else.test", "Hello", "no token at all", smtp);
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessagesForDomain("playerdesk.test").length >= 3);

        MailReplies.Read read = mailReplies.read();
        assertThat(read.answered()).isEqualTo(1);
        assertThat(read.ignored()).isEqualTo(2);
        assertThat(mailReplies.read()).isEqualTo(new MailReplies.Read(0, 0));

        assertThat(notes(d.ticketId())).singleElement().satisfies(note -> {
            assertThat(note.body()).contains("今晚 22:00 的热更新修复").doesNotContain("> ");
            assertThat(note.authorName()).isEqualTo("技术部 · " + address);
        });
        assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(kinds(d.agent())).containsExactly("department.answer");
    }

    @Test
    void aWebhookDepartmentGetsASignedQuestionRetriedUntilTakenAndAnswersOnceThroughItsUrl() throws Exception {
        Desk d = desk();
        String secret = "webhook-secret-of-operations";
        List<Captured> calls = new CopyOnWriteArrayList<>();
        AtomicInteger refuseFirst = new AtomicInteger(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/questions", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Captured(exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst(SignedRequests.TIMESTAMP),
                    exchange.getRequestHeaders().getFirst(SignedRequests.SIGNATURE), body));
            exchange.sendResponseHeaders(refuseFirst.getAndDecrement() > 0 ? 503 : 202, -1);
            exchange.close();
        });
        server.start();
        try {
            DepartmentView operations = departments.create(new DepartmentForm(d.game().id(), "operations", "运营部",
                    "webhook", null, "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/questions?team=ops",
                    secret, "24", false, true, Set.of()), d.admin());
            assertThat(operations.hasSecret()).isTrue();
            RequestView asked = transfers.ask(d.ticketId(), operations.id(), "活动奖励是否已经全服发放？", d.agent());

            await().atMost(Duration.ofSeconds(20)).until(() -> calls.size() >= 1);
            assertThat(transfers.get(asked.id()).deliveredAt()).as("refused with 503").isNull();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                failedEvents.resubmit(ResubmissionOptions.defaults());
                assertThat(transfers.get(asked.id()).deliveredAt()).isNotNull();
            });

            Captured call = calls.getLast();
            assertThat(call.path()).isEqualTo("/hooks/questions?team=ops");
            assertThat(SignedRequests.verify(secret, "POST", call.path(), call.timestamp(), call.body(),
                    call.signature(), Instant.now())).isTrue();
            assertThat(SignedRequests.verify("another-secret-entirely", "POST", call.path(), call.timestamp(),
                    call.body(), call.signature(), Instant.now())).isFalse();
            JsonNode question = json.readTree(call.body());
            assertThat(question.get("question").asString()).isEqualTo("活动奖励是否已经全服发放？");
            assertThat(question.get("ticket").get("id").asString()).isEqualTo(d.ticketId().toString());
            String answerUrl = question.get("answerUrl").asString();
            assertThat(answerUrl).startsWith("https://desk.example.com/department-answers/");
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
            String path = URI.create(answerUrl).getPath();

            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"  \"}"))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"));
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("[\"not an object\""))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("answer"));
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answer\": \"" + "长".repeat(70_000) + "\"}")).andExpect(status().isPayloadTooLarge());
            mvc.perform(post("/department-answers/" + "x".repeat(24)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answer\": \"已发放\"}")).andExpect(status().isNotFound());
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answer\": \"已于今日 12:00 全服发放。\", \"answeredBy\": \"运营 小王\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("answered"));
            mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"再答一次\"}"))
                    .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("department.answered"));

            assertThat(notes(d.ticketId())).singleElement().satisfies(note -> {
                assertThat(note.body()).contains("全服发放");
                assertThat(note.authorName()).isEqualTo("运营部 · 运营 小王");
            });
            assertThat(tickets.head(d.ticketId()).status()).isEqualTo(TicketStatus.OPEN);
            assertThat(kinds(d.agent())).containsExactly("department.answer");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        Desk d = desk();
        DepartmentView finance = members(d, "finance", "财务部", 24);

        assertThatThrownBy(() -> transfers.ask(d.ticketId(), null, " ", d.agent()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactlyInAnyOrder("department", "question"));
        mvc.perform(post("/console/tickets/{id}/departments", d.ticketId()).param("department", finance.id().toString())
                .param("question", "").with(user(as(d.agent()))).with(csrf()))
                .andExpect(flash().attribute("problem", "问题：内容不能为空。"));
        assertThat(tickets.head(d.ticketId()).status()).isNotEqualTo(TicketStatus.PENDING_INTERNAL);
        GameInfo other = workspace.game();
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L2, other);
        mvc.perform(post("/console/tickets/{id}/departments", d.ticketId()).param("department", finance.id().toString())
                .param("question", "?").with(user(as(stranger))).with(csrf())).andExpect(status().isForbidden());

        String form = mvc.perform(post("/console/admin/departments").param("game", d.game().id().toString())
                .param("code", "Bad Code").param("name", "").param("delivery", "webhook")
                .param("webhookUrl", "ftp://nowhere").param("webhookSecret", "short").param("answerHours", "0")
                .with(user(as(d.admin()))).with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("1 到 40 个小写字母", "请填写名称", "请填写完整的 http 或 https 地址", "密钥长度为 16 到 200 个字符",
                "1 到 720 之间的整数小时").doesNotContain("value=\"short\"");
        assertThatThrownBy(() -> departments.create(new DepartmentForm(d.game().id(), "finance", "财务部二", "members",
                null, null, null, "abc", false, true, Set.of()), d.admin()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field)
                        .containsExactlyInAnyOrder("code", "answerHours", "members"));
        mvc.perform(get("/console/admin/departments").with(user(as(d.lead())))).andExpect(status().isForbidden());
    }

    @Test
    void theWebhookSecretIsWriteOnly() throws Exception {
        Desk d = desk();
        String secret = "never-shown-back-secret-42";
        DepartmentView security = departments.create(new DepartmentForm(null, TestWorkspace.unique("sec"), "安全部",
                "webhook", null, "https://security.example.com/hook", secret, "8", true, true, Set.of()), d.admin());
        String page = mvc.perform(get("/console/admin/departments/{id}", security.id()).with(user(as(d.admin()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("https://security.example.com/hook").doesNotContain(secret);
        mvc.perform(post("/console/admin/departments/{id}", security.id()).param("name", "安全部 Security")
                .param("delivery", "webhook").param("webhookUrl", "https://security.example.com/hook")
                .param("answerHours", "8").param("enabled", "true").with(user(as(d.admin()))).with(csrf()))
                .andExpect(redirectedUrl("/console/admin/departments/" + security.id()));
        assertThat(departments.get(security.id()).hasSecret()).as("a blank secret keeps the stored one").isTrue();
        assertThat(departments.get(security.id()).name()).isEqualTo("安全部 Security");
        assertThat(departments.availableTo(d.game().id())).extracting(DepartmentView::id).contains(security.id());
    }

    private static MimeMessage received(String address) throws Exception {
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        return null;
    }

    record Captured(String path, String timestamp, String signature, byte[] body) {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }

    /** The real time plus however far the test moved it. */
    static final class ShiftedClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void shift(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

}
