package org.playerdesk.insight.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.system.database.DatabaseKind;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of small, fixed days, computed by hand: local days and hours in the game's time
 * zone, business time from the game's calendar, a reopened ticket, events delivered twice, and a
 * rebuild from the facts that gives what live counting gave.
 */
@SpringBootTest
@Import({ TestWorkspace.class, FiguresTest.Clocks.class })
class FiguresTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GameCatalog games;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketFacts facts;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    Figures figures;
    @Autowired
    FigureRebuild rebuild;
    @Autowired
    StoppedClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void countsADayByHandInTheGamesOwnTimeZone() {
        GameProfile game = games.register(TestWorkspace.unique("fig"), "时区游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        GameInfo info = game.info();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, info);
        Actor agent = Actor.agent(member.id(), member.displayName());
        // Wednesday 17:30 in UTC is Thursday 01:30 in Shanghai: the figures count on Thursday, 3 December
        moveTo(Instant.parse("2026-12-02T17:30:00Z"));
        UUID a = workspace.ticket(info, "fa", "bug").ticket().id();
        org.playerdesk.ticket.Opened openedB = workspace.ticket(info, "fb", "consultation");
        UUID b = openedB.ticket().id();
        UUID c = workspace.ticket(info, "fc", "bug").ticket().id();
        desk.assign(a, member.id(), agent);
        desk.assign(b, member.id(), agent);
        Actor playerB = Actor.player(openedB.ticket().playerId(), "fb");

        clock.shift(Duration.ofMinutes(10));
        desk.reply(a, agent, "您好，已为您记录这个问题。", List.of(), TicketStatus.PENDING_PLAYER);
        clock.shift(Duration.ofMinutes(20));
        desk.reply(b, agent, "您好，请问是哪个区服？", List.of(), TicketStatus.PENDING_PLAYER);
        clock.shift(Duration.ofMinutes(30));
        desk.changeStatus(a, TicketStatus.RESOLVED, agent);
        clock.shift(Duration.ofMinutes(10));
        desk.reply(b, playerB, "S1 区", List.of(), null);
        desk.reply(b, agent, "已处理，请重新登录查看。", List.of(), TicketStatus.RESOLVED);
        clock.shift(Duration.ofMinutes(10));
        desk.changeStatus(b, TicketStatus.OPEN, playerB);
        clock.shift(Duration.ofMinutes(10));
        desk.changeStatus(b, TicketStatus.RESOLVED, agent);
        settle();

        LocalDate thursday = LocalDate.of(2026, 12, 3);
        Set<UUID> scope = Set.of(game.id());
        Totals day = figures.totals(scope, thursday, thursday, Dimension.ALL, null);
        assertThat(day.total(Metric.CREATED)).isEqualTo(3);
        assertThat(day.total(Metric.AGENT_REPLIES)).isEqualTo(3);
        assertThat(day.total(Metric.FIRST_RESPONDED)).isEqualTo(2);
        assertThat(day.seconds(Metric.FIRST_RESPONDED)).isEqualTo(600 + 1800);
        assertThat(day.total(Metric.RESOLVED)).isEqualTo(2);
        // a resolved after an hour; b resolved again after ninety minutes, once reopened
        assertThat(day.seconds(Metric.RESOLVED)).isEqualTo(3600 + 5400);
        assertThat(day.total(Metric.FIRST_CONTACT_RESOLVED)).isEqualTo(1);
        assertThat(day.total(Metric.REOPENED)).isEqualTo(1);
        assertThat(figures.totals(scope, thursday.minusDays(1), thursday.minusDays(1), Dimension.ALL, null).sums())
                .isEmpty();

        Figures.Spread first = figures.spread(scope, thursday, thursday, Dimension.ALL, null, Figures.FIRST_RESPONSE);
        assertThat(first).isEqualTo(new Figures.Spread(600L, 1800L, 2));
        Figures.Spread resolution = figures.spread(scope, thursday, thursday, Dimension.ALL, null, Figures.RESOLUTION);
        assertThat(resolution).isEqualTo(new Figures.Spread(3600L, 5400L, 2));

        long[][] heat = figures.heatmap(scope, thursday, thursday);
        assertThat(heat[3][1]).as("Thursday 01:00 to 02:00").isEqualTo(3);
        assertThat(java.util.Arrays.stream(heat).flatMapToLong(java.util.Arrays::stream).sum()).isEqualTo(3);

        Map<String, Figures.Slice> byType = bySlice(figures.breakdown(scope, thursday, thursday, Dimension.TYPE));
        assertThat(byType.get("bug").totals().total(Metric.CREATED)).isEqualTo(2);
        assertThat(byType.get("bug").totals().total(Metric.RESOLVED)).isEqualTo(1);
        assertThat(byType.get("consultation").totals().total(Metric.REOPENED)).isEqualTo(1);
        assertThat(byType.get("bug").firstResponse()).isEqualTo(new Figures.Spread(600L, 600L, 1));

        // top issues: the types, and the words the players used (every ticket's subject is 测试工单 <type>)
        assertThat(figures.top(scope, thursday, thursday, Dimension.TYPE, 5)).containsExactly(
                new Figures.Top("bug", 2, 0), new Figures.Top("consultation", 1, 0));
        assertThat(figures.top(scope, thursday, thursday, Dimension.WORD, 50))
                .anySatisfy(top -> assertThat(top.count()).isEqualTo(3));
        assertThat(figures.risers(scope, thursday, thursday, Dimension.TYPE, 1)).extracting(Figures.Top::value)
                .containsExactly("bug");

        Totals mine = figures.totals(scope, thursday, thursday, Dimension.AGENT, member.id().toString());
        assertThat(mine.total(Metric.AGENT_REPLIES)).isEqualTo(3);
        assertThat(mine.total(Metric.RESOLVED)).isEqualTo(2);
        assertThat(mine.total(Metric.FIRST_RESPONDED)).isEqualTo(2);

        Figures.Backlog backlog = figures.backlog(scope, null);
        assertThat(backlog.total()).isEqualTo(1);
        assertThat(backlog.byStatus().get("new")).containsExactly(1, 0, 0, 0);
        assertThat(figures.backlog(scope, member.id()).total()).isZero();

        // the same events delivered again, and a counted event twice: nothing changes but the count of one
        facts.refresh(a);
        facts.refresh(b);
        facts.count("transfer:twice", game.id(), clock.instant(), Metric.TRANSFERS, null, 1);
        facts.count("transfer:twice", game.id(), clock.instant(), Metric.TRANSFERS, null, 1);
        rollUp.rollUp();
        Totals again = figures.totals(scope, thursday, thursday, Dimension.ALL, null);
        assertThat(again.total(Metric.CREATED)).isEqualTo(3);
        assertThat(again.total(Metric.AGENT_REPLIES)).isEqualTo(3);
        assertThat(again.seconds(Metric.RESOLVED)).isEqualTo(3600 + 5400);
        assertThat(again.total(Metric.TRANSFERS)).isEqualTo(1);

        // a rebuild from the facts, and one from the tickets' history, give the rows live counting gave
        List<Map<String, Object>> live = rows(game.id());
        rollUp.rebuild();
        assertThat(rows(game.id())).isEqualTo(live);
        jdbc.update("delete from insight_ticket where game_id = ?", game.id());
        jdbc.update("delete from insight_reply where game_id = ?", game.id());
        jdbc.update("delete from insight_ticket_term where game_id = ?", game.id());
        rebuild.rebuild();
        assertThat(rows(game.id())).isEqualTo(live);
    }

    @Test
    void measuresTimesInTheGamesBusinessHours() {
        GameProfile game = games.register(TestWorkspace.unique("office"), "办公时间游戏", "zh-CN", "Asia/Shanghai",
                "office", GameProfile.CHANNELS);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game.info());
        Actor agent = Actor.agent(member.id(), member.displayName());
        // Friday 4 December 17:00 in Shanghai; answered on Monday at 10:00: one business hour each side
        moveTo(Instant.parse("2026-12-04T09:00:00Z"));
        UUID ticket = workspace.ticket(game.info(), "weekend", "consultation").ticket().id();
        moveTo(Instant.parse("2026-12-07T02:00:00Z"));
        desk.reply(ticket, agent, "您好，周末休息，现在为您处理。", List.of(), TicketStatus.PENDING_PLAYER);
        settle();

        LocalDate monday = LocalDate.of(2026, 12, 7);
        Totals totals = figures.totals(Set.of(game.id()), monday, monday, Dimension.ALL, null);
        assertThat(totals.total(Metric.FIRST_RESPONDED)).isEqualTo(1);
        assertThat(totals.seconds(Metric.FIRST_RESPONDED)).isEqualTo(7200);
        assertThat(figures.totals(Set.of(game.id()), monday.minusDays(3), monday.minusDays(3), Dimension.ALL, null)
                .total(Metric.CREATED)).isEqualTo(1);
    }

    @Test
    void readsWholeMonthsAsTheSumOfTheirDaysAndKeepsThemCurrent() {
        GameProfile game = gameInUtc("month", "月度游戏");
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game.info());
        Actor agent = Actor.agent(member.id(), member.displayName());
        UUID reopened = null;
        // one ticket on each of these days, answered after ten minutes and resolved after an hour
        for (String day : List.of("2027-01-31", "2027-02-01", "2027-02-15", "2027-02-28", "2027-03-01")) {
            moveTo(Instant.parse(day + "T08:00:00Z"));
            UUID ticket = workspace.ticket(game.info(), "m" + day, "bug").ticket().id();
            clock.shift(Duration.ofMinutes(10));
            desk.reply(ticket, agent, "您好，已为您记录。", List.of(), TicketStatus.PENDING_PLAYER);
            clock.shift(Duration.ofMinutes(50));
            desk.changeStatus(ticket, TicketStatus.RESOLVED, agent);
            if (day.equals("2027-02-15")) {
                reopened = ticket;
            }
        }
        settle();
        Set<UUID> scope = Set.of(game.id());
        LocalDate february = LocalDate.of(2027, 2, 1);
        LocalDate endOfFebruary = LocalDate.of(2027, 2, 28);
        assertThat(jdbc.queryForObject("select count(distinct stat_month) from insight_month where game_id = ?",
                Integer.class, game.id())).as("January, February and March").isEqualTo(3);

        Totals month = figures.totals(scope, february, endOfFebruary, Dimension.ALL, null);
        assertThat(month.total(Metric.CREATED)).isEqualTo(3);
        assertThat(month.total(Metric.RESOLVED)).isEqualTo(3);
        assertThat(month.seconds(Metric.FIRST_RESPONDED)).isEqualTo(3 * 600);
        // a whole month with a day on either side, and a period inside one month, read what their days add up to
        for (LocalDate[] period : List.of(new LocalDate[] { february.minusDays(1), endOfFebruary.plusDays(1) },
                new LocalDate[] { february, endOfFebruary }, new LocalDate[] { february.plusDays(1), endOfFebruary })) {
            assertThat(figures.totals(scope, period[0], period[1], Dimension.ALL, null).sums())
                    .usingRecursiveComparison().isEqualTo(dayByDay(scope, period[0], period[1]).sums());
        }
        assertThat(figures.spread(scope, february.minusDays(1), endOfFebruary.plusDays(1), Dimension.ALL, null,
                Figures.RESOLUTION)).isEqualTo(new Figures.Spread(3600L, 3600L, 5));
        assertThat(figures.agents(scope, february, endOfFebruary).get(member.id()).totals().total(Metric.AGENT_REPLIES))
                .isEqualTo(3);
        assertThat(figures.top(scope, february, endOfFebruary, Dimension.TYPE, 5))
                .containsExactly(new Figures.Top("bug", 3, 1));

        // reopened in March and resolved again there: February's month no longer counts its resolution
        moveTo(Instant.parse("2027-03-02T08:00:00Z"));
        desk.changeStatus(reopened, TicketStatus.OPEN, agent);
        clock.shift(Duration.ofMinutes(30));
        desk.changeStatus(reopened, TicketStatus.RESOLVED, agent);
        settle();
        assertThat(figures.totals(scope, february, endOfFebruary, Dimension.ALL, null).total(Metric.RESOLVED))
                .isEqualTo(2);
        assertThat(figures.totals(scope, february, endOfFebruary, Dimension.ALL, null).sums())
                .usingRecursiveComparison().isEqualTo(dayByDay(scope, february, endOfFebruary).sums());

        // a rebuild gives the same months, and their histograms
        String monthRows = "select stat_month, dimension, dim_value, metric, total, seconds from insight_month "
                + "where game_id = ? order by 1, 2, 3, 4";
        String histogramRows = "select stat_month, dimension, dim_value, measure, counts from insight_month_histogram "
                + "where game_id = ? order by 1, 2, 3, 4";
        List<Map<String, Object>> months = jdbc.queryForList(monthRows, game.id());
        List<Map<String, Object>> histograms = jdbc.queryForList(histogramRows, game.id());
        // February's resolutions: two after an hour (60 one-minute buckets), one that March took away
        assertThat(jdbc.queryForObject("select counts from insight_month_histogram where game_id = ? and stat_month = ? "
                + "and dimension = 'all' and measure = ?", String.class, game.id(), february, Figures.RESOLUTION))
                .isEqualTo("60:2");
        rollUp.rebuild();
        assertThat(jdbc.queryForList(monthRows, game.id())).isEqualTo(months);
        assertThat(jdbc.queryForList(histogramRows, game.id())).isEqualTo(histograms);
    }

    @Test
    void readsAMonthLessTheDaysAPeriodLeavesOutAndItsDaysWhileTheMonthIsAddedUpAgain() {
        GameProfile game = gameInUtc("cut", "切月游戏");
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game.info());
        Actor agent = Actor.agent(member.id(), member.displayName());
        // a payment question on the first day of April, bug reports on the 15th and the last day
        for (String[] ticket : List.of(new String[] { "2027-04-01", "payment" }, new String[] { "2027-04-15", "bug" },
                new String[] { "2027-04-30", "bug" })) {
            moveTo(Instant.parse(ticket[0] + "T08:00:00Z"));
            UUID id = workspace.ticket(game.info(), "c" + ticket[0], ticket[1]).ticket().id();
            clock.shift(Duration.ofMinutes(20));
            desk.reply(id, agent, "您好，已为您记录。", List.of(), TicketStatus.PENDING_PLAYER);
        }
        settle();
        Set<UUID> scope = Set.of(game.id());
        // the 2nd to the 29th: April's month less its first and last days
        LocalDate from = LocalDate.of(2027, 4, 2);
        LocalDate to = LocalDate.of(2027, 4, 29);
        Totals inside = figures.totals(scope, from, to, Dimension.ALL, null);
        assertThat(inside.total(Metric.CREATED)).isEqualTo(1);
        assertThat(inside.sums()).usingRecursiveComparison().isEqualTo(dayByDay(scope, from, to).sums());
        assertThat(figures.spread(scope, from, to, Dimension.ALL, null, Figures.FIRST_RESPONSE))
                .isEqualTo(new Figures.Spread(1200L, 1200L, 1));
        // a type counted only on a day left out is not one of the period's, not even with nought
        assertThat(figures.top(scope, from, to, Dimension.TYPE, 5)).containsExactly(new Figures.Top("bug", 1, 0));
        assertThat(figures.breakdown(scope, from, to, Dimension.TYPE)).extracting(Figures.Slice::value)
                .containsExactly("bug");
        // from the 2nd of April into May: April less a day, and May's days
        assertThat(figures.totals(scope, from, LocalDate.of(2027, 5, 3), Dimension.ALL, null).sums())
                .usingRecursiveComparison().isEqualTo(dayByDay(scope, from, LocalDate.of(2027, 5, 3)).sums());

        // April marked for adding up again, its monthly rows not yet what its days say: its days are read
        jdbc.update("insert into insight_month_dirty (game_id, dirty_month) values (?, ?)", game.id(),
                LocalDate.of(2027, 4, 1));
        jdbc.update("update insight_month set total = total + 100 where game_id = ?", game.id());
        // rows changed behind the roll-up's back: what was read before is forgotten as a roll-up does
        figures.changed();
        assertThat(figures.totals(scope, from, to, Dimension.ALL, null).sums())
                .usingRecursiveComparison().isEqualTo(inside.sums());
        assertThat(figures.totals(scope, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30), Dimension.ALL, null)
                .total(Metric.CREATED)).isEqualTo(3);
        // once added up again, the month is read whole
        settle();
        assertThat(jdbc.queryForObject("select count(*) from insight_month_dirty where game_id = ?", Integer.class,
                game.id())).isZero();
        assertThat(figures.totals(scope, from, to, Dimension.ALL, null).sums())
                .usingRecursiveComparison().isEqualTo(inside.sums());
    }

    @Test
    void keepsAnAnswerUntilARollUpChangesTheFigures() {
        GameProfile game = gameInUtc("kept", "缓存游戏");
        moveTo(Instant.parse("2027-06-10T08:00:00Z"));
        workspace.ticket(game.info(), "k1", "bug");
        settle();
        Set<UUID> scope = Set.of(game.id());
        LocalDate day = LocalDate.of(2027, 6, 10);
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.CREATED)).isEqualTo(1);

        // the rows changed behind the roll-up's back are not read again: the answer is kept
        jdbc.update("update insight_day set total = total + 5 where game_id = ? and dimension = 'all' and metric = 'created'",
                game.id());
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.CREATED)).isEqualTo(1);
        assertThat(figures.top(scope, day, day, Dimension.TYPE, 3)).containsExactly(new Figures.Top("bug", 1, 0));

        // a roll-up that changes figures forgets every answer: a second ticket, and the day recomputed from the facts
        workspace.ticket(game.info(), "k2", "payment");
        settle();
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.CREATED)).isEqualTo(2);
        assertThat(figures.top(scope, day, day, Dimension.TYPE, 3)).extracting(Figures.Top::value)
                .containsExactly("bug", "payment");
    }

    @Test
    void readsOnPostgresqlArePlannedWithoutParallelWorkersInTheirOwnTransactionOnly() {
        assumeTrue(DatabaseKind.isPostgres(jdbc.getDataSource()), "parallel plans are PostgreSQL's");
        String server = jdbc.queryForObject("show max_parallel_workers_per_gather", String.class);
        assumeTrue(!"0".equals(server), "the server plans without parallel workers anyway");
        GameProfile game = gameInUtc("serial", "串行游戏");
        LocalDate day = LocalDate.of(2027, 7, 1);
        String during = new TransactionTemplate(transactions).execute(status -> {
            figures.totals(Set.of(game.id()), day, day, Dimension.ALL, null);
            return jdbc.queryForObject("show max_parallel_workers_per_gather", String.class);
        });
        assertThat(during).isEqualTo("0");
        assertThat(jdbc.queryForObject("show max_parallel_workers_per_gather", String.class)).isEqualTo(server);
    }

    /** A Chinese game counted in UTC, so the days of the tests are those their instants say. */
    private GameProfile gameInUtc(String code, String name) {
        return games.register(TestWorkspace.unique(code), name, "zh-CN", "UTC", "always", GameProfile.CHANNELS);
    }

    /** The period's totals added up from its days read one at a time (a single day is never a whole month). */
    private Totals dayByDay(Set<UUID> scope, LocalDate from, LocalDate to) {
        Totals sum = Totals.empty();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            sum = sum.plus(figures.totals(scope, day, day, Dimension.ALL, null));
        }
        return sum;
    }

    @Test
    void seesNothingOfGamesOutsideTheScope() {
        LocalDate today = LocalDate.now(clock);
        assertThat(figures.totals(Set.of(), today, today, Dimension.ALL, null).sums()).isEmpty();
        assertThat(figures.breakdown(Set.of(UUID.randomUUID()), today, today, Dimension.TYPE)).isEmpty();
        assertThat(figures.backlog(Set.of(), null).total()).isZero();
    }

    private void moveTo(Instant at) {
        clock.shift(Duration.between(clock.instant(), at));
    }

    /** Waits until every event is handled, then rolls the marked days up. */
    private void settle() {
        Settled.settle(meters, rollUp);
    }

    private List<Map<String, Object>> rows(UUID game) {
        return jdbc.queryForList("select stat_day, dimension, dim_value, metric, total, seconds from insight_day "
                + "where game_id = ? order by stat_day, dimension, dim_value, metric", game);
    }

    private static Map<String, Figures.Slice> bySlice(List<Figures.Slice> slices) {
        Map<String, Figures.Slice> map = new java.util.HashMap<>();
        slices.forEach(slice -> map.put(slice.value(), slice));
        return map;
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
