package org.playerdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.privacy.internal.PrivacyStore;
import org.playerdesk.privacy.internal.RetentionSweep;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Retention periods: nothing goes without one; the dry run counts per game and kind what a run
 * would do and changes nothing; a run anonymises closed tickets and deletes attachments older than
 * the period, in batches, and leaves newer and open ones; it deletes the audit log's entries and
 * the live chats' own rows older than theirs; two runs at once do each row once; each change of
 * a period and each run from the page is audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class RetentionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    RetentionSweep sweep;
    @Autowired
    PrivacyStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoppedClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatQueue chatQueue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;

    GameInfo game;
    StaffMember admin;

    @BeforeEach
    void aGame() {
        game = workspace.game();
        admin = workspace.staff(StaffRole.ADMIN);
    }

    private UUID closedTicket(String channel, boolean withFile) {
        UUID id = desk.open(new NewTicket(game.id(), new PlayerIdentity(TestWorkspace.unique("p"), "玩家", null, null),
                "bug", channel, null, "闪退", "进入副本就闪退。", "p@example.com", Map.of(), false),
                withFile ? List.of(new Upload("shot.png", PlayerDataRequestsTest.PNG)) : List.of()).ticket().id();
        Actor agent = Actor.agent(admin.id(), admin.displayName());
        desk.changeStatus(id, TicketStatus.RESOLVED, agent);
        desk.changeStatus(id, TicketStatus.CLOSED, agent);
        return id;
    }

    private Map<String, Long> dryRun() {
        Map<String, Long> rows = new java.util.HashMap<>();
        sweep.dryRun(Set.of(game.id())).forEach(line -> rows.put(line.kind(), line.rows()));
        return rows;
    }

    private int erased() {
        return jdbc.queryForObject("select count(*) from ticket where game_id = ? and erased_at is not null",
                Integer.class, game.id());
    }

    @Test
    void theDryRunShowsWhatARunDoesInBatches() throws Exception {
        for (int i = 0; i < 5; i++) {
            closedTicket(null, i == 0);
        }
        closedTicket("chat", false);
        clock.shift(Duration.ofDays(40));
        UUID recent = closedTicket(null, true);
        UUID open = desk.open(new NewTicket(game.id(), new PlayerIdentity("still-open", null, null, null), "bug", null,
                null, "还没处理", "等待中", null, Map.of(), false), List.of()).ticket().id();

        // no period: nothing is due, a run changes nothing
        assertThat(dryRun()).isEmpty();
        sweep.run();
        assertThat(erased()).isZero();

        mvc.perform(post("/console/privacy/retention").param("game", game.code()).param("closed-tickets", "30")
                .param("chat-transcripts", "").param("attachments", "30").param("audit-entries", "")
                .with(user(new StaffUser(admin, ""))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(dryRun()).containsExactlyInAnyOrderEntriesOf(Map.of("closed-tickets", 5L, "attachments", 1L));
        mvc.perform(get("/console/privacy").param("game", game.code()).with(user(new StaffUser(admin, ""))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"dry-run-closed-tickets\">5<")));
        assertThat(erased()).isZero();

        List<RetentionSweep.Line> done = sweep.run(2).stream().filter(line -> line.gameId().equals(game.id())).toList();
        assertThat(done).extracting(RetentionSweep.Line::kind, RetentionSweep.Line::rows)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("closed-tickets", 5L),
                        org.assertj.core.groups.Tuple.tuple("attachments", 1L));
        assertThat(erased()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select erased_at from ticket where id = ?", java.sql.Timestamp.class, recent))
                .isNull();
        assertThat(jdbc.queryForObject("select erased_at from ticket where id = ?", java.sql.Timestamp.class, open))
                .isNull();
        assertThat(jdbc.queryForObject("select count(*) from ticket_attachment where ticket_id = ?", Integer.class,
                recent)).isEqualTo(1);
        // the chat transcript has no period: kept
        assertThat(jdbc.queryForObject("select count(*) from ticket where game_id = ? and channel = 'chat' "
                + "and erased_at is null", Integer.class, game.id())).isEqualTo(1);
        assertThat(dryRun()).containsExactlyInAnyOrderEntriesOf(Map.of("closed-tickets", 0L, "attachments", 0L));
    }

    private List<String> auditDetails(String subject) {
        return jdbc.queryForList("select detail from audit_record where subject_id = ?", String.class, subject);
    }

    private long ranFor(List<RetentionSweep.Line> lines, String kind) {
        return lines.stream().filter(line -> line.gameId().equals(game.id()) && line.kind().equals(kind))
                .mapToLong(RetentionSweep.Line::rows).sum();
    }

    @Test
    void auditEntriesOlderThanThePeriodAreDeletedAndNewerOnesAndThoseOfNoGameStay() {
        String subject = TestWorkspace.unique("acct");
        for (int i = 0; i < 5; i++) {
            audit.record(admin, game.id(), "pii.view", "player", subject, "old " + i);
        }
        audit.record(admin, null, "staff.update", "staff", subject, "of no game");
        clock.shift(Duration.ofDays(40));
        audit.record(admin, game.id(), "pii.view", "player", subject, "recent");
        store.setRetention(game.id(), "audit-entries", 30, "admin", clock.instant());

        // the five, and whatever else of the game's was written before the forty days
        long due = dryRun().get("audit-entries");
        assertThat(due).isGreaterThanOrEqualTo(5);
        assertThat(auditDetails(subject)).as("the dry run changes nothing").hasSize(7);

        assertThat(ranFor(sweep.run(2), "audit-entries")).isEqualTo(due);
        assertThat(auditDetails(subject)).containsExactlyInAnyOrder("of no game", "recent");
        assertThat(dryRun()).containsEntry("audit-entries", 0L);
        assertThat(ranFor(sweep.run(2), "audit-entries")).as("nothing twice").isZero();
    }

    /** A guest's chat an agent took, a line each way, ended by the agent; its ticket closed. */
    private UUID endedChat(StaffUser agent, String words) {
        UUID chat = chats.start(game.code(), null, "游客", "c-1", words).chat().id();
        chatQueue.accept(chat, agent);
        chats.post(chat, Sender.agent(agent), "a-1", "您好，请问有什么可以帮您", null);
        chats.post(chat, Sender.player(chat), "c-2", words + "，谢谢", null);
        chats.end(chat, Sender.agent(agent));
        Actor closing = Actor.agent(agent.id(), agent.displayName());
        desk.changeStatus(chats.view(chat).ticketId(), TicketStatus.RESOLVED, closing);
        desk.changeStatus(chats.view(chat).ticketId(), TicketStatus.CLOSED, closing);
        return chat;
    }

    private int chatRows(String table, String column, UUID id) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, id);
    }

    @Test
    void chatTranscriptsEndedBeforeThePeriodGoFromTheLiveChatAndTheirTicketsAreAnonymised() {
        rulebook.configure(game.id(), null, true, null, null, null, null);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffUser me = new StaffUser(agent, "");
        seats.setPresence(agent, Presence.ONLINE, 3);
        UUID old = endedChat(me, "旧的聊天");
        UUID oldTicket = chats.view(old).ticketId();
        clock.shift(Duration.ofDays(40));
        seats.setPresence(agent, Presence.ONLINE, 3);
        UUID recent = endedChat(me, "新的聊天");
        UUID waiting = chats.start(game.code(), null, "游客", "c-1", "还在排队").chat().id();
        assertThat(chats.view(waiting).status()).isEqualTo(ChatStatus.WAITING);
        store.setRetention(game.id(), "chat-transcripts", 30, "admin", clock.instant());

        // the old chat's ticket, and the old chat as the live chat keeps it
        assertThat(dryRun()).containsExactlyInAnyOrderEntriesOf(Map.of("chat-transcripts", 2L));
        assertThat(chatRows("chat_session", "id", old)).as("the dry run changes nothing").isEqualTo(1);
        assertThat(chatRows("chat_message", "session_id", old)).isEqualTo(3);
        assertThat(erased()).isZero();

        assertThat(ranFor(sweep.run(1), "chat-transcripts")).isEqualTo(2);
        assertThat(chatRows("chat_session", "id", old)).isZero();
        assertThat(chatRows("chat_message", "session_id", old)).isZero();
        assertThat(jdbc.queryForObject("select erased_at from ticket where id = ?", java.sql.Timestamp.class,
                oldTicket)).isNotNull();
        assertThat(jdbc.queryForList("select m.body from ticket_message m where m.ticket_id = ? "
                + "and m.author_kind = 'player'", String.class, oldTicket)).containsOnly("[erased]");
        // a chat ended within the period, and one still waiting, stay as they are
        assertThat(jdbc.queryForList("select body from chat_message where session_id = ? order by seq", String.class,
                recent)).containsExactly("新的聊天", "您好，请问有什么可以帮您", "新的聊天，谢谢");
        assertThat(chatRows("chat_session", "id", waiting)).isEqualTo(1);
        assertThat(erased()).isEqualTo(1);
        assertThat(dryRun()).containsEntry("chat-transcripts", 0L);
    }

    @Test
    void twoRunsAtOnceDoEachRowOnce() throws Exception {
        for (int i = 0; i < 7; i++) {
            closedTicket(null, false);
        }
        clock.shift(Duration.ofDays(40));
        store.setRetention(game.id(), "closed-tickets", 30, "admin", clock.instant());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Long> run = () -> {
            start.await();
            return sweep.run(2).stream().filter(line -> line.gameId().equals(game.id()))
                    .mapToLong(RetentionSweep.Line::rows).sum();
        };
        List<Future<Long>> runs = new ArrayList<>(List.of(pool.submit(run), pool.submit(run)));
        start.countDown();
        long total = 0;
        for (Future<Long> each : runs) {
            total += each.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(7);
        assertThat(erased()).isEqualTo(7);
    }

    private void setPeriods(StaffUser me, String closedTickets, String attachments) throws Exception {
        mvc.perform(post("/console/privacy/retention").param("game", game.code()).param("closed-tickets", closedTickets)
                .param("chat-transcripts", "").param("attachments", attachments).param("audit-entries", "")
                .with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** What the administrator did, as the audit log has it, oldest first. */
    private List<AuditLog.Entry> audited(String action) {
        List<AuditLog.Entry> entries = new ArrayList<>(audit.search(new AuditLog.Filter(admin.id(), action, null, null,
                null, null), null, 50));
        java.util.Collections.reverse(entries);
        return entries;
    }

    @Test
    void eachChangeOfAPeriodAndEachRunFromThePageIsAudited() throws Exception {
        for (int i = 0; i < 3; i++) {
            closedTicket(null, false);
        }
        clock.shift(Duration.ofDays(40));
        StaffUser me = new StaffUser(admin, "");
        java.time.Instant first = clock.instant();
        setPeriods(me, "60", "");
        clock.shift(Duration.ofMinutes(1));
        java.time.Instant second = clock.instant();
        setPeriods(me, "30", "90");
        clock.shift(Duration.ofMinutes(1));
        // saved as they are, and refused: no change, nothing audited
        setPeriods(me, "30", "90");
        setPeriods(me, "0", "");
        assertThat(store.retention(game.id())).containsExactlyInAnyOrderEntriesOf(
                Map.of("closed-tickets", 30, "attachments", 90));

        List<AuditLog.Entry> changes = audited("privacy.retention");
        assertThat(changes).extracting(AuditLog.Entry::detail).containsExactly(
                "closed-tickets: kept for ever -> 60 days",
                "closed-tickets: 60 days -> 30 days; attachments: kept for ever -> 90 days");
        assertThat(changes).extracting(AuditLog.Entry::at).containsExactly(first, second);
        assertThat(changes).allSatisfy(entry -> {
            assertThat(entry.actorName()).isEqualTo(admin.username());
            assertThat(entry.gameId()).isEqualTo(game.id());
            assertThat(entry.subjectId()).isEqualTo(game.id().toString());
            assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
        });

        // a run from the page: the rows of each kind of the game, with its period
        mvc.perform(post("/console/privacy/retention/run").param("game", game.code()).with(user(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(erased()).isEqualTo(3);
        List<AuditLog.Entry> runs = audited("privacy.retention.run").stream()
                .filter(entry -> game.id().equals(entry.gameId())).toList();
        assertThat(runs).singleElement().satisfies(entry -> {
            assertThat(entry.detail()).contains("closed-tickets (30 days): 3 rows", "attachments (90 days): 0 rows");
            assertThat(entry.at()).isEqualTo(clock.instant());
            assertThat(entry.actorName()).isEqualTo(admin.username());
            assertThat(entry.clientAddress()).isEqualTo("127.0.0.1");
        });

        // a run while another is under way does nothing, and says so
        assertThat(store.lease("elsewhere", clock.instant(), Duration.ofMinutes(5))).isTrue();
        try {
            mvc.perform(post("/console/privacy/retention/run").with(user(me)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        } finally {
            store.release("elsewhere");
        }
        assertThat(audited("privacy.retention.run")).filteredOn(entry -> entry.gameId() == null).singleElement()
                .extracting(AuditLog.Entry::detail).isEqualTo("nothing done: another run was under way");
    }

    @Test
    void onlyAdministratorsSetPeriodsAndAgentsSeeNothing() throws Exception {
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        mvc.perform(post("/console/privacy/retention").param("game", game.code()).param("closed-tickets", "30")
                .with(user(new StaffUser(supervisor, ""))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/privacy/retention/run").with(user(new StaffUser(supervisor, ""))).with(csrf()))
                .andExpect(status().isForbidden());
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        mvc.perform(get("/console/privacy").with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
        assertThat(store.retention(game.id())).isEmpty();
    }
}
