package org.playerdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatStarted;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.privacy.internal.ExportArchives;
import org.playerdesk.privacy.internal.PrivacyProperties;
import org.playerdesk.telephony.PhoneCallLog;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Players' data requests: the archive of an export holds the player's data and only theirs, and
 * its download is audited; an erasure anonymises and deletes per the policy and leaves other
 * players alone; the game API's requests (bad input field by field in both languages,
 * idempotency, the key); deadlines and overdue requests; the page only for those who may.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class PlayerDataRequestsTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    PlayerDirectory players;
    @Autowired
    PlayerProfiles profiles;
    @Autowired
    PrivacyRequests requests;
    @Autowired
    ExportArchives archives;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoppedClock clock;
    @Autowired
    PhoneCallLog calls;
    @Autowired
    TicketFinder finder;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatQueue chatQueue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    List<PersonalDataHolder> holders;
    @Autowired
    PrivacyProperties properties;

    GameInfo game;
    StaffMember supervisor;
    StaffMember agent;
    String apiKey;

    @BeforeEach
    void aGame() {
        game = workspace.game();
        supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        agent = workspace.staff(StaffRole.AGENT_L2, game);
        apiKey = workspace.apiKey(game);
    }

    /** A player with a ticket (a reply with a screenshot, an agent's answer), a chat, a survey answer, a note and a tag. */
    private PlayerSummary playerWithData(String account) {
        Opened ticket = desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "风之子" + account, "S1", null),
                "payment", null, null, "充值未到账 " + account, "充值 648 元后钻石没有到账。", "wind@example.com",
                Map.of("device", "iPhone 15"), true), List.of(new Upload("shot.png", PNG)));
        desk.reply(ticket.ticket().id(), Actor.agent(agent.id(), agent.displayName()), "您好，正在为您核实。", List.of(), null);
        Opened chat = desk.open(new NewTicket(game.id(), new PlayerIdentity(account, null, null, null), "consultation",
                "chat", null, "在线咨询", "我想问一下活动规则。", null, Map.of(), false), List.of());
        PlayerSummary player = players.find(game.id(), account).orElseThrow();
        jdbc.update("insert into survey (id, ticket_id, game_id, channel, resolved_at, secret, score, comment, "
                + "answered_via, answered_at) values (?, ?, ?, 'help_center', current_timestamp, 's', 4, '很快', "
                + "'help_center', current_timestamp)", UUID.randomUUID(), ticket.ticket().id(), game.id());
        profiles.note(player.id(), "玩家很着急", supervisor);
        profiles.tag(player.id(), "vip-watch", supervisor);
        assertThat(chat.ticket().id()).isNotNull();
        return player;
    }

    private Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private PrivacyRequestView written(UUID id) {
        archives.work();
        await().atMost(Duration.ofSeconds(30)).until(() -> requests.find(game.id(), id).orElseThrow().state()
                == RequestState.DONE);
        return requests.find(game.id(), id).orElseThrow();
    }

    @Test
    void theExportHoldsThePlayersDataAndItsDownloadIsAudited() throws Exception {
        playerWithData("e1");
        playerWithData("e2");
        PrivacyRequestView request = requests.receive(game.id(), "e1", "export", "console", supervisor.username(),
                null, null).request();

        PrivacyRequestView done = written(request.id());
        assertThat(done.counts()).containsEntry("tickets", 1).containsEntry("chat-transcripts", 1)
                .containsEntry("attachments", 1).containsEntry("surveys", 1).containsEntry("notes", 1)
                .containsEntry("tags", 1);
        assertThat(done.counts().get("messages")).isEqualTo(3);

        byte[] zip = mvc.perform(get("/console/privacy/requests/{id}/download", request.id())
                        .with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("player.json", "tickets.json", "chat-transcripts.json", "messages.json",
                "attachments.json", "surveys.json", "notes.json", "tags.json", "game-actions.json", "violations.json",
                "contact-preferences.json");
        String tickets = new String(entries.get("tickets.json"), StandardCharsets.UTF_8);
        assertThat(tickets).contains("充值未到账 e1", "wind@example.com", "iPhone 15").doesNotContain("充值未到账 e2");
        assertThat(new String(entries.get("messages.json"), StandardCharsets.UTF_8)).contains("您好，正在为您核实。");
        assertThat(new String(entries.get("surveys.json"), StandardCharsets.UTF_8)).contains("很快");
        assertThat(new String(entries.get("notes.json"), StandardCharsets.UTF_8)).contains("玩家很着急");
        assertThat(new String(entries.get("player.json"), StandardCharsets.UTF_8)).contains("风之子e1");
        assertThat(entries.keySet().stream().filter(name -> name.startsWith("files/"))).singleElement()
                .satisfies(name -> assertThat(entries.get(name)).isEqualTo(PNG));

        assertThat(audit.about("privacy-request", request.id().toString(), 5))
                .extracting(AuditLog.Entry::action).contains("privacy.export.download");
        // an agent may neither download it nor see the page
        mvc.perform(get("/console/privacy/requests/{id}/download", request.id()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/privacy").with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
        mvc.perform(get("/console/privacy").with(user(new StaffUser(supervisor, "")))).andExpect(status().isOk());

        // kept for download for a while, then removed; the request and its counts stay
        clock.shift(Duration.ofDays(15));
        assertThat(archives.sweep()).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/console/privacy/requests/{id}/download", request.id())
                .with(user(new StaffUser(supervisor, "")))).andExpect(status().isNotFound());
        assertThat(requests.find(game.id(), request.id()).orElseThrow().counts()).containsEntry("tickets", 1);
    }

    @Test
    void anErasureAnonymisesAndDeletesPerThePolicyAndLeavesOthersAlone() throws Exception {
        PlayerSummary erased = playerWithData("x1");
        PlayerSummary other = playerWithData("x2");
        UUID id = requests.receive(game.id(), "x1", "erase", "console", supervisor.username(), null, null)
                .request().id();

        mvc.perform(post("/console/privacy/requests/{id}/erase", id).with(user(new StaffUser(agent, ""))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/privacy/requests/{id}/erase", id).with(user(new StaffUser(supervisor, "")))
                .with(csrf())).andExpect(status().is3xxRedirection());

        PrivacyRequestView done = requests.find(game.id(), id).orElseThrow();
        assertThat(done.state()).isEqualTo(RequestState.DONE);
        assertThat(done.doneBy()).isEqualTo(supervisor.username());
        assertThat(done.counts()).containsEntry("tickets", 1).containsEntry("chat-transcripts", 1)
                .containsEntry("attachments", 1).containsEntry("surveys", 1).containsEntry("notes", 1)
                .containsEntry("tags", 1).containsEntry("profile", 1).containsEntry("messages", 2);
        assertThat(audit.about("privacy-request", id.toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("privacy.erase");

        // anonymised: the tickets stay, without the player's words, contact or files
        assertThat(jdbc.queryForList("select subject from ticket where player_id = ?", String.class, erased.id()))
                .containsOnly("[erased]");
        assertThat(jdbc.queryForObject("select count(*) from ticket where player_id = ? and contact_email is not null",
                Integer.class, erased.id())).isZero();
        assertThat(jdbc.queryForList("select m.body from ticket_message m join ticket t on t.id = m.ticket_id "
                + "where t.player_id = ? and m.author_kind = 'player'", String.class, erased.id())).containsOnly("[erased]");
        assertThat(jdbc.queryForList("select m.body from ticket_message m join ticket t on t.id = m.ticket_id "
                + "where t.player_id = ? and m.author_kind = 'agent'", String.class, erased.id()))
                .containsExactly("您好，正在为您核实。");
        assertThat(count("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.player_id = ?", erased.id())).isZero();
        assertThat(count("select count(*) from ticket_metadata m join ticket t on t.id = m.ticket_id "
                + "where t.player_id = ?", erased.id())).isZero();
        assertThat(profiles.notes(erased.id())).isEmpty();
        assertThat(profiles.tags(erased.id())).isEmpty();
        assertThat(players.get(erased.id()).nickname()).isNull();
        assertThat(players.find(game.id(), "x1")).isEmpty();
        assertThat(jdbc.queryForObject("select comment from survey s join ticket t on t.id = s.ticket_id "
                + "where t.player_id = ?", String.class, erased.id())).isNull();

        // the other player keeps everything
        assertThat(jdbc.queryForList("select subject from ticket where player_id = ?", String.class, other.id()))
                .contains("充值未到账 x2");
        assertThat(count("select count(*) from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.player_id = ?", other.id())).isEqualTo(1);
        assertThat(profiles.notes(other.id())).hasSize(1);
        assertThat(players.get(other.id()).nickname()).isEqualTo("风之子x2");
        assertThat(jdbc.queryForObject("select comment from survey s join ticket t on t.id = s.ticket_id "
                + "where t.player_id = ?", String.class, other.id())).isEqualTo("很快");

        // done once
        mvc.perform(post("/console/privacy/requests/{id}/erase", id).with(user(new StaffUser(supervisor, "")))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(requests.find(game.id(), id).orElseThrow().doneBy()).isEqualTo(supervisor.username());
    }

    private int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    @Test
    void aRequestIsDueByTheGamesDeadlineAndFlaggedOverdueAfterIt() {
        PrivacyRequestView pipl = requests.receive(game.id(), "d1", "erase", "console", "lead", null, null).request();
        assertThat(pipl.dueAt()).isEqualTo(pipl.receivedAt().plus(Duration.ofDays(15)));
        assertThat(pipl.overdue()).isFalse();

        requests.setDeadlineDays(game.id(), 30, supervisor);
        PrivacyRequestView gdpr = requests.receive(game.id(), "d2", "erase", "console", "lead", null, null).request();
        assertThat(gdpr.dueAt()).isEqualTo(gdpr.receivedAt().plus(Duration.ofDays(30)));

        clock.shift(Duration.ofDays(16));
        assertThat(requests.find(game.id(), pipl.id()).orElseThrow().overdue()).isTrue();
        assertThat(requests.find(game.id(), gdpr.id()).orElseThrow().overdue()).isFalse();
        // a fulfilled request is never overdue
        requests.erase(pipl.id(), supervisor);
        assertThat(requests.find(game.id(), pipl.id()).orElseThrow().overdue()).isFalse();
    }

    @Test
    void theGameApiTakesARequestOnceAndNamesEachBadField() throws Exception {
        mvc.perform(post("/api/v1/privacy-requests").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"export\", \"accountId\": \"a1\"}")).andExpect(status().isUnauthorized());

        mvc.perform(api("{\"kind\": \"delete\", \"accountId\": \" \", \"reason\": 1}", null).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("kind", "accountId", "reason")))
                .andExpect(jsonPath("$.errors[?(@.field == 'accountId')].message", hasItem("Please write something.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].message", hasItem("Please choose one of the options.")));
        mvc.perform(api("{\"kind\": \"delete\", \"accountId\": \"a1\"}", "bad key").header("Accept-Language", "zh-CN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("kind", "Idempotency-Key")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].message", hasItem("请从选项中选择一项。")));
        assertThat(count("select count(*) from privacy_request where game_id = ?", game.id())).isZero();

        String first = mvc.perform(api("{\"kind\": \"export\", \"accountId\": \"a1\"}", "k-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andExpect(jsonPath("$.state").value("received"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(first, "$.id");
        mvc.perform(api("{ \"accountId\": \"a1\",  \"kind\": \"export\" }", "k-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(api("{\"kind\": \"erase\", \"accountId\": \"a1\"}", "k-1"))
                .andExpect(status().isUnprocessableContent());
        assertThat(count("select count(*) from privacy_request where game_id = ?", game.id())).isEqualTo(1);

        mvc.perform(get("/api/v1/privacy-requests/{id}", id).header("Authorization", "Bearer " + apiKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("export"))
                .andExpect(jsonPath("$.overdue").value(false));
        GameInfo another = workspace.game();
        mvc.perform(get("/api/v1/privacy-requests/{id}", id).header("Authorization", "Bearer " + workspace.apiKey(another)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/privacy-requests/{id}", "not-a-uuid").header("Authorization", "Bearer " + apiKey))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    /**
     * A player whose data other modules copied: an email ticket with the mail received and sent,
     * a forum post, a logged phone call, a campaign's row, a VIP follow-up, a department's question about
     * their ticket; {@code word} is only in their ticket.
     */
    private PlayerSummary playerWithCopies(String account, String word, UUID[] copies) {
        UUID mailbox = copies[0];
        UUID source = copies[1];
        UUID campaign = copies[2];
        Opened ticket = desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "雷霆" + account, "S1", null),
                "payment", "email", null, word + "没有到账", "我买的" + word + "没有到账。", account + "@example.com",
                Map.of(), false), List.of());
        UUID ticketId = ticket.ticket().id();
        PlayerSummary player = players.find(game.id(), account).orElseThrow();
        jdbc.update("insert into mail_thread (ticket_id, game_id, mailbox_id, player_id, player_address, token, subject, "
                + "locale, created_at) values (?, ?, ?, ?, ?, ?, ?, 'zh-CN', current_timestamp)", ticketId, game.id(),
                mailbox, player.id(), account + "@example.com", "t-" + UUID.randomUUID().toString().substring(0, 8),
                word + "没有到账");
        jdbc.update("insert into mail_received (id, mailbox_id, game_id, message_id, kind, sender, subject, ticket_id, "
                + "html, folded, received_at) values (?, ?, ?, ?, 'ticket', ?, ?, ?, ?, ?, current_timestamp)",
                UUID.randomUUID(), mailbox, game.id(), "<in-" + account + "@example.com>", account + "@example.com",
                word + "没有到账", ticketId, "<p>我买的" + word + "没有到账。</p>", "-- 发自我的手机 " + account);
        jdbc.update("insert into mail_sent (id, game_id, message_id, recipient, ticket_id, sent_at) "
                + "values (?, ?, ?, ?, ?, current_timestamp)", UUID.randomUUID(), game.id(),
                "<out-" + account + "@playerdesk>", account + "@example.com", ticketId);
        UUID author = UUID.randomUUID();
        UUID thread = UUID.randomUUID();
        jdbc.update("insert into social_author (id, source_id, platform_user_id, name, player_account, linked_account) "
                + "values (?, ?, ?, ?, ?, ?)", author, source, "u-" + account, "论坛" + account, "forum:u-" + account,
                account);
        jdbc.update("insert into social_thread (id, source_id, thread_key, ticket_id, author_id, url, created_at) "
                + "values (?, ?, ?, ?, ?, ?, current_timestamp)", thread, source, "th-" + account, ticketId, author,
                "https://forum.example.com/t/" + account);
        jdbc.update("insert into social_post (id, source_id, game_id, thread_id, post_key, author_id, kind, body, url, "
                + "removed, received_at) values (?, ?, ?, ?, ?, ?, 'post', ?, ?, false, current_timestamp)",
                UUID.randomUUID(), source, game.id(), thread, "p-" + account, author, "论坛帖子 " + word + " " + account,
                "https://forum.example.com/p/" + account);
        calls.log(game.id(), new PhoneCallLog.Call(account, account.endsWith("1") ? "13800138001" : "13800138002",
                "inbound", LocalDateTime.of(2026, 3, 1, 10, 0), "5", "resolved", ticket.ticket().number(),
                "玩家来电 " + account), agent);
        jdbc.update("insert into outreach_recipient (id, campaign_id, player_id, account_id, address, locale, time_zone, "
                + "state, due_at, sent_at) values (?, ?, ?, ?, ?, 'zh-CN', 'Asia/Shanghai', 'sent', current_timestamp, "
                + "current_timestamp)", UUID.randomUUID(), campaign, player.id(), account, account + "@example.com");
        UUID vip = UUID.randomUUID();
        jdbc.update("insert into vip_player (id, game_id, account_id, vip_level, created_at, updated_at) "
                + "values (?, ?, ?, 8, current_timestamp, current_timestamp)", vip, game.id(), account);
        jdbc.update("insert into vip_follow_up (id, vip_player_id, game_id, account_id, done_at, done_by, outcome, notes) "
                + "values (?, ?, ?, ?, current_timestamp, 'lead', ?, ?)", UUID.randomUUID(), vip, game.id(), account,
                "回访 " + account, "喜欢" + word);
        jdbc.update("insert into department_request (id, department_id, ticket_id, game_id, state, asked_by_name, "
                + "question, asked_at, due_at, reply_token_hash, answer, version) values (?, ?, ?, ?, 'answered', "
                + "'lead', ?, current_timestamp, current_timestamp, ?, ?, 0)", UUID.randomUUID(), copies[3], ticketId,
                game.id(), "请核实 " + account + " 的" + word, UUID.randomUUID().toString().replace("-", ""),
                account + " 的订单已补发");
        return player;
    }

    private UUID[] copiesOfTheGame() {
        UUID mailbox = UUID.randomUUID();
        jdbc.update("insert into mailbox (id, game_id, address, display_name, kind, imap_ssl, enabled, created_at) "
                + "values (?, ?, ?, '客服', 'webhook', false, true, current_timestamp)", mailbox, game.id(),
                "support-" + mailbox + "@example.com");
        UUID source = UUID.randomUUID();
        jdbc.update("insert into social_source (id, game_id, name, platform, enabled, created_at) "
                + "values (?, ?, '官方论坛', 'generic', true, current_timestamp)", source, game.id());
        UUID campaign = UUID.randomUUID();
        jdbc.update("insert into outreach_campaign (id, game_id, name, channel, state, segment, secret, recipients, "
                + "created_by, created_at) values (?, ?, '回归活动', 'email', 'done', '{}', 's', 2, 'lead', "
                + "current_timestamp)", campaign, game.id());
        UUID department = UUID.randomUUID();
        jdbc.update("insert into department (id, game_id, code, name, delivery, answer_hours, business_hours, enabled, "
                + "created_at, updated_at) values (?, ?, 'pay', '支付部', 'console', 24, false, true, current_timestamp, "
                + "current_timestamp)", department, game.id());
        return new UUID[] { mailbox, source, campaign, department };
    }

    @Test
    void theCopiesOfAPlayersDataElsewhereAreExportedAndErased() throws Exception {
        UUID[] copies = copiesOfTheGame();
        PlayerSummary erased = playerWithCopies("c1", "龙鳞护甲", copies);
        PlayerSummary other = playerWithCopies("c2", "凤羽披风", copies);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(finder.matching(Set.of(game.id()), "龙鳞护甲", 10)).hasSize(1);
            assertThat(finder.matching(Set.of(game.id()), "凤羽披风", 10)).hasSize(1);
        });

        // the export holds each copy, the player's only
        PrivacyRequestView export = written(requests.receive(game.id(), "c1", "export", "console",
                supervisor.username(), null, null).request().id());
        // the call and the number it was linked from
        assertThat(export.counts()).containsEntry("mail", 3).containsEntry("social-posts", 1)
                .containsEntry("phone-calls", 2).containsEntry("campaign-recipients", 1);
        Map<String, byte[]> entries = unzip(mvc.perform(get("/console/privacy/requests/{id}/download", export.id())
                .with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(new String(entries.get("mail.json"), StandardCharsets.UTF_8))
                .contains("c1@example.com", "<p>我买的龙鳞护甲没有到账。</p>", "<out-c1@playerdesk>")
                .doesNotContain("c2@example.com");
        assertThat(new String(entries.get("social-posts.json"), StandardCharsets.UTF_8))
                .contains("论坛帖子 龙鳞护甲 c1", "https://forum.example.com/p/c1")
                // the other player's words, not "c2" alone: an id in hex may hold those two characters
                .doesNotContain("凤羽披风", "/p/c2", "/t/c2");
        assertThat(new String(entries.get("phone-calls.json"), StandardCharsets.UTF_8))
                .contains("13800138001", "玩家来电 c1").doesNotContain("13800138002");
        assertThat(new String(entries.get("campaign-recipients.json"), StandardCharsets.UTF_8))
                .contains("c1@example.com", "回归活动").doesNotContain("c2@example.com");
        assertThat(new String(entries.get("vip-records.json"), StandardCharsets.UTF_8))
                .contains("回访 c1", "喜欢龙鳞护甲").doesNotContain("回访 c2", "凤羽披风");
        assertThat(new String(entries.get("department-questions.json"), StandardCharsets.UTF_8))
                .contains("请核实 c1 的龙鳞护甲", "c1 的订单已补发", "支付部")
                .doesNotContain("请核实 c2", "c2 的订单", "凤羽披风");

        // the erasure blanks each copy and leaves the other player's alone
        PrivacyRequestView erasure = requests.erase(requests.receive(game.id(), "c1", "erase", "console",
                supervisor.username(), null, null).request().id(), supervisor);
        assertThat(erasure.counts()).containsEntry("mail", 3).containsEntry("social-posts", 1)
                .containsEntry("phone-calls", 2).containsEntry("campaign-recipients", 1)
                .containsEntry("vip-records", 1).containsEntry("department-questions", 1);
        assertThat(count("select count(*) from vip_follow_up where account_id = 'c1' and (notes is not null "
                + "or outcome like '%c1%')")).isZero();
        assertThat(count("select count(*) from department_request where question like '%c1%' or answer like '%c1%'"))
                .isZero();
        assertThat(count("select count(*) from vip_follow_up where notes = '喜欢凤羽披风'")).isEqualTo(1);
        assertThat(count("select count(*) from department_request where answer = 'c2 的订单已补发'")).isEqualTo(1);
        assertThat(count("select count(*) from mail_received where game_id = ? and (sender like 'c1%' or html like "
                + "'%龙鳞护甲%' or folded like '%c1%' or subject like '%龙鳞护甲%')", game.id())).isZero();
        assertThat(count("select count(*) from mail_sent where game_id = ? and recipient = 'c1@example.com'",
                game.id())).isZero();
        assertThat(count("select count(*) from mail_thread where player_id = ? and (player_address like 'c1%' "
                + "or subject like '%龙鳞护甲%')", erased.id())).isZero();
        assertThat(count("select count(*) from social_post where body like '%c1%' or url like '%c1'")).isZero();
        assertThat(count("select count(*) from social_author where linked_account = 'c1' or name like '%c1'")).isZero();
        assertThat(count("select count(*) from telephony_call where player_id = ? and (caller_number is not null "
                + "or notes is not null)", erased.id())).isZero();
        assertThat(count("select count(*) from telephony_player_phone where player_id = ?", erased.id())).isZero();
        assertThat(count("select count(*) from outreach_recipient where player_id = ? and (address is not null "
                + "or account_id = 'c1')", erased.id())).isZero();

        assertThat(count("select count(*) from mail_received where sender = 'c2@example.com' and html like "
                + "'%凤羽披风%'")).isEqualTo(1);
        assertThat(count("select count(*) from mail_sent where recipient = 'c2@example.com'")).isEqualTo(1);
        assertThat(count("select count(*) from social_post where body = '论坛帖子 凤羽披风 c2'")).isEqualTo(1);
        assertThat(count("select count(*) from telephony_call where player_id = ? and notes = '玩家来电 c2' "
                + "and caller_number = '13800138002'", other.id())).isEqualTo(1);
        assertThat(count("select count(*) from outreach_recipient where player_id = ? and address = 'c2@example.com'",
                other.id())).isEqualTo(1);

        // the console's ticket search no longer finds the erased words; the other player's still
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("select count(*) from kb_ticket_document where game_id = ? and (subject like '%龙鳞护甲%' "
                    + "or messages like '%龙鳞护甲%' or nickname = '雷霆c1')", game.id())).isZero();
            assertThat(finder.matching(Set.of(game.id()), "龙鳞护甲", 10)).isEmpty();
        });
        assertThat(finder.matching(Set.of(game.id()), "凤羽披风", 10)).hasSize(1);
        assertThat(finder.matching(Set.of(game.id()), "雷霆c1", 10)).isEmpty();
    }

    static final String CHAT_SECRET = "privacy-chat-secret-0123456789";

    /**
     * A live chat of a signed player as the widget starts it: their first line ({@code words}),
     * an agent's answer, another line of theirs, with {@code image} a screenshot, ended by the
     * player and rated with a comment.
     */
    private UUID liveChat(String account, String words, StaffUser agent, boolean image) {
        ChatStarted started = chats.start(game.code(), new ChatIdentity(game.code(), account, "聊天" + account, 3, "S2",
                clock.millis() / 1000, null).signedWith(CHAT_SECRET), null, "c-1", words);
        assertThat(started.chat().status()).isEqualTo(ChatStatus.WAITING);
        UUID chat = started.chat().id();
        chatQueue.accept(chat, agent);
        chats.post(chat, Sender.agent(agent), "a-1", "您好，我帮您查一下", null);
        chats.post(chat, Sender.player(chat), "c-2", "订单号 " + words, null);
        if (image) {
            chats.post(chat, Sender.player(chat), "c-3", null, new Upload("bag.png", PNG));
        }
        chats.end(chat, Sender.player(chat));
        chats.rate(chat, 4, "谢谢，" + words, List.of());
        return chat;
    }

    /** Every data kind kept, but for chat transcripts kept as they are since yesterday. */
    private ErasurePolicy keepingChatsOfToday() {
        Map<String, ErasureRule> rules = new HashMap<>();
        properties.erasure().keySet().forEach(kind -> rules.put(kind, new ErasureRule(Treatment.KEEP, null)));
        rules.put("chat-transcripts", new ErasureRule(Treatment.ANONYMISE, clock.instant().minus(Duration.ofDays(1))));
        return new ErasurePolicy(rules);
    }

    @Test
    void aPlayersLiveChatsAreExportedWithTheirImagesAndErasedAndAnotherPlayersAreNot() throws Exception {
        rulebook.configure(game.id(), CHAT_SECRET, false, null, null, null, null);
        StaffMember chatAgent = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(chatAgent, Presence.ONLINE, 3);
        StaffUser me = new StaffUser(chatAgent, "");
        UUID mine = liveChat("lc1", "月光宝盒丢了", me, true);
        UUID theirs = liveChat("lc2", "星辰战甲不见了", me, false);

        PrivacyRequestView export = written(requests.receive(game.id(), "lc1", "export", "console",
                supervisor.username(), null, null).request().id());
        // the chat's ticket, and the chat as the chat keeps it: four lines, three of them the player's
        assertThat(export.counts()).containsEntry("chat-transcripts", 1).containsEntry("live-chats", 1)
                .containsEntry("live-chat-messages", 4).containsEntry("attachments", 1);
        Map<String, byte[]> entries = unzip(mvc.perform(get("/console/privacy/requests/{id}/download", export.id())
                .with(user(new StaffUser(supervisor, ""))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        String chatsJson = new String(entries.get("live-chats.json"), StandardCharsets.UTF_8);
        assertThat(chatsJson).contains(mine.toString(), "聊天lc1", "S2",
                "谢谢，月光宝盒丢了", chatAgent.displayName())
                .doesNotContain(theirs.toString(), "聊天lc2", "星辰战甲不见了");
        String lines = new String(entries.get("live-chat-messages.json"), StandardCharsets.UTF_8);
        assertThat(lines).contains("月光宝盒丢了", "订单号 月光宝盒丢了", "您好，我帮您查一下", "\"files/")
                .doesNotContain("星辰战甲不见了", "聊天lc2", theirs.toString());
        // the image is in the archive once, under the name its line gives
        String file = entries.keySet().stream().filter(name -> name.startsWith("files/")).findFirst().orElseThrow();
        assertThat(entries.keySet().stream().filter(name -> name.startsWith("files/"))).containsExactly(file);
        assertThat(entries.get(file)).isEqualTo(PNG);
        assertThat(lines).contains("\"" + file + "\"");

        // a studio keeping chat transcripts as they are for a while: nothing of the chat goes yet
        PlayerSummary player = players.find(game.id(), "lc1").orElseThrow();
        DataSubject subject = new DataSubject(player.id(), game.id(), "lc1");
        Map<String, Integer> kept = new HashMap<>();
        holders.forEach(holder -> holder.erase(subject, keepingChatsOfToday())
                .forEach((kind, n) -> kept.merge(kind, n, Integer::sum)));
        assertThat(kept).containsEntry("live-chats", 0).containsEntry("live-chat-messages", 0);
        assertThat(count("select count(*) from chat_message where session_id = ? and body like '%月光宝盒丢了%'", mine))
                .isEqualTo(2);

        PrivacyRequestView erasure = requests.erase(requests.receive(game.id(), "lc1", "erase", "console",
                supervisor.username(), null, null).request().id(), supervisor);
        assertThat(erasure.counts()).containsEntry("live-chats", 1).containsEntry("live-chat-messages", 3)
                .containsEntry("chat-transcripts", 1);
        assertThat(jdbc.queryForMap("select account_id, nickname, server, vip_level, rating, rating_comment, erased_at "
                + "from chat_session where id = ?", mine))
                .containsEntry("ACCOUNT_ID", "[erased]").containsEntry("NICKNAME", null).containsEntry("SERVER", null)
                .containsEntry("VIP_LEVEL", null).containsEntry("RATING", 4).containsEntry("RATING_COMMENT", null)
                .doesNotContainEntry("ERASED_AT", null);
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? and author_kind = 'player'",
                String.class, mine)).hasSize(3).containsOnly("[erased]");
        assertThat(count("select count(*) from chat_message where session_id = ? and (image_id is not null "
                + "or author_name like '%lc1%')", mine)).isZero();
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? and author_kind = 'agent'",
                String.class, mine)).containsExactly("您好，我帮您查一下");

        // the other player's chat keeps everything
        assertThat(jdbc.queryForMap("select account_id, nickname, rating_comment, erased_at from chat_session "
                + "where id = ?", theirs)).containsEntry("ACCOUNT_ID", "lc2").containsEntry("NICKNAME", "聊天lc2")
                .containsEntry("RATING_COMMENT", "谢谢，星辰战甲不见了").containsEntry("ERASED_AT", null);
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? and author_kind = 'player' "
                + "order by seq", String.class, theirs)).containsExactly("星辰战甲不见了", "订单号 星辰战甲不见了");
    }

    /**
     * Every data kind kept, but for chat transcripts deleted, as a studio setting
     * {@code playerdesk.privacy.erasure.chat-transcripts.treatment: delete} has it.
     */
    private ErasurePolicy deletingChats() {
        Map<String, ErasureRule> rules = new HashMap<>();
        properties.erasure().keySet().forEach(kind -> rules.put(kind, new ErasureRule(Treatment.KEEP, null)));
        rules.put("chat-transcripts", new ErasureRule(Treatment.DELETE, null));
        return new ErasurePolicy(rules);
    }

    @Test
    void deletingChatTranscriptsDeletesAChatOverAndAnonymisesOneStillUnderWay() {
        rulebook.configure(game.id(), CHAT_SECRET, false, null, null, null, null);
        StaffMember chatAgent = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(chatAgent, Presence.ONLINE, 3);
        StaffUser me = new StaffUser(chatAgent, "");
        UUID over = liveChat("ld1", "魔法水晶碎了", me, false);
        UUID theirs = liveChat("ld2", "传送卷轴失效了", me, false);
        // a new signature for the player's second chat
        clock.shift(Duration.ofMinutes(1));
        UUID underWay = chats.start(game.code(), new ChatIdentity(game.code(), "ld1", "聊天ld1", 3, "S2",
                clock.millis() / 1000, null).signedWith(CHAT_SECRET), null, "c-1", "坐骑翅膀消失了").chat().id();
        chatQueue.accept(underWay, me);
        chats.post(underWay, Sender.agent(me), "a-1", "请稍等，正在核查坐骑记录", null);
        chats.post(underWay, Sender.player(underWay), "c-2", "坐骑翅膀是昨天消失的", null);
        assertThat(chats.view(underWay).status()).isEqualTo(ChatStatus.ACTIVE);

        PlayerSummary player = players.find(game.id(), "ld1").orElseThrow();
        DataSubject subject = new DataSubject(player.id(), game.id(), "ld1");
        Map<String, Integer> counts = new HashMap<>();
        holders.forEach(holder -> holder.erase(subject, deletingChats())
                .forEach((kind, n) -> counts.merge(kind, n, Integer::sum)));
        // the chat over with its three lines; the chat under way with the player's two lines
        assertThat(counts).containsEntry("live-chats", 2).containsEntry("live-chat-messages", 5);

        // the chat over is gone with its lines
        assertThat(count("select count(*) from chat_session where id = ?", over)).isZero();
        assertThat(count("select count(*) from chat_message where session_id = ?", over)).isZero();
        assertThat(count("select count(*) from chat_message where body like '%魔法水晶碎了%'")).isZero();
        assertThat(count("select count(*) from chat_session where rating_comment like '%魔法水晶碎了%'")).isZero();

        // the chat under way stays, anonymised, and both windows still work
        assertThat(jdbc.queryForMap("select account_id, nickname, server, vip_level, status, erased_at "
                + "from chat_session where id = ?", underWay))
                .containsEntry("ACCOUNT_ID", "[erased]").containsEntry("NICKNAME", null).containsEntry("SERVER", null)
                .containsEntry("VIP_LEVEL", null).containsEntry("STATUS", "active")
                .doesNotContainEntry("ERASED_AT", null);
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? and author_kind = 'player'",
                String.class, underWay)).hasSize(2).containsOnly("[erased]");
        assertThat(count("select count(*) from chat_message where body like '%坐骑翅膀%'")).isZero();
        chats.post(underWay, Sender.agent(me), "a-2", "已为您补发坐骑，请查收", null);
        chats.post(underWay, Sender.player(underWay), "c-3", "收到补发了", null);
        assertThat(chats.view(underWay).status()).isEqualTo(ChatStatus.ACTIVE);
        assertThat(chats.history(underWay, 0)).extracting(ChatLine::body).containsExactly("[erased]",
                "请稍等，正在核查坐骑记录", "[erased]", "已为您补发坐骑，请查收", "收到补发了");
        chats.end(underWay, Sender.player(underWay));
        assertThat(chats.view(underWay).status()).isEqualTo(ChatStatus.ENDED);
        // its ticket has the whole conversation, without the player's words and name from before
        UUID ticket = chats.view(underWay).ticketId();
        assertThat(jdbc.queryForList("select body from ticket_message where ticket_id = ? and author_kind = 'agent'",
                String.class, ticket)).contains("请稍等，正在核查坐骑记录", "已为您补发坐骑，请查收");
        assertThat(count("select count(*) from ticket_message where ticket_id = ? and (body like '%坐骑翅膀%' "
                + "or author_name = '聊天ld1')", ticket)).isZero();

        // the other player's chat keeps everything
        assertThat(jdbc.queryForMap("select account_id, nickname, rating_comment, erased_at from chat_session "
                + "where id = ?", theirs)).containsEntry("ACCOUNT_ID", "ld2").containsEntry("NICKNAME", "聊天ld2")
                .containsEntry("RATING_COMMENT", "谢谢，传送卷轴失效了").containsEntry("ERASED_AT", null);
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? order by seq", String.class,
                theirs)).containsExactly("传送卷轴失效了", "您好，我帮您查一下", "订单号 传送卷轴失效了");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder api(String json, String key) {
        var request = post("/api/v1/privacy-requests").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        return key == null ? request : request.header("Idempotency-Key", key);
    }
}
