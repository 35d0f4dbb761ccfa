package org.playerdesk.mailbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.mailbox.MailEvents;
import org.playerdesk.mailbox.PlayerMail;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Upload;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Email end to end on real mail servers in this process (GreenMail: SMTP for what PlayerDesk sends
 * and what players send, IMAP for the support mailbox): a new mail opens a ticket, the agent's
 * reply reaches the player threaded, the player's answer continues the ticket, an auto-reply is
 * kept and not answered, a bounce shows on the ticket; HTML made safe, files kept or refused as
 * the help center would, the webhook refusing what is not signed with the mailbox's secret, a
 * message fetched again after a stop between commit and flag, and replies to other modules' mail.
 */
@SpringBootTest(properties = { "playerdesk.mailbox.imap.enabled=false", // the test reads when it wants
        "playerdesk.mailbox.loop-limit=4", "playerdesk.attachments.max-size=64KB" })
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class, MailboxTest.Heard.class })
class MailboxTest {

    static final int IMAP_PORT = TestMail.freePort();
    static final GreenMail MAIL = started();
    static final byte[] PNG = png(200);

    static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(TestMail.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    /** The events of other modules' mail, as a listener of theirs would hear them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Heard {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Bean
        Heard heard() {
            return this;
        }

        @EventListener
        void reply(MailEvents.ReferencedReply reply) {
            events.add(reply);
        }

        @EventListener
        void bounce(MailEvents.ReferencedBounce bounce) {
            events.add(bounce);
        }
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    MailStore store;
    @Autowired
    org.playerdesk.system.secrets.Secrets secrets;
    @Autowired
    ImapReader reader;
    @Autowired
    MailIntake intake;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    PlayerMail playerMail;
    @Autowired
    Heard heard;
    @Autowired
    StoppedClock clock;
    @Autowired
    MockMvc mvc;

    /** A game with an IMAP support mailbox on the GreenMail server. */
    record Desk(GameInfo game, Mailbox box, StaffMember agent) {
    }

    Desk imapDesk() {
        GameInfo game = workspace.game();
        String address = "support-" + game.code().toLowerCase() + "@game.example";
        MAIL.setUser(address, address, "pw");
        Mailbox box = new Mailbox(null, game.id(), address, game.name() + " 客服", Mailbox.Kind.IMAP, "127.0.0.1",
                IMAP_PORT, false, address, "pw", null, null, true);
        UUID id = store.addMailbox(box, clock.instant());
        return new Desk(game, store.mailbox(id).orElseThrow(), workspace.staff(StaffRole.AGENT_L1, game));
    }

    Mailbox webhookBox(GameInfo game) {
        String address = "hook-" + game.code().toLowerCase() + "@game.example";
        UUID id = store.addMailbox(new Mailbox(null, game.id(), address, "Support", Mailbox.Kind.WEBHOOK, null, null,
                false, null, null, null, "hook-secret-" + game.code(), true), clock.instant());
        return store.mailbox(id).orElseThrow();
    }

    /** A message that keeps the Message-ID the test gave it (JavaMail would make a new one when saved). */
    static class KeptId extends MimeMessage {
        KeptId() {
            super(Session.getInstance(new Properties()));
        }

        KeptId(Session session, byte[] raw) throws MessagingException {
            super(session, new java.io.ByteArrayInputStream(raw));
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    static MimeMessage mail(String from, String to, String subject, String text) throws MessagingException {
        MimeMessage message = new KeptId();
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    static byte[] raw(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static MimeMessage smtpSession(MimeMessage message) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(MAIL.getSmtp().getPort()));
        return new KeptId(Session.getInstance(properties), rawOf(message));
    }

    static byte[] rawOf(MimeMessage message) {
        try {
            return raw(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends through GreenMail's SMTP with the Message-ID kept. */
    static void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        MimeMessage onWire = smtpSession(message);
        jakarta.mail.Transport.send(onWire);
    }

    List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    UUID lookup(String messageId) {
        return jdbc.queryForObject("select ticket_id from mail_received where message_id = ?", UUID.class, messageId);
    }

    List<MessageView> publicMessages(UUID ticketId) {
        return tickets.details(ticketId, true).messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC)
                .toList();
    }

    static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, null);
    }

    @Test
    void aNewMailOpensATicketTheAgentsReplyReachesThePlayerThreadedAndTheAnswerContinuesIt() throws Exception {
        Desk d = imapDesk();
        String player = "wang." + d.game().code().toLowerCase() + "@players.example";
        MimeMessage first = mail(player, d.box().address(), "我的装备不见了",
                "昨天登录后我的屠龙刀不见了，请帮忙查一下。\n\n-- \n王小明\n发自我的手机");
        first.setFrom(new jakarta.mail.internet.InternetAddress(player, "王小明", "UTF-8"));
        first.setHeader("Message-ID", "<first-" + d.game().code() + "@players.example>");
        send(first);
        assertThat(reader.read(d.box())).isEqualTo(new ImapReader.Read(1, 0));

        UUID ticketId = lookup("<first-" + d.game().code() + "@players.example>");
        TicketDetails opened = tickets.details(ticketId, true);
        assertThat(opened.ticket().channel()).isEqualTo(TicketChannel.EMAIL);
        assertThat(opened.ticket().subject()).isEqualTo("我的装备不见了");
        assertThat(opened.contactEmail()).isEqualTo(player);
        assertThat(opened.messages().get(0).body()).isEqualTo("昨天登录后我的屠龙刀不见了，请帮忙查一下。")
                .doesNotContain("发自我的手机");
        assertThat(store.receivedOn(ticketId).get(0).folded()).contains("发自我的手机");
        // read again: nothing new
        assertThat(reader.read(d.box())).isEqualTo(new ImapReader.Read(0, 0));

        desk.reply(ticketId, Actor.agent(d.agent().id(), d.agent().displayName()), "已为您找回屠龙刀，请重新登录查看。",
                List.of(), null);
        MimeMessage answer = await().until(() -> receivedBy(player), list -> !list.isEmpty()).get(0);
        String token = store.thread(ticketId).orElseThrow().token();
        assertThat(answer.getSubject()).isEqualTo("Re: 我的装备不见了 [#" + token + "]");
        assertThat(header(answer, "In-Reply-To")).isEqualTo("<first-" + d.game().code() + "@players.example>");
        assertThat(header(answer, "References")).contains("<first-" + d.game().code() + "@players.example>");
        assertThat(answer.getFrom()[0].toString()).contains(d.box().address());
        String body = String.valueOf(answer.getContent());
        assertThat(body).contains("王小明，您好：").contains("已为您找回屠龙刀").contains(d.agent().displayName());

        // the player answers the agent's mail: threaded by In-Reply-To, the quoted mail folded
        MimeMessage second = mail(player, d.box().address(), "Re: " + answer.getSubject().replace("[#" + token + "]", ""),
                "找到了，谢谢！\n\n在 2026年12月5日，客服 写道：\n> 已为您找回屠龙刀");
        second.setHeader("In-Reply-To", answer.getMessageID());
        second.setHeader("Message-ID", "<second-" + d.game().code() + "@players.example>");
        send(second);
        assertThat(reader.read(d.box()).taken()).isEqualTo(1);
        List<MessageView> conversation = publicMessages(ticketId);
        assertThat(conversation).extracting(MessageView::body).containsExactly("昨天登录后我的屠龙刀不见了，请帮忙查一下。",
                "已为您找回屠龙刀，请重新登录查看。", "找到了，谢谢！");
        assertThat(conversation.get(2).authorKind()).isEqualTo(Actor.Kind.PLAYER);

        // an out-of-office answer to our mail: kept on the ticket's card, never a reply, never answered
        int mailsToPlayer = receivedBy(player).size();
        MimeMessage away = mail(player, d.box().address(), "自动回复：" + answer.getSubject(), "我正在休假。");
        away.setHeader("Auto-Submitted", "auto-replied");
        away.setHeader("In-Reply-To", answer.getMessageID());
        send(away);
        reader.read(d.box());
        assertThat(publicMessages(ticketId)).hasSize(3);
        assertThat(store.receivedOn(ticketId)).extracting(MailStore.Received::kind).contains("automatic");
        assertThat(receivedBy(player)).hasSize(mailsToPlayer);

        // the agent's next reply bounces: the failure is written on the ticket
        desk.reply(ticketId, Actor.agent(d.agent().id(), d.agent().displayName()), "还有其他问题吗？", List.of(), null);
        MimeMessage nextAnswer = await().until(() -> receivedBy(player), list -> list.size() > mailsToPlayer)
                .get(mailsToPlayer);
        send(bounce(d.box().address(), nextAnswer.getMessageID(), player));
        reader.read(d.box());
        assertThat(tickets.details(ticketId, true).messages()).filteredOn(m -> m.visibility() == Visibility.INTERNAL)
                .extracting(MessageView::body).anyMatch(note -> note.contains(player) && note.contains("550"));
        assertThat(store.sentOn(ticketId)).filteredOn(s -> s.failure() != null).hasSize(1);
        assertThat(publicMessages(ticketId)).hasSize(4);

        // the ticket page shows the email card with the delivery failure
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        String page = mvc.perform(get("/console/tickets/" + ticketId).with(user(new StaffUser(admin, ""))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"email-panel\"").contains("data-testid=\"email-delivery-failed\"")
                .contains("data-kind=\"automatic\"").contains("data-testid=\"email-folded\"");
    }

    /** A delivery status report (RFC 3464) from the mail system for the message {@code messageId}. */
    static MimeMessage bounce(String to, String messageId, String recipient) throws MessagingException {
        MimeMessage report = new KeptId();
        report.setFrom("MAILER-DAEMON@mx.players.example");
        report.setRecipients(Message.RecipientType.TO, to);
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.");
        parts.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setContent("Reporting-MTA: dns; mx.players.example\n\nFinal-Recipient: rfc822; " + recipient
                + "\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 mailbox unavailable\n",
                "message/delivery-status");
        parts.addBodyPart(status);
        MimeBodyPart headers = new MimeBodyPart();
        headers.setContent("Message-ID: " + messageId + "\nTo: " + recipient + "\nSubject: x\n", "text/rfc822-headers");
        parts.addBodyPart(headers);
        report.setContent(parts);
        return report;
    }

    @Test
    void htmlMailIsShownSafelyWithRemoteImagesBlocked() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        MimeMessage message = new KeptId();
        message.setFrom("html-player@players.example");
        message.setRecipients(Message.RecipientType.TO, box.address());
        message.setSubject("HTML");
        message.setHeader("Message-ID", "<html-" + game.code() + "@players.example>");
        message.setContent("<p onclick=\"steal()\">My <b>account</b> is locked</p><script>alert(1)</script>"
                + "<img src=\"https://tracker.example/pixel.png\"><a href=\"javascript:alert(2)\">x</a>"
                + "<img src=\"cid:shot1\"><iframe src=\"https://evil.example\"></iframe>", "text/html; charset=UTF-8");
        assertThat(intake.receive(box, raw(message))).isEqualTo(MailIntake.Outcome.OPENED);
        UUID ticketId = lookup("<html-" + game.code() + "@players.example>");
        String html = store.receivedOn(ticketId).get(0).html();
        assertThat(html).contains("<b>account</b>").doesNotContain("script").doesNotContain("onclick")
                .doesNotContain("javascript:").doesNotContain("iframe").doesNotContain(" src=\"https://tracker")
                .contains("data-remote-src=\"https://tracker.example/pixel.png\"").contains("[shot1]");
        assertThat(publicMessages(ticketId).get(0).body()).startsWith("My account is locked");
    }

    @Test
    void attachmentsAreKeptAsTheHelpCenterKeepsThemAndRefusedOnesAreNamed() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        MimeMessage message = new KeptId();
        message.setFrom("files@players.example");
        message.setRecipients(Message.RecipientType.TO, box.address());
        message.setSubject("Screenshots");
        message.setHeader("Message-ID", "<files-" + game.code() + "@players.example>");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the screenshots.", "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(file("shot.png", PNG, "image/png"));
        parts.addBodyPart(file("tool.exe", "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1),
                "application/octet-stream"));
        parts.addBodyPart(file("huge.png", png(100 * 1024), "image/png"));
        message.setContent(parts);
        assertThat(intake.receive(box, raw(message))).isEqualTo(MailIntake.Outcome.OPENED);
        UUID ticketId = lookup("<files-" + game.code() + "@players.example>");
        MessageView first = publicMessages(ticketId).get(0);
        assertThat(first.attachments()).extracting(a -> a.fileName() + " " + a.contentType())
                .containsExactly("shot.png image/png");
        assertThat(store.receivedOn(ticketId).get(0).refusedFiles()).isEqualTo("tool.exe (type), huge.png (too-large)");
    }

    static MimeBodyPart file(String name, byte[] content, String type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(content, type);
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] head = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    @Test
    void theWebhookRefusesWhatIsNotSignedWithTheMailboxsSecret() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        String path = "/mail/inbound/" + box.id();
        MimeMessage message = mail("hook-player@players.example", box.address(), "Webhook", "Pushed by the provider.");
        message.setHeader("Message-ID", "<hook-" + game.code() + "@players.example>");
        byte[] body = raw(message);
        String now = String.valueOf(clock.instant().getEpochSecond());

        mvc.perform(post(path).content(body).contentType("message/rfc822")).andExpect(status().isUnauthorized());
        mvc.perform(post(path).content(body).contentType("message/rfc822").header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign("another-secret", "POST", path, now, body)))
                .andExpect(status().isUnauthorized());
        String stale = String.valueOf(clock.instant().minusSeconds(3600).getEpochSecond());
        mvc.perform(post(path).content(body).contentType("message/rfc822").header(SignedRequests.TIMESTAMP, stale)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(box.webhookSecret(), "POST", path, stale, body)))
                .andExpect(status().isUnauthorized());
        byte[] tampered = Arrays.copyOf(body, body.length + 1);
        mvc.perform(post(path).content(tampered).contentType("message/rfc822").header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(box.webhookSecret(), "POST", path, now, body)))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from mail_received where mailbox_id = ?", Long.class, box.id()))
                .isZero();

        mvc.perform(post(path).content(body).contentType("message/rfc822").header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(box.webhookSecret(), "POST", path, now, body)))
                .andExpect(status().isOk());
        // the provider sends again (it did not hear the answer): the same ticket, nothing doubled
        mvc.perform(post(path).content(body).contentType("message/rfc822").header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(box.webhookSecret(), "POST", path, now, body)))
                .andExpect(status().isOk());
        UUID ticketId = lookup("<hook-" + game.code() + "@players.example>");
        assertThat(publicMessages(ticketId)).extracting(MessageView::body).containsExactly("Pushed by the provider.");
    }

    @Test
    void aMessageFetchedAgainAfterANodeStoppedBetweenCommitAndFlagIsTakenOnce() throws Exception {
        Desk d = imapDesk();
        MimeMessage message = mail("again@players.example", d.box().address(), "Fetched twice", "Only once, please.");
        message.setHeader("Message-ID", "<again-" + d.game().code() + "@players.example>");
        send(message);
        reader.afterCommit = m -> {
            throw new IllegalStateException("the node stops here");
        };
        try {
            assertThatThrownBy(() -> reader.read(d.box())).hasMessageContaining("the node stops here");
        } finally {
            reader.afterCommit = m -> {
            };
        }
        UUID ticketId = lookup("<again-" + d.game().code() + "@players.example>");
        // still unread on the server: the next read fetches it again, and the Message-ID dedupes it
        assertThat(reader.read(d.box())).isEqualTo(new ImapReader.Read(1, 0));
        assertThat(reader.read(d.box())).isEqualTo(new ImapReader.Read(0, 0));
        assertThat(publicMessages(ticketId)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_received where message_id = ?", Long.class,
                "<again-" + d.game().code() + "@players.example>")).isOne();
    }

    @Test
    void aReplyToAnotherModulesMailPublishesItsReferenceAndABounceToo() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        String player = "vip-" + game.code().toLowerCase() + "@players.example";
        String sentId = playerMail.send(new PlayerMail.Letter(game.id(), player, "好久不见", "回来看看吧", null,
                "outreach:" + game.code(), Map.of("List-Unsubscribe", "<https://help.example/unsubscribe>")));
        MimeMessage delivered = await().until(() -> receivedBy(player), list -> !list.isEmpty()).get(0);
        assertThat(delivered.getMessageID()).isEqualTo(sentId);
        assertThat(delivered.getFrom()[0].toString()).contains(box.address());

        MimeMessage reply = mail(player, box.address(), "Re: 好久不见", "我回来了！\n\n> 回来看看吧");
        reply.setHeader("In-Reply-To", sentId);
        reply.setHeader("Message-ID", "<back-" + game.code() + "@players.example>");
        assertThat(intake.receive(box, raw(reply))).isEqualTo(MailIntake.Outcome.OPENED);
        UUID ticketId = lookup("<back-" + game.code() + "@players.example>");
        assertThat(heard.events).contains(new MailEvents.ReferencedReply("outreach:" + game.code(), game.id(), ticketId,
                clock.instant()));

        String other = playerMail.send(new PlayerMail.Letter(game.id(), "gone-" + game.code().toLowerCase()
                + "@players.example", "好久不见", "回来看看吧", null, "outreach:gone-" + game.code(), Map.of()));
        assertThat(intake.receive(box, raw(bounce(box.address(), other, "gone@players.example"))))
                .isEqualTo(MailIntake.Outcome.BOUNCE);
        assertThat(heard.events).anyMatch(e -> e instanceof MailEvents.ReferencedBounce b
                && b.reference().equals("outreach:gone-" + game.code()) && b.reason().contains("550"));
    }

    @Test
    void aSenderWritingAgainAndAgainIsALoopAndOpensNoTicket() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        List<MailIntake.Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MimeMessage message = mail("robot@players.example", box.address(), "Ping " + i, "ping");
            message.setHeader("Message-ID", "<ping-" + i + "-" + game.code() + "@players.example>");
            outcomes.add(intake.receive(box, raw(message)));
        }
        assertThat(outcomes).filteredOn(o -> o == MailIntake.Outcome.LOOP).hasSize(2);
        MimeMessage list = mail("news@players.example", box.address(), "Newsletter", "news");
        list.setHeader("Precedence", "bulk");
        assertThat(intake.receive(box, raw(list))).isEqualTo(MailIntake.Outcome.AUTOMATIC);

        // another game's support mailbox, added after mail was read, writing to this one: a loop too
        Mailbox other = webhookBox(workspace.game());
        MimeMessage fromSupport = mail(other.address().toUpperCase(java.util.Locale.ROOT), box.address(),
                "Auto: received", "We got your mail");
        fromSupport.setHeader("Message-ID", "<support-" + game.code() + "@game.example>");
        assertThat(intake.receive(box, raw(fromSupport))).isEqualTo(MailIntake.Outcome.LOOP);
    }

    @Test
    void theWatchReadsAnImapMailboxOnItsOwnWhileItHoldsTheLease() throws Exception {
        Desk d = imapDesk();
        ImapWatch watch = new ImapWatch(store, reader, clock, true, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(200), true);
        try {
            watch.watch();
            // a second node finds the mailbox held and does not read it
            assertThat(store.lease(d.box().id(), "another-node", clock.instant(), clock.instant().plusSeconds(60)))
                    .isFalse();
            MimeMessage message = mail("watched@players.example", d.box().address(), "Watched", "Read on its own.");
            message.setHeader("Message-ID", "<watched-" + d.game().code() + "@players.example>");
            send(message);
            UUID ticketId = await().dontCatchUncaughtExceptions().until(() -> jdbc.queryForList(
                    "select ticket_id from mail_received where message_id = ?", UUID.class,
                    "<watched-" + d.game().code() + "@players.example>"), list -> !list.isEmpty()).get(0);
            assertThat(publicMessages(ticketId)).extracting(MessageView::body).containsExactly("Read on its own.");
            assertThat(watch.waitsWithIdle(d.box().id())).as("GreenMail offers IDLE").contains(true);
        } finally {
            watch.stop();
        }
        // stopped: the lease is given back, and another node may take the mailbox (the mail server
        // complains of the connections closed under it on its own threads: not the test's concern)
        await().dontCatchUncaughtExceptions().until(() -> store.lease(d.box().id(), "another-node", clock.instant(), clock.instant().plusSeconds(60)));
    }

    @Test
    void aDatabaseOutOfReachEndsTheReaderQuietlyAndTheWatchStartsItAgainOnceItAnswers() throws Exception {
        Desk d = imapDesk();
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        MailStore unreachable = new MailStore(jdbc, secrets) {
            @Override
            boolean lease(UUID mailboxId, String holder, Instant now, Instant until) {
                if (down.get()) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("the database is out of reach");
                }
                return super.lease(mailboxId, holder, now, until);
            }
        };
        ImapWatch watch = new ImapWatch(unreachable, reader, clock, true, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(100), false);
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        // the readers' own threads only (the mail server's threads complain of connections closed under them)
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith("mailbox-")) {
                uncaught.add(e);
            } else if (before != null) {
                before.uncaughtException(thread, e);
            }
        });
        try {
            String id = "<while-down-" + d.game().code() + "@players.example>";
            MimeMessage message = mail("down@players.example", d.box().address(), "While down", "Sent while down.");
            message.setHeader("Message-ID", id);
            send(message);
            watch.watch();
            assertThat(watch.reads(d.box().id())).as("no reader without the lease").isFalse();

            down.set(false);
            watch.watch();
            UUID ticketId = await().dontCatchUncaughtExceptions().until(() -> jdbc.queryForList(
                    "select ticket_id from mail_received where message_id = ?", UUID.class, id),
                    list -> !list.isEmpty()).get(0);
            assertThat(publicMessages(ticketId)).extracting(MessageView::body).containsExactly("Sent while down.");

            // the database goes away under a running reader: it ends without an exception escaping
            down.set(true);
            await().dontCatchUncaughtExceptions().until(() -> !watch.reads(d.box().id()));
            assertThat(uncaught).as("exceptions escaping the reader's thread").isEmpty();
        } finally {
            watch.stop();
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void withIdleSwitchedOffTheWatchPollsTheMailboxAndFindsEachNewMail() throws Exception {
        Desk d = imapDesk();
        ImapWatch watch = new ImapWatch(store, reader, clock, true, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(100), false);
        try {
            watch.watch();
            for (String n : List.of("1", "2")) {
                // the second arrives while the reader waits between two reads: only the next poll finds it
                String id = "<polled-" + n + "-" + d.game().code() + "@players.example>";
                MimeMessage message = mail("polled-" + n + "@players.example", d.box().address(), "Polled " + n,
                        "Found by polling " + n + ".");
                message.setHeader("Message-ID", id);
                send(message);
                UUID ticketId = await().dontCatchUncaughtExceptions().until(() -> jdbc.queryForList(
                        "select ticket_id from mail_received where message_id = ?", UUID.class, id),
                        list -> !list.isEmpty()).get(0);
                assertThat(publicMessages(ticketId)).extracting(MessageView::body)
                        .containsExactly("Found by polling " + n + ".");
            }
            assertThat(watch.waitsWithIdle(d.box().id())).as("polls though the server offers IDLE").contains(false);
        } finally {
            watch.stop();
        }
    }

    @Test
    void anInlineImageOfAnHtmlMailIsKeptWithTheMessageAndShownInItsPlace() throws Exception {
        Desk d = imapDesk();
        MimeMessage message = new KeptId();
        message.setFrom("inline@players.example");
        message.setRecipients(Message.RecipientType.TO, d.box().address());
        message.setSubject("Screenshot inside", "UTF-8");
        String id = "<inline-" + d.game().code() + "@players.example>";
        message.setHeader("Message-ID", id);
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>The error is here:</p><img src=\"cid:shot1@players.example\" alt=\"error\">",
                "text/html; charset=UTF-8");
        related.addBodyPart(html);
        MimeBodyPart image = new MimeBodyPart();
        image.setContent(PNG, "image/png");
        image.setContentID("<shot1@players.example>");
        image.setDisposition(MimeBodyPart.INLINE);
        related.addBodyPart(image);
        message.setContent(related);
        send(message);

        assertThat(reader.read(d.box()).taken()).isEqualTo(1);
        UUID ticketId = lookup(id);
        MessageView first = publicMessages(ticketId).get(0);
        assertThat(first.body()).contains("The error is here:");
        assertThat(first.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.fileName()).contains("shot1");
        });
        String kept = first.attachments().get(0).fileName();
        assertThat(store.receivedOn(ticketId).get(0).refusedFiles()).isNull();
        // the ticket shows the mail with the image named in its place, and the image among the message's files
        StaffUser agent = new StaffUser(d.agent(), "");
        String page = mvc.perform(get("/console/tickets/" + ticketId).with(user(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"email-html\"", "<span>[shot1@players.example]</span>",
                "data-testid=\"attachment\" title=\"" + kept + "\"", "alt=\"" + kept + "\"");
    }

    @Test
    void aMailFromAPlayersContactEmailIsTheirsAndAStrangerBecomesANewContact() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        String known = "known-" + game.code().toLowerCase() + "@players.example";
        UUID playerId = desk.open(new org.playerdesk.ticket.NewTicket(game.id(),
                org.playerdesk.player.PlayerIdentity.of("acc-" + game.code()), "payment", "web", null, "充值", "没到账",
                known, Map.of(), false), List.of()).ticket().playerId();
        MimeMessage mail = mail(known, box.address(), "还是没到账", "请再查一下");
        mail.setHeader("Message-ID", "<known-" + game.code() + "@players.example>");
        intake.receive(box, raw(mail));
        assertThat(tickets.head(lookup("<known-" + game.code() + "@players.example>")).playerId()).isEqualTo(playerId);

        MimeMessage stranger = mail("Stranger <new-" + game.code().toLowerCase() + "@players.example>", box.address(),
                "Hi", "First contact");
        stranger.setHeader("Message-ID", "<stranger-" + game.code() + "@players.example>");
        intake.receive(box, raw(stranger));
        UUID strangerTicket = lookup("<stranger-" + game.code() + "@players.example>");
        assertThat(tickets.head(strangerTicket).playerId()).isNotEqualTo(playerId);
        assertThat(tickets.details(strangerTicket, true).contactEmail())
                .isEqualTo("new-" + game.code().toLowerCase() + "@players.example");
    }

    @Test
    void theConversationsTokenInTheSubjectOrThePlusAddressThreadsAMailWithoutHeaders() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        MimeMessage first = mail("token-" + game.code().toLowerCase() + "@players.example", box.address(), "Lost item",
                "My sword is gone.");
        first.setHeader("Message-ID", "<token-first-" + game.code() + "@players.example>");
        intake.receive(box, raw(first));
        UUID ticketId = lookup("<token-first-" + game.code() + "@players.example>");
        String token = store.thread(ticketId).orElseThrow().token();

        // a new mail (another mail program, no In-Reply-To) naming the conversation in its subject
        MimeMessage bySubject = mail("token-" + game.code().toLowerCase() + "@players.example", box.address(),
                "About [#" + token + "]", "Any news?");
        bySubject.setHeader("Message-ID", "<token-subject-" + game.code() + "@players.example>");
        assertThat(intake.receive(box, raw(bySubject))).isEqualTo(MailIntake.Outcome.THREADED);
        // or in the address it was sent to (plus-addressing)
        String local = box.address().substring(0, box.address().indexOf('@'));
        MimeMessage byAddress = mail("token-" + game.code().toLowerCase() + "@players.example",
                local + "+" + token + box.address().substring(box.address().indexOf('@')), "Hello", "Still waiting.");
        byAddress.setHeader("Message-ID", "<token-address-" + game.code() + "@players.example>");
        assertThat(intake.receive(box, raw(byAddress))).isEqualTo(MailIntake.Outcome.THREADED);
        assertThat(publicMessages(ticketId)).extracting(MessageView::body)
                .containsExactly("My sword is gone.", "Any news?", "Still waiting.");
    }

    @Test
    void aReplyTheMailServerRefusesIsWrittenOnTheTicketAsADeliveryFailure() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        MimeMessage first = mail("refused-" + game.code().toLowerCase() + "@players.example", box.address(), "Help",
                "Please help.");
        first.setHeader("Message-ID", "<refused-" + game.code() + "@players.example>");
        intake.receive(box, raw(first));
        UUID ticketId = lookup("<refused-" + game.code() + "@players.example>");
        // the address became one no mail server takes (as an account closed since)
        jdbc.update("update mail_thread set player_address = ? where ticket_id = ?", "no such address", ticketId);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()), "Here is the answer.", List.of(), null);
        await().until(() -> store.sentOn(ticketId), sent -> sent.size() == 1 && sent.get(0).failure() != null);
        assertThat(tickets.details(ticketId, true).messages()).filteredOn(m -> m.visibility() == Visibility.INTERNAL)
                .extracting(MessageView::body).anyMatch(note -> note.contains("no such address"));
    }

    @Test
    void theFilesOfAnAgentsReplyGoWithItsMailAndItsInternalNotesNever() throws Exception {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        String player = "files-" + game.code().toLowerCase() + "@players.example";
        MimeMessage first = mail(player, box.address(), "Where is my pet?", "My pet is gone.");
        first.setHeader("Message-ID", "<files-" + game.code() + "@players.example>");
        intake.receive(box, raw(first));
        UUID ticketId = lookup("<files-" + game.code() + "@players.example>");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        desk.note(ticketId, Actor.agent(agent.id(), agent.displayName()), "internal log",
                List.of(new Upload("server-log.png", PNG)));
        desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()), "Here is where your pet is.",
                List.of(new Upload("pet-location.png", PNG)), null);

        MimeMessage answer = await().until(() -> receivedBy(player), list -> !list.isEmpty()).get(0);
        assertThat(answer.getContent()).isInstanceOf(jakarta.mail.Multipart.class);
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) answer.getContent();
        List<String> files = new java.util.ArrayList<>();
        String text = null;
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                files.add(part.getFileName());
                assertThat(part.getInputStream().readAllBytes()).isEqualTo(PNG);
                assertThat(part.getContentType()).startsWith("image/png");
            } else if (text == null) {
                text = String.valueOf(part.getContent() instanceof jakarta.mail.Multipart inner
                        ? inner.getBodyPart(0).getContent() : part.getContent());
            }
        }
        assertThat(files).containsExactly("pet-location.png");
        assertThat(text).contains("Here is where your pet is.");
    }

    @Test
    void oneNodeAtATimeHoldsAMailboxsLease() {
        GameInfo game = workspace.game();
        Mailbox box = webhookBox(game);
        Instant now = clock.instant();
        assertThat(store.lease(box.id(), "node-a", now, now.plusSeconds(120))).isTrue();
        assertThat(store.lease(box.id(), "node-b", now, now.plusSeconds(120))).isFalse();
        assertThat(store.lease(box.id(), "node-a", now.plusSeconds(60), now.plusSeconds(180))).isTrue();
        // node a stopped renewing: once its lease ran out node b takes over
        assertThat(store.lease(box.id(), "node-b", now.plusSeconds(181), now.plusSeconds(300))).isTrue();
        assertThat(store.lease(box.id(), "node-a", now.plusSeconds(182), now.plusSeconds(300))).isFalse();
    }

    @Test
    void administratorsAddMailboxesAndEditTemplatesOthersMayNot() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        String page = mvc.perform(get("/console/admin/mailboxes").param("game", game.code()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"mailboxes-none\"").contains("data-language=\"zh-CN\"");
        String address = "admin-" + game.code().toLowerCase() + "@game.example";
        mvc.perform(post("/console/admin/mailboxes").param("game", game.code()).param("address", address)
                .param("displayName", "客服").param("kind", "webhook").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String bad = mvc.perform(post("/console/admin/mailboxes").param("game", game.code()).param("address", "nope")
                .param("displayName", "客服").param("kind", "imap").param("imapPort", "99999").with(user(admin))
                .with(csrf())).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("data-testid=\"error-address\"").contains("data-testid=\"error-imapHost\"")
                .contains("data-testid=\"error-imapPort\"");
        mvc.perform(post("/console/admin/mailboxes/templates").param("game", game.code()).param("language", "en")
                .param("greeting", "Dear {player},").param("signature", "{agent}").param("footer", "")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        page = mvc.perform(get("/console/admin/mailboxes").param("game", game.code()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-address=\"" + address + "\"").contains("/mail/inbound/").contains("Dear {player},");

        // the templates are found beside the canned replies: a link for who may edit them, a word for the others
        String replies = mvc.perform(get("/console/knowledge/replies").param("game", game.code()).with(user(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(replies).contains("data-testid=\"kb-mail-templates\"", "data-testid=\"kb-mail-templates-link\"",
                "/console/admin/mailboxes?game=" + game.code() + "#mail-templates");
        assertThat(page).contains("id=\"mail-templates\"");
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        mvc.perform(get("/console/admin/mailboxes").param("game", game.code()).with(user(agent)))
                .andExpect(status().isForbidden());
        String agentsReplies = mvc.perform(get("/console/knowledge/replies").param("game", game.code())
                .with(user(agent)).locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(agentsReplies).contains("data-testid=\"kb-mail-templates\"", "邮件模板",
                "data-testid=\"kb-mail-templates-who\"").doesNotContain("kb-mail-templates-link");
        String games = mvc.perform(get("/console/admin/games").with(user(admin))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(games).contains("/console/admin/mailboxes?game=");
    }
}
