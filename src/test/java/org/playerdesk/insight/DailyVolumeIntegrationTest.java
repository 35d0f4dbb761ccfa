package org.playerdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.DailyVolume.Metric;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ticket events reach the insight module through the event publication registry: after a burst
 * of changes every publication is completed, and the daily counts match what happened.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class DailyVolumeIntegrationTest {

    static final int PLAYERS = 4;
    static final int TICKETS_EACH = 6;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    DailyVolume volume;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DailyRollUp rollUp;

    @Test
    void countsEveryEventOfABurstOnceAndCompletesEveryPublication() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        GameInfo game = workspace.game();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        Actor agent = Actor.agent(member.id(), member.displayName());

        List<Future<?>> burst = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(PLAYERS)) {
            for (int p = 0; p < PLAYERS; p++) {
                String account = "burst" + p;
                Callable<Void> player = () -> {
                    for (int i = 0; i < TICKETS_EACH; i++) {
                        Opened opened = workspace.ticket(game, account, "consultation");
                        UUID id = opened.ticket().id();
                        Actor self = Actor.player(opened.ticket().playerId(), account);
                        desk.reply(id, agent, "您好，请问还有什么可以帮您？", List.of(), TicketStatus.PENDING_PLAYER);
                        desk.reply(id, self, "没有了，谢谢", List.of(), null);
                        desk.note(id, agent, "已解答", List.of());
                        desk.changeStatus(id, TicketStatus.RESOLVED, agent);
                    }
                    return null;
                };
                burst.add(pool.submit(player));
            }
        }
        for (Future<?> done : burst) {
            done.get();
        }
        Assumptions.assumeTrue(day.equals(LocalDate.now(ZoneOffset.UTC)), "the burst ran across midnight (UTC)");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(incompletePublications())
                .as("event publications not completed").isEmpty());

        int tickets = PLAYERS * TICKETS_EACH;
        assertThat(volume.today(Set.of(game.id()))).isEqualTo(Map.of(
                Metric.CREATED, (long) tickets,
                Metric.PLAYER_REPLIES, 2L * tickets,
                Metric.AGENT_REPLIES, (long) tickets,
                Metric.RESOLVED, (long) tickets));
    }

    @Test
    void rollsEventsUpOnceEvenFromTwoNodesAtOnceAndKeepsTodaysCountsWhole() throws Exception {
        GameInfo game = workspace.game();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        for (int i = 0; i < 5; i++) {
            counted(game, "old-" + i, yesterday, Metric.CREATED, Instant.now().minus(Duration.ofDays(40)));
        }
        counted(game, "new-0", today, Metric.CREATED, Instant.now());
        counted(game, "new-1", today, Metric.RESOLVED, Instant.now());

        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> runs = List.of(nodes.submit(rollUp::rollUp), nodes.submit(rollUp::rollUp));
            for (Future<Integer> run : runs) {
                run.get();
            }
        }

        assertThat(jdbc.queryForObject("select total from ticket_daily_count where game_id = ? and count_day = ? and metric = ?",
                Long.class, game.id(), yesterday, "CREATED")).isEqualTo(5L);
        assertThat(volume.today(Set.of(game.id()))).isEqualTo(Map.of(
                Metric.CREATED, 1L, Metric.PLAYER_REPLIES, 0L, Metric.AGENT_REPLIES, 0L, Metric.RESOLVED, 1L));
        counted(game, "new-2", today, Metric.CREATED, Instant.now());
        assertThat(volume.today(Set.of(game.id()))).as("rolled-up total and events counted since")
                .containsEntry(Metric.CREATED, 2L);

        rollUp.prune();
        assertThat(jdbc.queryForObject("select count(*) from ticket_daily_counted where game_id = ?", Integer.class,
                game.id())).as("old events forgotten once rolled up, today's kept").isEqualTo(3);
        assertThat(jdbc.queryForObject("select total from ticket_daily_count where game_id = ? and count_day = ? and metric = ?",
                Long.class, game.id(), yesterday, "CREATED")).isEqualTo(5L);
    }

    private void counted(GameInfo game, String key, LocalDate day, Metric metric, Instant at) {
        jdbc.update("insert into ticket_daily_counted (event_key, counted_at, game_id, count_day, metric, rolled_up) "
                + "values (?, ?, ?, ?, ?, false)", game.id() + ":" + key, Timestamp.from(at), game.id(), day, metric.name());
    }

    @Test
    void countsNothingForGamesWithoutTickets() {
        GameInfo quiet = workspace.game();

        assertThat(volume.today(Set.of(quiet.id()))).containsOnlyKeys(Metric.values()).values().containsOnly(0L);
        assertThat(volume.today(Set.of())).values().containsOnly(0L);
    }

    private List<String> incompletePublications() {
        List<String> waiting = new ArrayList<>(jdbc.queryForList("select listener_id || ' ' || event_type || ' ' "
                + "|| coalesce(status, '') from event_publication where completion_date is null", String.class));
        // the ticket events go through the events outbox: a row until every listener has it, a failure row after
        waiting.addAll(jdbc.queryForList("select 'outbox ' || event_type from event_outbox", String.class));
        waiting.addAll(jdbc.queryForList("select listener || ' ' || event_type || ' failed' from event_outbox_failure",
                String.class));
        return waiting;
    }
}
