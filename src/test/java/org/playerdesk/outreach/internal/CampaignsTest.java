package org.playerdesk.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.mailbox.MailEvents;
import org.playerdesk.outreach.CampaignDraft;
import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.CampaignView;
import org.playerdesk.outreach.Campaigns;
import org.playerdesk.outreach.ContactForm;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.outreach.RecipientView;
import org.playerdesk.outreach.Segment;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.vip.VipService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;

/**
 * Campaigns end to end with real parts: segments from player data and tickets, email over a real
 * SMTP server (GreenMail), in-game messages through the simulated game, SMS through a stand-in
 * gateway in this process that checks each call's signature and idempotency key; throttling and
 * quiet hours on the stopped clock; opt-outs at send time; exactly once across a node's death and
 * two workers at once; pause, resume, cancel; replies and bounces from the mailbox's events.
 */
@SpringBootTest(properties = { "playerdesk.outreach.tick=1d", // the test works the campaigns when it wants
        "playerdesk.outreach.public-url=https://desk.example.com", "playerdesk.outreach.lease=10m",
        // groups of two: a group's outcomes are written with the next group's mark, as with the default 20
        "playerdesk.outreach.attempt-group=2",
        "playerdesk.outreach.sms.secret=" + CampaignsTest.SMS_SECRET })
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class CampaignsTest {

    static final String SMS_SECRET = "sms-gateway-secret-0123456789";
    static final GreenMail MAIL = TestMail.started();
    static final SmsStandIn SMS = new SmsStandIn();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
        properties.add("playerdesk.outreach.sms.url", () -> SMS.url());
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        SMS.server.stop(0);
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignWorker worker;
    @Autowired
    CampaignStore store;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    List<Messenger> messengers;
    @Autowired
    PlayerDirectory directory;
    @Autowired
    PlayerProfiles profiles;
    @Autowired
    TicketDesk desk;
    @Autowired
    GameBackends backends;
    @Autowired
    StoppedClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    Incidents incidents;
    @Autowired
    VipService vip;
    @Autowired
    org.playerdesk.ticket.TicketQueries tickets;
    @Autowired
    org.playerdesk.access.AuditLog audit;
    @Autowired
    SmsAnswers answers;
    @Autowired
    InboundPurge purge;
    @Autowired
    ContactStore contactStore;
    @Autowired
    SmsGateway gateway;
    @Autowired
    org.playerdesk.game.GameCatalog games;
    @Autowired
    org.springframework.context.MessageSource messageSource;

    /** A stand-in for a generic SMS gateway: checks every call's signature and key, records the calls. */
    static final class SmsStandIn {
        record Call(String key, String body, boolean signed) {
        }

        final HttpServer server;
        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile int answer = 200;
        /** Run as each call arrives, before it is answered (what the desk has committed by then). */
        volatile java.util.function.Consumer<Call> onCall = call -> {
        };

        SmsStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/gateway/sms", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String timestamp = exchange.getRequestHeaders().getFirst(SignedRequests.TIMESTAMP);
                boolean signed = SignedRequests.sign(SMS_SECRET, "POST", "/gateway/sms", timestamp == null ? "" : timestamp,
                        body).equals(exchange.getRequestHeaders().getFirst(SignedRequests.SIGNATURE));
                String key = exchange.getRequestHeaders().getFirst(SignedRequests.IDEMPOTENCY_KEY);
                Call call = new Call(key, new String(body, StandardCharsets.UTF_8), signed);
                onCall.accept(call);
                calls.add(call);
                byte[] out = signed ? ("{\"id\":\"gw-" + calls.size() + "\"}").getBytes(StandardCharsets.UTF_8)
                        : "{\"error\":\"bad signature\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(signed ? answer : 401, out.length);
                exchange.getResponseBody().write(out);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/gateway/sms";
        }
    }

    record Desk(GameInfo game, StaffMember lead) {
    }

    /** A game with no throttling and no quiet hours (each test sets what it checks), and its lead. */
    Desk desk(boolean simulated) {
        GameInfo game = simulated ? workspace.simulatedGame() : workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        campaigns.changeSettings(new OutreachSettings(game.id(), 0, 0, 0, 0, 0), lead);
        return new Desk(game, lead);
    }

    PlayerSummary player(GameInfo game, String account, String server, long recharge, Instant lastLogin) {
        PlayerSummary p = directory.matchOrCreate(game.id(), new PlayerIdentity(account, "玩家" + account, server, null),
                account + "@players.example.com");
        profiles.remember(p, new AccountProfile(account, "玩家" + account, server, null, 30, 0, recharge, 0,
                Instant.parse("2025-01-01T00:00:00Z"), null, null, AccountStatus.ACTIVE, lastLogin));
        return p;
    }

    List<PlayerSummary> players(GameInfo game, int n) {
        List<PlayerSummary> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            made.add(player(game, "p" + i + "-" + TestWorkspace.unique("a"), "S1", 0, clock.instant()));
        }
        return made;
    }

    CampaignDraft draft(OutreachChannel channel, Segment segment) {
        return new CampaignDraft("老玩家回归", channel, "好久不见", "回归礼包已备好，欢迎回来。", "Long time no see",
                "Your welcome-back pack is ready.", segment);
    }

    CampaignView started(Desk d, OutreachChannel channel, Segment segment) {
        CampaignView draft = campaigns.draft(d.game().id(), draft(channel, segment), d.lead());
        return campaigns.start(draft.id(), d.lead());
    }

    List<RecipientView> all(CampaignView c, Desk d) {
        List<RecipientView> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<RecipientView> part = campaigns.recipients(c.id(), null, page, d.lead());
            all.addAll(part);
            if (part.size() < CampaignDesk.PAGE) {
                return all;
            }
        }
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void buildsTheSegmentFromPlayerDataAndTicketsAndPreviewsItsSize() {
        Desk d = desk(false);
        Instant now = clock.instant();
        PlayerSummary richGone = player(d.game(), "rich-gone", "S1", 2_000_000, now.minus(Duration.ofDays(40)));
        PlayerSummary richHere = player(d.game(), "rich-here", "S1", 2_000_000, now.minus(Duration.ofDays(1)));
        PlayerSummary poorGone = player(d.game(), "poor-gone", "S1", 10, now.minus(Duration.ofDays(40)));
        PlayerSummary otherServer = player(d.game(), "other-server", "S2", 2_000_000, now.minus(Duration.ofDays(40)));
        profiles.tag(poorGone.id(), "回归候选", d.lead());
        var ticket = desk.open(new NewTicket(d.game().id(), PlayerIdentity.of("rich-here"), "payment", "web", null,
                "充值未到账", "充值未到账", null, Map.of(), false), List.of());
        desk.tag(ticket.ticket().id(), "compensation", Actor.agent(d.lead().id(), d.lead().displayName()));

        assertThat(campaigns.preview(d.game().id(), Segment.everyone(), d.lead())).isEqualTo(4);
        assertThat(campaigns.preview(d.game().id(), new Segment("S1", List.of("gold"), null, 30, null, null, null,
                null, false), d.lead())).as("gold tier, S1, no login for 30 days").isEqualTo(1);
        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, 1_000_000L, null, null, null, null, null,
                false), d.lead())).as("spend").isEqualTo(3);
        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, null, null, null, List.of("回归候选"), null,
                null, false), d.lead())).as("player tag").isEqualTo(1);
        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, null, null, null, null, "compensation",
                null, false), d.lead())).as("a ticket tagged compensation").isEqualTo(1);
        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, null, null, 7, null, null, null, false),
                d.lead())).as("no ticket for a week").isEqualTo(3);

        CampaignView started = started(d, OutreachChannel.EMAIL, new Segment("S1", null, 1_000_000L, null, null, null,
                null, null, false));
        assertThat(started.state()).isEqualTo(CampaignState.RUNNING);
        assertThat(started.recipients()).isEqualTo(2);
        assertThat(all(started, d)).extracting(RecipientView::playerId)
                .containsExactlyInAnyOrder(richGone.id(), richHere.id());
        assertThat(otherServer.id()).isNotNull();
    }

    @Test
    void segmentsReachThePlayersOfAnIncidentAndThoseWhoseVipFollowUpIsDue() {
        Desk d = desk(true);
        player(d.game(), "10002", "S1", 0, clock.instant());
        player(d.game(), "10003", "S1", 0, clock.instant());
        player(d.game(), "10004", "S1", 0, clock.instant());
        Actor lead = Actor.agent(d.lead().id(), d.lead().displayName());
        var ticket = desk.open(new NewTicket(d.game().id(), PlayerIdentity.of("10004"), "bug", "web", null,
                "登录不了", "一直转圈", null, Map.of(), false), List.of());
        IncidentView incident = incidents.open(d.game().id(), new IncidentDraft("登录故障", null, null, null, null), lead);
        incidents.link(incident.id(), ticket.ticket().id(), lead);
        var vipPlayer = vip.assignManager(d.game().id(), "10003", d.lead().id(), d.lead());
        vip.bookFollowUp(vipPlayer.id(), clock.instant().plus(Duration.ofHours(1)), d.lead());

        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, null, null, null, null, null,
                incident.id(), false), d.lead())).as("the incident's players").isEqualTo(1);
        assertThat(campaigns.preview(d.game().id(), new Segment(null, null, null, null, null, null, null, null, true),
                d.lead())).as("no follow-up due yet").isZero();
        clock.shift(Duration.ofHours(2));
        CampaignView followUps = started(d, OutreachChannel.IN_GAME, new Segment(null, null, null, null, null, null,
                null, null, true));
        assertThat(all(followUps, d)).extracting(RecipientView::accountId).containsExactly("10003");
    }

    @Test
    void emailGoesOutInEachPlayersLanguageWithAOneClickUnsubscribeThatOptsThePlayerOut() throws Exception {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 2);
        campaigns.changePreferences(ps.get(1).id(), new ContactForm(null, "en", null, false, false, false), d.lead());
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());

        assertThat(worker.work(c.id())).isEqualTo(2);
        // the key the unsubscribe links are signed with is sealed in its row (docs/audit.md, secrets at rest)
        assertThat(jdbc.sql("select secret from outreach_campaign where id = ?").param(c.id()).query(String.class)
                .single()).startsWith("enc:").doesNotContain(store.campaign(c.id()).orElseThrow().secret());
        MimeMessage zh = mailTo(ps.get(0).contactEmail()).getFirst();
        MimeMessage en = mailTo(ps.get(1).contactEmail()).getFirst();
        assertThat(zh.getSubject()).isEqualTo("好久不见");
        assertThat(en.getSubject()).isEqualTo("Long time no see");
        assertThat(GreenMailUtil.getBody(en)).contains("welcome-back");
        String header = en.getHeader("List-Unsubscribe")[0];
        assertThat(en.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header).startsWith("<https://desk.example.com/outreach/unsubscribe/");
        assertThat(campaigns.get(c.id(), d.lead()).state()).isEqualTo(CampaignState.FINISHED);
        assertThat(all(c, d)).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RecipientState.SENT);
            assertThat(r.reference()).startsWith("<");
        });

        String path = URI.create(header.substring(1, header.length() - 1)).getPath();
        mvc.perform(post(path.substring(0, path.length() - 3) + "abc")).andExpect(status().isNotFound());
        mvc.perform(post(path)).andExpect(status().isNoContent()); // RFC 8058: the mail client's one click
        assertThat(campaigns.preferences(ps.get(1).id(), d.lead()).emailOptOut()).isTrue();
        assertThat(campaigns.preferences(ps.get(0).id(), d.lead()).emailOptOut()).isFalse();
        // the link in the mail asks first: a link scanner or a preview opening it opts no one out
        mvc.perform(get(mailLink(zh))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"unsubscribe-confirm\"")));
        assertThat(campaigns.preferences(ps.get(0).id(), d.lead()).emailOptOut()).isFalse();
        mvc.perform(post(mailLink(zh)).param("confirm", "yes")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-done=\"true\"")));
        assertThat(campaigns.preferences(ps.get(0).id(), d.lead()).emailOptOut()).isTrue();
        mvc.perform(get(path.substring(0, path.length() - 3) + "abc")).andExpect(status().isNotFound());

        CampaignView again = started(d, OutreachChannel.EMAIL, Segment.everyone());
        assertThat(all(again, d)).extracting(RecipientView::state).containsOnly(RecipientState.OPTED_OUT);
    }

    static String mailLink(MimeMessage m) throws Exception {
        String h = m.getHeader("List-Unsubscribe")[0];
        return URI.create(h.substring(1, h.length() - 1)).getPath();
    }

    @Test
    void aPlayerWhoOptsOutAfterTheCampaignWasBuiltIsNotSentItAndTheRefusalIsRecorded() {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 3);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        campaigns.changePreferences(ps.get(2).id(), new ContactForm(null, null, null, true, false, false), d.lead());

        worker.work(c.id());
        assertThat(mailTo(ps.get(2).contactEmail())).isEmpty();
        assertThat(mailTo(ps.get(0).contactEmail())).hasSize(1);
        RecipientView refused = all(c, d).stream().filter(r -> r.playerId().equals(ps.get(2).id())).findFirst()
                .orElseThrow();
        assertThat(refused.state()).isEqualTo(RecipientState.OPTED_OUT);
        assertThat(refused.sentAt()).isNull();
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.SENT)).isEqualTo(2);
    }

    @Test
    void inGameMessagesAreDeliveredOnceEvenWhenANodeDiedAfterSendingAndTheClaimIsSentAgain() {
        Desk d = desk(true);
        List<String> accounts = List.of("10002", "10003", "10004", "10005");
        for (String account : accounts) {
            player(d.game(), account, "S1", 0, clock.instant());
        }
        CampaignView c = started(d, OutreachChannel.IN_GAME, Segment.everyone());
        int before = backends.of(d.game().id()).notices("10003").size();

        // a node claims two recipients, sends to one, and dies before it writes anything more
        UUID deadClaim = UUID.randomUUID();
        List<CampaignStore.Claimed> claimed = transaction.execute(s -> store.claim(c.id(), clock.instant(), 2,
                deadClaim));
        Messenger inGame = messengers.stream().filter(m -> m.channel() == OutreachChannel.IN_GAME).findFirst()
                .orElseThrow();
        CampaignStore.CampaignRow row = store.campaign(c.id()).orElseThrow();
        transaction.executeWithoutResult(s -> store.attempt(deadClaim, List.of(claimed.getFirst().id()), clock.instant()));
        inGame.deliver(worker.outgoing(row, claimed.getFirst()));

        assertThat(worker.work(c.id())).as("the others; the dead node's claims are held until the lease ends")
                .isEqualTo(2);
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.SENDING)).isEqualTo(2);
        clock.shift(Duration.ofMinutes(11));
        assertThat(worker.work(c.id())).isEqualTo(2);

        CampaignView done = campaigns.get(c.id(), d.lead());
        assertThat(done.count(RecipientState.SENT)).isEqualTo(4);
        assertThat(done.state()).isEqualTo(CampaignState.FINISHED);
        for (String account : accounts) {
            List<InGameNotice> notices = backends.of(d.game().id()).notices(account);
            assertThat(notices.stream().filter(n -> "回归礼包已备好，欢迎回来。".equals(n.text())).count())
                    .as("account %s got the message once", account).isEqualTo(1);
        }
        assertThat(backends.of(d.game().id()).notices("10003")).hasSize(before + 1);
    }

    @Test
    void anEmailClaimANodeDiedHoldingGoesBackToTheQueueButTheOneItWasSendingToWhichALeadMayResend()
            throws Exception {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 3);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        // a node claims the whole batch, marks its first attempt, sends it, and dies before it writes more
        UUID deadClaim = UUID.randomUUID();
        List<CampaignStore.Claimed> claimed = transaction.execute(s -> store.claim(c.id(), clock.instant(), 3,
                deadClaim));
        assertThat(claimed).hasSize(3);
        CampaignStore.Claimed inFlight = claimed.getFirst();
        assertThat(transaction.<java.util.Set<UUID>>execute(s -> store.attempt(deadClaim, List.of(inFlight.id()), clock.instant())))
                .containsExactly(inFlight.id());
        Messenger email = messengers.stream().filter(m -> m.channel() == OutreachChannel.EMAIL).findFirst().orElseThrow();
        email.deliver(worker.outgoing(store.campaign(c.id()).orElseThrow(), inFlight));

        assertThat(worker.work(c.id())).as("the dead node's claims are held until the lease ends").isZero();
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.SENDING)).isEqualTo(3);
        clock.shift(Duration.ofMinutes(11));
        assertThat(worker.work(c.id())).as("the two the dead node had not begun").isEqualTo(2);

        for (PlayerSummary p : ps) {
            assertThat(mailTo(p.contactEmail())).as("%s got it once", p.accountId()).hasSize(1);
        }
        CampaignView done = campaigns.get(c.id(), d.lead());
        assertThat(done.count(RecipientState.SENT)).isEqualTo(2);
        assertThat(done.count(RecipientState.INTERRUPTED)).isEqualTo(1);
        assertThat(done.state()).isEqualTo(CampaignState.FINISHED);
        assertThat(store.recipient(inFlight.id()).orElseThrow().state()).isEqualTo(RecipientState.INTERRUPTED);

        // the page shows the interrupted to whoever runs campaigns, and offers the resend to a lead only
        StaffUser lead = new StaffUser(d.lead(), "");
        StaffUser vipManager = new StaffUser(workspace.staff(StaffRole.AGENT_VIP, d.game()), "");
        String page = mvc.perform(get("/console/campaigns/" + c.id()).with(user(lead)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"campaign-interrupted\"", "data-testid=\"campaign-resend\"",
                "Resend the interrupted", "1 recipients were being sent to");
        assertThat(mvc.perform(get("/console/campaigns/" + c.id()).with(user(vipManager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"campaign-interrupted\"").doesNotContain("campaign-resend");
        mvc.perform(post("/console/campaigns/" + c.id() + "/resend").with(user(vipManager)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/campaigns/" + c.id() + "/resend").with(user(lead)))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.INTERRUPTED)).isEqualTo(1);

        mvc.perform(post("/console/campaigns/" + c.id() + "/resend").with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        CampaignView again = campaigns.get(c.id(), d.lead());
        assertThat(again.state()).as("a finished campaign runs again for them").isEqualTo(CampaignState.RUNNING);
        assertThat(again.endedAt()).isNull();
        assertThat(again.count(RecipientState.QUEUED)).isEqualTo(1);
        assertThat(audit.about("campaign", c.id().toString(), 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("outreach.resend");
            assertThat(e.actorName()).isEqualTo(d.lead().username());
        });
        assertThat(worker.work(c.id())).isEqualTo(1);
        PlayerSummary uncertain = ps.stream().filter(p -> p.id().equals(inFlight.playerId())).findFirst().orElseThrow();
        assertThat(mailTo(uncertain.contactEmail())).as("the lead chose to send it again").hasSize(2);
        CampaignView finished = campaigns.get(c.id(), d.lead());
        assertThat(finished.count(RecipientState.SENT)).isEqualTo(3);
        assertThat(finished.state()).isEqualTo(CampaignState.FINISHED);

        // a cancelled campaign's interrupted are not sent again
        players(d.game(), 1);
        CampaignView other = started(d, OutreachChannel.EMAIL, Segment.everyone());
        campaigns.cancel(other.id(), d.lead());
        assertThatThrownBy(() -> campaigns.resendInterrupted(other.id(), d.lead())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void smsAreSettledAGroupAtATimeSoANodeThatDiesMidBatchLeavesOnlyTheGroupInFlightUncertain() {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 3);
        for (int i = 0; i < ps.size(); i++) {
            campaigns.changePreferences(ps.get(i).id(), new ContactForm("+861380013810" + i, null, null, false, false,
                    false), d.lead());
        }
        CampaignView c = started(d, OutreachChannel.SMS, Segment.everyone());
        // what the gateway could read in the database as each SMS reached it: sent, in flight, still to go;
        // the first two are marked together, their outcomes written with the mark of the third
        List<String> seen = new CopyOnWriteArrayList<>();
        SMS.onCall = call -> seen.add(jdbc.sql("select "
                + "sum(case when state = 'sent' then 1 else 0 end) || '/' "
                + "|| sum(case when state = 'sending' and attempted_at is not null then 1 else 0 end) || '/' "
                + "|| sum(case when state = 'sending' and attempted_at is null then 1 else 0 end) "
                + "from outreach_recipient where campaign_id = ?").param(c.id()).query(String.class).single());
        try {
            assertThat(worker.work(c.id())).isEqualTo(3);
        } finally {
            SMS.onCall = call -> {
            };
        }
        assertThat(seen).containsExactly("0/2/1", "0/2/1", "2/1/0");

        // a node that dies with the second SMS in flight: the third goes to another node, the second waits for a lead
        CampaignView next = started(d, OutreachChannel.SMS, Segment.everyone());
        UUID deadClaim = UUID.randomUUID();
        List<CampaignStore.Claimed> claimed = transaction.execute(s -> store.claim(next.id(), clock.instant(), 3,
                deadClaim));
        Messenger sms = messengers.stream().filter(m -> m.channel() == OutreachChannel.SMS).findFirst().orElseThrow();
        CampaignStore.CampaignRow row = store.campaign(next.id()).orElseThrow();
        for (CampaignStore.Claimed r : claimed.subList(0, 2)) {
            transaction.executeWithoutResult(s -> store.attempt(deadClaim, List.of(r.id()), clock.instant()));
            String reference = sms.deliver(worker.outgoing(row, r));
            if (r == claimed.getFirst()) {
                transaction.executeWithoutResult(s -> store.settle(deadClaim, List.of(new CampaignStore.Outcome(r.id(),
                        RecipientState.SENT, clock.instant(), reference, null))));
            }
        }
        int calls = SMS.calls.size();
        clock.shift(Duration.ofMinutes(11));
        assertThat(worker.work(next.id())).isEqualTo(1);
        assertThat(SMS.calls.subList(calls, SMS.calls.size())).extracting(SmsStandIn.Call::key)
                .containsExactly(claimed.get(2).id().toString());
        assertThat(store.recipient(claimed.get(0).id()).orElseThrow().state()).isEqualTo(RecipientState.SENT);
        assertThat(store.recipient(claimed.get(1).id()).orElseThrow().state()).isEqualTo(RecipientState.INTERRUPTED);
        assertThat(store.recipient(claimed.get(2).id()).orElseThrow().state()).isEqualTo(RecipientState.SENT);
        assertThat(campaigns.get(next.id(), d.lead()).state()).isEqualTo(CampaignState.FINISHED);
    }

    @Test
    void twoWorkersAtOnceSendEachRecipientExactlyOnce() throws Exception {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 40);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            nodes.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    while (store.open(c.id()) > 0) {
                        try {
                            worker.work(c.id());
                        } catch (org.springframework.dao.DataAccessException busy) {
                            // the other node held the rows: this one tries again, as the next tick would
                        }
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            }));
        }
        go.countDown();
        for (Thread node : nodes) {
            node.join(Duration.ofMinutes(2));
        }
        assertThat(failed.get()).isNull();
        for (PlayerSummary p : ps) {
            assertThat(mailTo(p.contactEmail())).as("%s got it once", p.accountId()).hasSize(1);
        }
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.SENT)).isEqualTo(40);
    }

    @Test
    void smsGoThroughTheGatewaySignedWithTheirKeyAndSignedReceiptsMarkThemDelivered() throws Exception {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 3);
        campaigns.changePreferences(ps.get(0).id(), new ContactForm("+8613800138000", null, null, false, false, false),
                d.lead());
        campaigns.changePreferences(ps.get(1).id(), new ContactForm("+8613800138001", "en", null, false, false, false),
                d.lead());
        CampaignView c = started(d, OutreachChannel.SMS, Segment.everyone());
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.SKIPPED)).as("no phone").isEqualTo(1);
        int calls = SMS.calls.size();

        assertThat(worker.work(c.id())).isEqualTo(2);
        List<SmsStandIn.Call> made = SMS.calls.subList(calls, SMS.calls.size());
        assertThat(made).hasSize(2).allSatisfy(call -> assertThat(call.signed()).isTrue());
        List<RecipientView> sent = all(c, d).stream().filter(r -> r.state() == RecipientState.SENT).toList();
        assertThat(made).extracting(SmsStandIn.Call::key)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(r -> r.id().toString()).toList());
        assertThat(made).anySatisfy(call -> assertThat(call.body()).contains("+8613800138001", "welcome-back"));
        assertThat(made).anySatisfy(call -> assertThat(call.body()).contains("+8613800138000", "回归礼包"));
        assertThat(sent).allSatisfy(r -> assertThat(r.reference()).startsWith("gw-"));

        UUID first = sent.get(0).id();
        String receipt = "{\"reference\":\"" + first + "\",\"status\":\"delivered\"}";
        mvc.perform(post(OutreachHooks.RECEIPTS).contentType(MediaType.APPLICATION_JSON).content(receipt))
                .andExpect(status().isUnauthorized());
        String ts = Long.toString(clock.instant().getEpochSecond());
        mvc.perform(post(OutreachHooks.RECEIPTS).contentType(MediaType.APPLICATION_JSON).content(receipt)
                .header(SignedRequests.TIMESTAMP, ts)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign("wrong-secret", "POST", OutreachHooks.RECEIPTS, ts,
                        receipt.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnauthorized());
        assertThat(store.recipient(first).orElseThrow().state()).isEqualTo(RecipientState.SENT);
        mvc.perform(post(OutreachHooks.RECEIPTS).contentType(MediaType.APPLICATION_JSON).content(receipt)
                .header(SignedRequests.TIMESTAMP, ts)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SMS_SECRET, "POST", OutreachHooks.RECEIPTS, ts,
                        receipt.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isNoContent());
        assertThat(store.recipient(first).orElseThrow().state()).isEqualTo(RecipientState.DELIVERED);
        String failedReceipt = "{\"reference\":\"" + sent.get(1).id() + "\",\"status\":\"failed\",\"reason\":\"空号\"}";
        mvc.perform(post(OutreachHooks.RECEIPTS).contentType(MediaType.APPLICATION_JSON).content(failedReceipt)
                .header(SignedRequests.TIMESTAMP, ts)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SMS_SECRET, "POST", OutreachHooks.RECEIPTS, ts,
                        failedReceipt.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isNoContent());
        RecipientView failed = store.recipient(sent.get(1).id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(RecipientState.FAILED);
        assertThat(failed.reason()).isEqualTo("空号");
    }

    @Test
    void theChannelsLimitPerMinuteHoldsTheRestUntilTheNextMinute() {
        Desk d = desk(false);
        campaigns.changeSettings(new OutreachSettings(d.game().id(), 2, 0, 0, 0, 0), d.lead());
        players(d.game(), 5);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());

        assertThat(worker.work(c.id())).isEqualTo(2);
        assertThat(worker.work(c.id())).as("still the same minute").isZero();
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.QUEUED)).isEqualTo(3);
        clock.shift(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(worker.work(c.id())).isEqualTo(2);
        clock.shift(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(worker.work(c.id())).isEqualTo(1);
        assertThat(campaigns.get(c.id(), d.lead()).state()).isEqualTo(CampaignState.FINISHED);
    }

    @Test
    void aMessageDueInThePlayersQuietHoursWaitsUntilTheyEnd() {
        Desk d = desk(false);
        List<PlayerSummary> ps = players(d.game(), 2);
        // quiet for the next two hours in Shanghai; the other player lives eight hours behind, awake
        int hour = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour();
        campaigns.changeSettings(new OutreachSettings(d.game().id(), 0, 0, 0, hour, (hour + 2) % 24), d.lead());
        campaigns.changePreferences(ps.get(0).id(), new ContactForm(null, null, "Asia/Shanghai", false, false, false),
                d.lead());
        campaigns.changePreferences(ps.get(1).id(), new ContactForm(null, null, "Europe/London", false, false, false),
                d.lead());
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());

        assertThat(worker.work(c.id())).isEqualTo(1);
        assertThat(mailTo(ps.get(0).contactEmail())).isEmpty();
        RecipientView waiting = all(c, d).stream().filter(r -> r.playerId().equals(ps.get(0).id())).findFirst()
                .orElseThrow();
        assertThat(waiting.state()).isEqualTo(RecipientState.QUEUED);
        assertThat(waiting.dueAt()).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofHours(2)));
        clock.shift(Duration.ofMinutes(59));
        assertThat(worker.work(c.id())).isZero();
        clock.moveTo(waiting.dueAt());
        assertThat(worker.work(c.id())).isEqualTo(1);
        assertThat(mailTo(ps.get(0).contactEmail())).hasSize(1);
    }

    @Test
    void aPausedCampaignSendsNothingUntilResumedAndACancelledOneSkipsEveryoneStillQueued() {
        Desk d = desk(false);
        players(d.game(), 3);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        campaigns.pause(c.id(), d.lead());
        assertThat(worker.workDue()).as("only running campaigns are worked").isGreaterThanOrEqualTo(0);
        assertThat(campaigns.get(c.id(), d.lead()).count(RecipientState.QUEUED)).isEqualTo(3);
        assertThatThrownBy(() -> campaigns.start(c.id(), d.lead())).isInstanceOf(RuleViolation.class);
        campaigns.resume(c.id(), d.lead());
        assertThat(worker.work(c.id())).isEqualTo(3);

        players(d.game(), 2);
        CampaignView other = started(d, OutreachChannel.EMAIL, Segment.everyone());
        CampaignView cancelled = campaigns.cancel(other.id(), d.lead());
        assertThat(cancelled.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(cancelled.count(RecipientState.SKIPPED)).isEqualTo(5);
        assertThat(worker.work(other.id())).isZero();
        assertThatThrownBy(() -> campaigns.resume(other.id(), d.lead())).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("outreach.state"));
    }

    @Test
    void aReplyMarksTheRecipientRepliedWithItsTicketAndABounceMarksItFailed() {
        Desk d = desk(false);
        players(d.game(), 2);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        worker.work(c.id());
        List<RecipientView> sent = all(c, d);
        UUID ticket = UUID.randomUUID();
        transaction.executeWithoutResult(s -> {
            events.publishEvent(new MailEvents.ReferencedReply("outreach:" + sent.get(0).id(), d.game().id(), ticket,
                    clock.instant()));
            events.publishEvent(new MailEvents.ReferencedBounce("outreach:" + sent.get(1).id(), d.game().id(),
                    "550 mailbox unavailable", clock.instant()));
            events.publishEvent(new MailEvents.ReferencedReply("department:42", d.game().id(), ticket, clock.instant()));
        });
        await().untilAsserted(() -> {
            RecipientView replied = store.recipient(sent.get(0).id()).orElseThrow();
            assertThat(replied.state()).isEqualTo(RecipientState.REPLIED);
            assertThat(replied.ticketId()).isEqualTo(ticket);
            RecipientView bounced = store.recipient(sent.get(1).id()).orElseThrow();
            assertThat(bounced.state()).isEqualTo(RecipientState.FAILED);
            assertThat(bounced.reason()).contains("550 mailbox unavailable");
        });
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        Desk d = desk(false);
        assertThatThrownBy(() -> campaigns.draft(d.game().id(), new CampaignDraft(" ", OutreachChannel.EMAIL, null,
                "内容", "", "", new Segment(null, List.of("Gold!"), -1L, 0, null, null, null, null, false)), d.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field)
                        .contains("name", "subjectZh", "textEn", "subjectEn", "segment.minSpend",
                                "segment.inactiveDays")
                        .anyMatch(f -> f.startsWith("segment.tiers")));
        assertThatThrownBy(() -> campaigns.draft(d.game().id(), draft(OutreachChannel.EMAIL, new Segment(null, null,
                null, null, null, null, null, UUID.randomUUID(), false)), d.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("segment.incidentId"));
        PlayerSummary p = players(d.game(), 1).getFirst();
        assertThatThrownBy(() -> campaigns.changePreferences(p.id(), new ContactForm("138", "fr", "Mars/Base", false,
                false, false), d.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("phone", "locale", "timeZone"));
        assertThatThrownBy(() -> campaigns.changeSettings(new OutreachSettings(d.game().id(), -1, 0, 0, 24, 0), d.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("emailPerMinute", "quietFrom"));

        StaffUser lead = new StaffUser(d.lead(), "");
        String page = mvc.perform(post("/console/campaigns").with(user(lead)).with(csrf()).param("game", d.game().code())
                .param("name", "回访").param("channel", "email").param("textZh", "内容").param("textEn", "text")
                .param("subjectZh", "标题").param("subjectEn", "subject").param("minSpend", "abc")
                .param("inactiveDays", "5000").locale(java.util.Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("This must be a whole number.");
        assertThat(campaigns.recent(d.lead())).noneMatch(v -> v.gameId().equals(d.game().id()));
    }

    @Test
    void theCampaignsPageShowsProgressToLeadsAndIsRefusedToAgents() throws Exception {
        Desk d = desk(false);
        players(d.game(), 2);
        CampaignView c = started(d, OutreachChannel.EMAIL, Segment.everyone());
        StaffUser lead = new StaffUser(d.lead(), "");
        // while it runs the page reads its figures every few seconds (js/campaign-progress.js)
        String running = mvc.perform(get("/console/campaigns/" + c.id()).with(user(lead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(running).contains("data-state=\"running\"",
                "data-progress-url=\"/console/campaigns/" + c.id() + "/progress\"", "/js/campaign-progress.js")
                .doesNotContain("campaign-resend");
        mvc.perform(get("/console/campaigns/" + c.id() + "/progress").with(user(lead)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state")
                        .value("running"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.stateName")
                        .value("Running"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.ended")
                        .value(false))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.percentDone")
                        .value(0))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.counts.queued")
                        .value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.counts.sent")
                        .value(0));
        worker.work(c.id());
        mvc.perform(get("/console/campaigns/" + c.id() + "/progress").with(user(lead)).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state")
                        .value("finished"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.stateName")
                        .value("已完成"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.ended")
                        .value(true))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.percentDone")
                        .value(100))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.counts.sent")
                        .value(2));
        String list = mvc.perform(get("/console/campaigns").param("game", d.game().code()).with(user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("data-testid=\"campaign-row\"", "老玩家回归", "nav-campaigns");
        String preview = mvc.perform(post("/console/campaigns").with(user(lead)).with(csrf())
                .param("game", d.game().code()).param("action", "preview").param("server", "S1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(preview).contains("data-count=\"2\"");
        String one = mvc.perform(get("/console/campaigns/" + c.id()).with(user(lead))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).contains("data-state=\"finished\"", "data-state=\"sent\" data-count=\"2\"");
        UUID playerId = all(c, d).getFirst().playerId();
        mvc.perform(post("/console/campaigns/players/" + playerId).with(user(lead)).with(csrf())
                .param("phone", "12345").param("smsOptOut", "true")).andExpect(status().isBadRequest());
        assertThat(campaigns.preferences(playerId, d.lead()).smsOptOut()).as("nothing saved").isFalse();
        mvc.perform(post("/console/campaigns/players/" + playerId).with(user(lead)).with(csrf())
                .param("phone", "+8613800138000").param("smsOptOut", "true")).andExpect(status().is3xxRedirection());
        assertThat(campaigns.preferences(playerId, d.lead()).smsOptOut()).isTrue();
        assertThat(mvc.perform(get("/console/campaigns/players/" + playerId).with(user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"opt-out-smsOptOut\" checked");
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, d.game()), "");
        mvc.perform(get("/console/campaigns").with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/campaigns/" + c.id() + "/progress").with(user(agent))).andExpect(status().isForbidden());
        StaffUser vipManager = new StaffUser(workspace.staff(StaffRole.AGENT_VIP, d.game()), "");
        mvc.perform(get("/console/campaigns").param("game", d.game().code()).with(user(vipManager)))
                .andExpect(status().isOk());
    }

    /** A number no other test texts, so that the newest campaign SMS to it is this test's. */
    static String phone() {
        return "+86139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    /** The gateway hands over a player's text, signed with {@code secret} at {@code at}. */
    org.springframework.test.web.servlet.ResultActions inbound(String json, String secret, Instant at) throws Exception {
        String ts = Long.toString(at.getEpochSecond());
        return mvc.perform(post(OutreachHooks.INBOUND).contentType(MediaType.APPLICATION_JSON).content(json)
                .header(SignedRequests.TIMESTAMP, ts).header(SignedRequests.SIGNATURE, SignedRequests.sign(secret,
                        "POST", OutreachHooks.INBOUND, ts, json.getBytes(StandardCharsets.UTF_8))));
    }

    static String sms(String id, String from, String text) {
        return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
    }

    /** An SMS campaign sent to one player with this phone; answers the recipient. */
    RecipientView smsSentTo(Desk d, PlayerSummary p, String phone) {
        campaigns.changePreferences(p.id(), new ContactForm(phone, null, null, false, false, false), d.lead());
        CampaignView c = started(d, OutreachChannel.SMS, Segment.everyone());
        worker.work(c.id());
        return all(c, d).stream().filter(r -> r.playerId().equals(p.id())).findFirst().orElseThrow();
    }

    int ticketsOf(PlayerSummary p) {
        return jdbc.sql("select count(*) from ticket where player_id = ?").param(p.id()).query(Integer.class).single();
    }

    @Test
    void anSmsReplyMarksTheRecipientRepliedAndOpensATicketNamingTheCampaignThatLaterTextsContinue() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        RecipientView sent = smsSentTo(d, p, phone);
        assertThat(sent.state()).isEqualTo(RecipientState.SENT);
        clock.shift(Duration.ofHours(3));

        String local = phone.substring(1, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6);
        String answer = inbound(sms("gw-in-" + sent.id(), local, "礼包怎么领取？"), SMS_SECRET, clock.instant())
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("\"outcome\":\"replied\"");
        RecipientView replied = store.recipient(sent.id()).orElseThrow();
        assertThat(replied.state()).isEqualTo(RecipientState.REPLIED);
        assertThat(replied.repliedAt()).isEqualTo(clock.instant());
        assertThat(replied.ticketId()).isNotNull();
        assertThat(answer).contains(replied.ticketId().toString());
        org.playerdesk.ticket.TicketDetails ticket = tickets.details(replied.ticketId(), true);
        assertThat(ticket.ticket().channel()).isEqualTo(org.playerdesk.ticket.TicketChannel.SMS);
        assertThat(ticket.ticket().playerId()).isEqualTo(p.id());
        assertThat(ticket.ticket().subject()).contains("老玩家回归");
        assertThat(ticket.metadata()).containsEntry("campaign", "老玩家回归");
        assertThat(ticket.messages()).extracting(org.playerdesk.ticket.MessageView::body).containsExactly("礼包怎么领取？");

        // the gateway delivers the same text again: taken once; a second text continues the ticket
        inbound(sms("gw-in-" + sent.id(), phone, "礼包怎么领取？"), SMS_SECRET, clock.instant())
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("duplicate")));
        inbound(sms("gw-in2-" + sent.id(), phone, "已经领到了，谢谢"), SMS_SECRET, clock.instant()).andExpect(status().isOk());
        assertThat(tickets.details(replied.ticketId(), true).messages()).extracting(org.playerdesk.ticket.MessageView::body)
                .containsExactly("礼包怎么领取？", "已经领到了，谢谢");
        assertThat(ticketsOf(p)).isEqualTo(1);

        // a text from a number no campaign messaged is not kept
        inbound(sms("gw-in3-" + sent.id(), phone(), "你好"), SMS_SECRET, clock.instant()).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("unmatched")));

        StaffUser lead = new StaffUser(d.lead(), "");
        String page = mvc.perform(get("/console/campaigns/" + sent.campaignId()).with(user(lead))
                .locale(java.util.Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-channel=\"sms\"", "data-sent=\"1\"", "data-delivered=\"0\"",
                "data-replied=\"1\"", "已回复");
    }

    @Test
    void aStopReplyOptsTheNumberOutWithoutATicketAndTheNextCampaignSkipsIt() throws Exception {
        assertThat(List.of("STOP", " stop ", "Stop.", "TD", "td", "退订", "退订。", "unsubscribe", "UNSUBSCRIBE!"))
                .allMatch(SmsReplies::stop);
        assertThat(List.of("stop sending me gifts?", "TD礼包", "不要退订")).noneMatch(SmsReplies::stop);

        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        RecipientView sent = smsSentTo(d, p, phone);
        int calls = SMS.calls.size();

        inbound(sms("gw-stop-" + sent.id(), phone, "退订"), SMS_SECRET, clock.instant()).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("opted_out")));
        assertThat(campaigns.preferences(p.id(), d.lead()).smsOptOut()).isTrue();
        assertThat(ticketsOf(p)).as("no ticket for a STOP").isZero();
        assertThat(store.recipient(sent.id()).orElseThrow().ticketId()).isNull();

        CampaignView next = started(d, OutreachChannel.SMS, Segment.everyone());
        worker.work(next.id());
        RecipientView skipped = all(next, d).stream().filter(r -> r.playerId().equals(p.id())).findFirst().orElseThrow();
        assertThat(skipped.state()).isEqualTo(RecipientState.OPTED_OUT);
        assertThat(SMS.calls.subList(calls, SMS.calls.size())).noneMatch(call -> call.body().contains(phone));
    }

    @Test
    void anInboundSmsUnsignedWronglySignedOrStaleIsRefusedWithAProblemAndChangesNothing() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        RecipientView sent = smsSentTo(d, p, phone);
        String reply = sms("gw-forged-" + sent.id(), phone, "退订");

        mvc.perform(post(OutreachHooks.INBOUND).contentType(MediaType.APPLICATION_JSON).content(reply))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value(401))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .isNotEmpty());
        inbound(reply, "wrong-secret", clock.instant()).andExpect(status().isUnauthorized());
        inbound(reply, SMS_SECRET, clock.instant().minus(Duration.ofMinutes(10))).andExpect(status().isUnauthorized());
        mvc.perform(post(OutreachHooks.RECEIPTS).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(campaigns.preferences(p.id(), d.lead()).smsOptOut()).isFalse();
        assertThat(store.recipient(sent.id()).orElseThrow().state()).isEqualTo(RecipientState.SENT);
        assertThat(jdbc.sql("select count(*) from outreach_sms_inbound where gateway_id = ?")
                .param("gw-forged-" + sent.id()).query(Integer.class).single()).isZero();
        inbound("{\"from\": 1}", SMS_SECRET, clock.instant()).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aGameReportsAPlayersAnswerToAnInGameMessageAsATicketLinkedToTheRecipient() throws Exception {
        Desk d = desk(true);
        player(d.game(), "10006", "S1", 0, clock.instant());
        player(d.game(), "10007", "S1", 0, clock.instant());
        CampaignView c = started(d, OutreachChannel.IN_GAME, Segment.everyone());
        worker.work(c.id());
        RecipientView sent = all(c, d).stream().filter(r -> r.accountId().equals("10006")).findFirst().orElseThrow();
        assertThat(sent.state()).isEqualTo(RecipientState.SENT);
        String apiKey = workspace.apiKey(d.game());
        String key = "outreach-" + sent.id();
        String ticket = """
                {"player": {"accountId": "%s"}, "type": "consultation", "subject": "回复：好久不见",
                 "message": "礼包已经领到，谢谢！", "campaignMessage": "%s"}
                """;

        // another player cannot answer this player's message, and a key no campaign gave is refused
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(ticket.formatted("10007", key)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                        .value("campaignMessage"));
        mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(ticket.formatted("10006", "outreach-" + UUID.randomUUID())))
                .andExpect(status().isBadRequest());
        assertThat(store.recipient(sent.id()).orElseThrow().state()).isEqualTo(RecipientState.SENT);

        String answer = mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(ticket.formatted("10006", key)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        UUID ticketId = UUID.fromString(com.jayway.jsonpath.JsonPath.read(answer, "$.id"));
        RecipientView replied = store.recipient(sent.id()).orElseThrow();
        assertThat(replied.state()).isEqualTo(RecipientState.REPLIED);
        assertThat(replied.ticketId()).isEqualTo(ticketId);
        org.playerdesk.ticket.TicketDetails details = tickets.details(ticketId, true);
        assertThat(details.ticket().channel()).isEqualTo(org.playerdesk.ticket.TicketChannel.IN_GAME);
        assertThat(details.metadata()).containsEntry("campaign", "老玩家回归");
        assertThat(campaigns.get(c.id(), d.lead()).tracking().replied()).isEqualTo(1);
    }

    /** A ticket opened by a player's SMS answer to a campaign sent to {@code phone}. */
    UUID smsTicket(Desk d, PlayerSummary p, String phone) throws Exception {
        RecipientView sent = smsSentTo(d, p, phone);
        inbound(sms("gw-q-" + sent.id(), phone, "礼包怎么领取？"), SMS_SECRET, clock.instant()).andExpect(status().isOk());
        return store.recipient(sent.id()).orElseThrow().ticketId();
    }

    /** Waits until every ticket event handed to the SMS answers has been handled. */
    void answersHandled() {
        await().until(() -> jdbc.sql("select count(*) from event_outbox where event_type like '%TicketMessagePosted'")
                .query(Integer.class).single() == 0);
    }

    List<SmsStandIn.Call> callsFor(UUID messageId) {
        return SMS.calls.stream().filter(c -> messageId.toString().equals(c.key())).toList();
    }

    List<String> systemNotes(UUID ticketId) {
        return tickets.details(ticketId, true).messages().stream()
                .filter(m -> m.authorKind() == Actor.Kind.SYSTEM && m.visibility() == org.playerdesk.ticket.Visibility.INTERNAL)
                .map(org.playerdesk.ticket.MessageView::body).toList();
    }

    String note(Desk d, String key, Object... args) {
        return messageSource.getMessage(key, args, java.util.Locale.forLanguageTag(d.game().defaultLocale()));
    }

    @Test
    void anAgentsPublicReplyOnAnSmsTicketIsTextedToTheNumberOnceAndAnInternalNoteIsNot() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        UUID ticketId = smsTicket(d, p, phone);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, d.game());
        int before = SMS.calls.size();

        org.playerdesk.ticket.MessageView internal = desk.note(ticketId, Actor.agent(agent.id(), agent.displayName()),
                "内部：礼包发放记录已核对", List.of());
        org.playerdesk.ticket.MessageView reply = desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()),
                "您好，礼包请在游戏内邮箱领取。", List.of(), null);
        answersHandled();

        List<SmsStandIn.Call> made = callsFor(reply.id());
        assertThat(made).hasSize(1);
        assertThat(made.getFirst().signed()).isTrue();
        assertThat((String) com.jayway.jsonpath.JsonPath.read(made.getFirst().body(), "$.to")).isEqualTo(phone);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(made.getFirst().body(), "$.text"))
                .isEqualTo("您好，礼包请在游戏内邮箱领取。");
        assertThat((String) com.jayway.jsonpath.JsonPath.read(made.getFirst().body(), "$.reference"))
                .isEqualTo(reply.id().toString());
        assertThat(callsFor(internal.id())).isEmpty();
        assertThat(SMS.calls.subList(before, SMS.calls.size())).as("the note is not texted")
                .noneMatch(c -> c.body().contains("内部"));

        // the event delivered again: not texted twice
        answers.on(new org.playerdesk.ticket.TicketEvents.TicketMessagePosted(ticketId, d.game().id(), reply.id(),
                org.playerdesk.ticket.Visibility.PUBLIC, Actor.Kind.AGENT, clock.instant()));
        assertThat(callsFor(reply.id())).hasSize(1);
        assertThat(jdbc.sql("select outcome from outreach_sms_answer where message_id = ?").param(reply.id())
                .query(String.class).single()).isEqualTo("sent");
        assertThat(systemNotes(ticketId)).isEmpty();
    }

    @Test
    void anOptedOutNumberGetsNoAnswerAndTheTicketSaysWhy() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        UUID ticketId = smsTicket(d, p, phone);
        inbound(sms("gw-stop-" + ticketId, phone, "TD"), SMS_SECRET, clock.instant()).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("opted_out")));
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, d.game());

        org.playerdesk.ticket.MessageView reply = desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()),
                "您好，礼包请在游戏内邮箱领取。", List.of(), null);
        answersHandled();

        assertThat(callsFor(reply.id())).isEmpty();
        assertThat(systemNotes(ticketId)).containsExactly(note(d, "outreach.answer.optedOut"));
        assertThat(systemNotes(ticketId).getFirst()).contains("退订");
    }

    @Test
    void aGatewayRefusalIsShownOnTheTicket() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        UUID ticketId = smsTicket(d, p, phone);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, d.game());

        org.playerdesk.ticket.MessageView reply;
        SMS.answer = 422;
        try {
            reply = desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()), "您好，已为您补发。", List.of(),
                    null);
            answersHandled();
        } finally {
            SMS.answer = 200;
        }

        assertThat(callsFor(reply.id())).as("tried once, refused").hasSize(1);
        List<String> notes = systemNotes(ticketId);
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst()).startsWith("此回复未通过短信发出：短信网关拒收").contains("422");
        assertThat(jdbc.sql("select outcome from outreach_sms_answer where message_id = ?").param(reply.id())
                .query(String.class).single()).isEqualTo("refused");
    }

    @Test
    void anAnswerLongerThanTheGatewaysLimitIsCutOrRefusedAsConfigured() throws Exception {
        Desk d = desk(false);
        PlayerSummary p = players(d.game(), 1).getFirst();
        String phone = phone();
        UUID ticketId = smsTicket(d, p, phone);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, d.game());
        String longer = "您好，礼包已经补发到您的游戏内邮箱，请在七天内领取。";
        org.playerdesk.ticket.MessageView first = desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()),
                longer, List.of(), null);
        org.playerdesk.ticket.MessageView second = desk.reply(ticketId, Actor.agent(agent.id(), agent.displayName()),
                longer + "谢谢。", List.of(), null);
        answersHandled();
        // sent already without a limit; forgotten, so that a gateway with a limit of 10 takes them again
        jdbc.sql("delete from outreach_sms_answer where ticket_id = ?").param(ticketId).update();
        int notes = systemNotes(ticketId).size();

        answersWith(10, "cut").on(posted(d, ticketId, first.id()));
        answersWith(10, "refuse").on(posted(d, ticketId, second.id()));

        List<SmsStandIn.Call> cut = callsFor(first.id());
        assertThat(cut).hasSize(2);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(cut.getLast().body(), "$.text"))
                .isEqualTo(longer.substring(0, 9) + "…");
        assertThat(callsFor(second.id())).as("refused: only the earlier unlimited send").hasSize(1);
        assertThat(systemNotes(ticketId).subList(notes, systemNotes(ticketId).size())).containsExactlyInAnyOrder(
                note(d, "outreach.answer.cut", "10"),
                note(d, "outreach.answer.tooLong", String.valueOf(longer.length() + 3), "10"));
        assertThat(jdbc.sql("select outcome from outreach_sms_answer where message_id = ?").param(second.id())
                .query(String.class).single()).isEqualTo("too_long");
    }

    SmsAnswers answersWith(int maxLength, String tooLong) {
        OutreachProperties props = new OutreachProperties(null, null, null, null, null,
                new OutreachProperties.Sms(SMS.url(), SMS_SECRET, null, null, maxLength, tooLong, null, null));
        return new SmsAnswers(store, contactStore, gateway, tickets, desk, games, messageSource, props, clock);
    }

    org.playerdesk.ticket.TicketEvents.TicketMessagePosted posted(Desk d, UUID ticketId, UUID messageId) {
        return new org.playerdesk.ticket.TicketEvents.TicketMessagePosted(ticketId, d.game().id(), messageId,
                org.playerdesk.ticket.Visibility.PUBLIC, Actor.Kind.AGENT, clock.instant());
    }

    @Test
    void idsOfInboundTextsOlderThanTheReplyWindowArePurgedInBatchesByTheNodeHoldingTheLease() {
        Instant old = clock.instant().minus(Duration.ofDays(31));
        String run = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into outreach_sms_inbound (gateway_id, outcome, received_at) values (?, 'unmatched', ?)")
                    .params("old-" + i + "-" + run, java.sql.Timestamp.from(old.minusSeconds(i))).update();
        }
        jdbc.sql("insert into outreach_sms_inbound (gateway_id, outcome, received_at) values (?, 'unmatched', ?)")
                .params("new-" + run, java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(29)))).update();

        // another node holds the lease: nothing is purged here
        jdbc.sql("update outreach_lease set claimed_by = 'another node', claimed_until = ? where name = ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(5))), InboundPurge.LEASE).update();
        assertThat(purge.run(2)).isEqualTo(-1);
        assertThat(inboundLeft(run)).isEqualTo(6);
        // its lease runs out
        clock.shift(Duration.ofMinutes(6));

        assertThat(purge.run(2)).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select gateway_id from outreach_sms_inbound where gateway_id like ?").param("%-" + run)
                .query(String.class).list()).containsExactly("new-" + run);
        assertThat(jdbc.sql("select count(*) from outreach_lease where name = ? and claimed_by is null")
                .param(InboundPurge.LEASE).query(Integer.class).single()).as("released").isEqualTo(1);
    }

    int inboundLeft(String run) {
        return jdbc.sql("select count(*) from outreach_sms_inbound where gateway_id like ?").param("%-" + run)
                .query(Integer.class).single();
    }
}
