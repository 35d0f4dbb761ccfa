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
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
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
 * the period, in batches, and leaves newer and open ones; two runs at once do each row once.
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
