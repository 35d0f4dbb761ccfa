package org.playerdesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.Notifications;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.playerdesk.incident.internal.OutageText;
import org.playerdesk.incident.internal.StormGrouping;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.retry.Retries;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Outage storms: about 70% of the reports are outage reports from one server in varied Chinese and
 * English wording, the rest ordinary questions from every server, plus a few outage reports from a
 * second server (too few for a proposal). Every outage report of the storm's server ends in the one
 * proposed incident, nothing else does, no report is in two incidents; only a lead confirms it.
 * <p>
 * The grouping alone weighs 10,000 reports spread over one minute ({@code -Dstorm.grouped=}); the
 * whole way, from the ticket desk through the event registry, takes a smaller storm
 * ({@code -Dstorm.reports=}, 500), since every module's listeners share the machine with it. How
 * long each took is printed, not asserted beyond a generous bound.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class OutageStormTest {

    static final int REPORTS = Integer.getInteger("storm.reports", 500);
    static final int GROUPED = Integer.getInteger("storm.grouped", 10_000);
    static final String SERVER = "S7";
    static final int OTHER_SERVER_OUTAGES = 5;

    static final List<String> OUTAGE = List.of(
            "服务器卡顿严重，根本没法玩", "又掉线了！！！", "登不上游戏，一直转圈", "登录不了，提示网络异常", "进不去游戏啊怎么回事",
            "打副本打到一半闪退", "延迟好高，ping 460", "一直断线重连，什么情况", "卡死了，人物动不了", "服务器又崩了吗？",
            "刚才被踢下线，现在连不上", "游戏好卡好卡", "S7 lagging like crazy", "keep getting disconnected from the server",
            "I can't log in, stuck on loading", "game crashes every time I join a raid", "server is down?",
            "Cannot login since 20:00", "huge lag spikes, unplayable", "DCed three times in ten minutes",
            "连接断开，重连失败", "登陆不上去，账号密码都对", "黑屏了然后闪退", "Connection lost again!!");
    static final List<String> OUTAGE_SUBJECTS = List.of("服务器问题", "Server problem", "求助", "help", "紧急", "urgent",
            "掉线", "进不去");
    static final List<String> QUESTIONS = List.of(
            "充值卡怎么使用？", "怎么修改昵称", "How do I change my nickname?", "我想举报一个外挂玩家", "活动奖励什么时候发放",
            "Where is the flag event shop?", "我的账号被盗了，请帮忙找回", "请问VIP等级怎么提升", "I want a refund for my purchase",
            "卡牌合成的规则是什么", "公会战几点开始？", "What does the golden key open?", "建议增加一个交易行",
            "兑换码提示已使用", "How do I bind my email?");
    static final List<String> QUESTION_SUBJECTS = List.of("咨询", "Question", "求助", "建议", "账号");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    Incidents incidents;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    StormGrouping grouping;

    /** A game server sending a refused report again, a little later each time. */
    private static final RetryTemplate RESENT = Retries.pausingLonger(20, Duration.ofMillis(200),
            CannotCreateTransactionException.class);

    record Report(int n, String server, boolean outage, String subject, String message) {
    }

    /** The game whose tickets were written straight into the table: see {@link #removeTicketsWrittenStraight()}. */
    private UUID writtenStraight;

    /**
     * Tickets that were never opened (no message, history or search document) leave with their
     * test, their candidates and links with them (on delete cascade): the other tests share the
     * database, and the ticket index's backfill would build 10,000 search documents for them.
     */
    @AfterEach
    void removeTicketsWrittenStraight() {
        if (writtenStraight != null) {
            // their numbers start at 1000, above those the ticket desk gave the game's own tickets
            jdbcTemplate.update("delete from ticket where game_id = ? and number >= 1000", writtenStraight);
        }
    }

    @Test
    void aStormOfReportsEndsInOneProposedIncidentThatALeadConfirms() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        incidents.configureGrouping(game.id(), true, "10", "20");
        List<Report> reports = storm(REPORTS);
        int outages = (int) reports.stream().filter(r -> r.outage() && r.server().equals(SERVER)).count();

        Map<UUID, Report> created = new ConcurrentHashMap<>();
        ExecutorService intake = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (List<Report> part : partition(reports, 4)) {
            done.add(intake.submit(() -> {
                for (Report r : part) {
                    created.put(report(game, r), r);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        intake.shutdown();

        // generous: the grouping keeps up with the intake, on a shared machine; how fast it does is
        // measured in bench/, not here
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> linkedIn(game) >= outages);
        assertThat(meters.get("playerdesk.incident.grouping").timer().count()).as("reports weighed")
                .isGreaterThanOrEqualTo(outages);

        record Link(UUID ticketId, UUID incidentId, String state) {
        }
        List<Link> links = jdbc.sql("""
                select t.ticket_id, t.incident_id, t.state from incident_ticket t join ticket k on k.id = t.ticket_id
                where k.game_id = ?""").param(game.id())
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
        assertThat(links).extracting(Link::incidentId).as("one proposal").containsOnly(links.getFirst().incidentId());
        assertThat(links).extracting(Link::state).containsOnly("proposed");
        Map<Boolean, Integer> wrong = new HashMap<>(Map.of(true, 0, false, 0));
        Set<UUID> linkedIds = new java.util.HashSet<>(links.stream().map(Link::ticketId).toList());
        created.forEach((id, r) -> {
            boolean expected = r.outage() && r.server().equals(SERVER);
            if (expected != linkedIds.contains(id)) {
                wrong.merge(expected, 1, Integer::sum);
            }
        });
        assertThat(wrong).as("outage reports left out (true), other reports taken in (false)")
                .isEqualTo(Map.of(true, 0, false, 0));
        assertThat(links).hasSize(outages);

        UUID proposal = links.getFirst().incidentId();
        IncidentView proposed = incidents.get(proposal);
        assertThat(proposed.status()).isEqualTo(IncidentStatus.PROPOSED);
        assertThat(proposed.servers()).isEqualTo(SERVER);
        assertThat(proposed.proposed()).isEqualTo(outages);
        assertThat(notifications.recent(lead.id(), 10)).extracting(v -> v.link())
                .contains("/console/incidents/" + proposal);
        assertThat(incidents.list(Set.of(game.id()), Set.of(), 0).getContent()).hasSize(1);

        // a first-line agent cannot confirm it; the lead does, and every report is linked
        assertThat(mvc.perform(post("/console/incidents/{id}/confirm", proposal).with(csrf())
                .with(user(new StaffUser(agent, "")))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/console/incidents/{id}/confirm", proposal).with(csrf())
                .with(user(new StaffUser(lead, "")))).andReturn().getResponse().getStatus()).isEqualTo(302);
        IncidentView confirmed = incidents.get(proposal);
        assertThat(confirmed.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(confirmed.linked()).isEqualTo(outages);
        assertThat(confirmed.proposed()).isZero();
        assertThat(incidents.tickets(proposal, 0)).hasSize(Incidents.PAGE_SIZE);

        // a further report of the confirmed outage is linked at once
        UUID late = desk.open(new NewTicket(game.id(), new PlayerIdentity("late", null, SERVER, null), "bug", null,
                null, "还是掉线", "现在还是一直掉线", null, Map.of(), false), List.of()).ticket().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents.incidentOf(late).isPresent());
        assertThat(incidents.incidentOf(late).get().state()).isEqualTo(LinkState.LINKED);
    }

    /**
     * The grouping on its own: 10,000 reports of one minute, weighed by four workers as the
     * listeners would weigh them. The tickets are written straight into the table (the ticket desk
     * and every other module's listeners would take many minutes for as many on a shared machine).
     */
    @Test
    void theGroupingAloneWeighsTenThousandReportsOfOneMinute() throws Exception {
        GameInfo game = workspace.game();
        workspace.staff(StaffRole.SUPERVISOR, game);
        incidents.configureGrouping(game.id(), true, "10", "20");
        UUID player = workspace.ticket(game, "storm-player", "bug").ticket().playerId();
        List<Report> reports = storm(GROUPED);
        Instant first = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        List<StormGrouping.Report> weighed = new ArrayList<>();
        Map<UUID, Report> byTicket = new HashMap<>();
        for (Report r : reports) {
            UUID id = Ids.next();
            Instant at = first.plusMillis(60_000L * r.n() / GROUPED);
            rows.add(new Object[] {id, game.id(), 1000L + r.n(), player, r.subject(), at.atOffset(ZoneOffset.UTC)});
            byTicket.put(id, r);
            weighed.add(new StormGrouping.Report(id, game.id(), r.server(), at));
        }
        jdbcTemplate.batchUpdate("""
                insert into ticket (id, game_id, number, player_id, subject, type, channel, priority, priority_rank,
                    status, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, 'bug', 'in_game', 'normal', 1, 'new', ?, ?, 0)""",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[5], r[5]}).toList());
        writtenStraight = game.id();

        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (List<StormGrouping.Report> part : partition(weighed, 4)) {
            done.add(workers.submit(() -> {
                for (StormGrouping.Report report : part) {
                    Report r = byTicket.get(report.ticketId());
                    if (OutageText.isOutage(r.subject() + "\n" + r.message())) {
                        grouping.weigh(report);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        workers.shutdown();
        int outages = (int) reports.stream().filter(r -> r.outage() && r.server().equals(SERVER)).count();

        List<UUID> incidentsOfReports = jdbc.sql("""
                select t.incident_id from incident_ticket t join ticket k on k.id = t.ticket_id where k.game_id = ?""")
                .param(game.id()).query(UUID.class).list();
        assertThat(incidentsOfReports).hasSize(outages).containsOnly(incidentsOfReports.getFirst());
        Set<UUID> linked = new java.util.HashSet<>(jdbc.sql("""
                select t.ticket_id from incident_ticket t join ticket k on k.id = t.ticket_id where k.game_id = ?""")
                .param(game.id()).query(UUID.class).list());
        byTicket.forEach((id, r) -> assertThat(linked.contains(id)).as("%s %s", r.server(), r.message())
                .isEqualTo(r.outage() && r.server().equals(SERVER)));
    }

    @Test
    void aDismissedProposalFreesItsTicketsAndDoesNotComeBackAtOnce() {
        GameInfo game = workspace.game();
        workspace.staff(StaffRole.SUPERVISOR, game);
        incidents.configureGrouping(game.id(), true, "10", "3");
        List<UUID> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(outage(game, "a" + i, "S1"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.stream()
                .allMatch(t -> incidents.incidentOf(t).isPresent()));
        UUID proposal = incidents.incidentOf(reports.getFirst()).get().incidentId();

        incidents.dismiss(proposal);
        assertThat(reports).allMatch(t -> incidents.incidentOf(t).isEmpty());
        assertThat(incidents.get(proposal).status()).isEqualTo(IncidentStatus.DISMISSED);

        // two more reports: below the threshold again, since the dismissed ones no longer count
        List<UUID> more = List.of(outage(game, "b1", "S1"), outage(game, "b2", "S1"));
        UUID third = outage(game, "b3", "S1");
        await().atMost(Duration.ofSeconds(30)).until(() -> incidents.incidentOf(third).isPresent());
        UUID next = incidents.incidentOf(third).get().incidentId();
        assertThat(next).isNotEqualTo(proposal);
        assertThat(more).allMatch(t -> incidents.incidentOf(t).map(l -> l.incidentId().equals(next)).orElse(false));
        assertThat(reports).allMatch(t -> incidents.incidentOf(t).isEmpty());

        // a game that does not group storms gets no proposal
        GameInfo quiet = workspace.game();
        incidents.configureGrouping(quiet.id(), false, "10", "2");
        UUID a = outage(quiet, "q1", "S1");
        UUID b = outage(quiet, "q2", "S1");
        UUID c = outage(quiet, "q3", "S1");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> incidents.incidentOf(a).isEmpty() && incidents.incidentOf(b).isEmpty()
                        && incidents.incidentOf(c).isEmpty());
    }

    /**
     * Takes one report as a game server sends it: when every connection is busy for a moment the
     * intake refuses it (the API answers 503) and the server sends it again a little later.
     */
    private UUID report(GameInfo game, Report r) {
        return RESENT.invoke(() -> desk.open(new NewTicket(game.id(), new PlayerIdentity("p" + r.n(), "玩家" + r.n(),
                r.server(), null), r.outage() ? "bug" : "consultation", null, null, r.subject(), r.message(), null,
                Map.of(), false), List.of()).ticket().id());
    }

    private UUID outage(GameInfo game, String account, String server) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account + TestWorkspace.unique("x"), null, server,
                null), "bug", null, null, "登不上", "一直登录失败", null, Map.of(), false), List.of()).ticket().id();
    }

    private long linkedIn(GameInfo game) {
        return jdbc.sql("select count(*) from incident_ticket t join ticket k on k.id = t.ticket_id where k.game_id = ?")
                .param(game.id()).query(Long.class).single();
    }

    private static List<Report> storm(int size) {
        Random random = new Random(7);
        List<Report> reports = new ArrayList<>();
        for (int n = 0; n < size; n++) {
            if (n % (size / OTHER_SERVER_OUTAGES) == 1 && reports.stream().filter(r -> r.outage() && !r.server().equals(SERVER)).count()
                    < OTHER_SERVER_OUTAGES) {
                reports.add(new Report(n, "S3", true, "登录问题", "S3 登不上"));
            } else if (random.nextInt(100) < 70) {
                reports.add(new Report(n, SERVER, true, OUTAGE_SUBJECTS.get(random.nextInt(OUTAGE_SUBJECTS.size())),
                        OUTAGE.get(random.nextInt(OUTAGE.size()))));
            } else {
                reports.add(new Report(n, "S" + (1 + random.nextInt(9)), false,
                        QUESTION_SUBJECTS.get(random.nextInt(QUESTION_SUBJECTS.size())),
                        QUESTIONS.get(random.nextInt(QUESTIONS.size()))));
            }
        }
        Collections.shuffle(reports, random);
        return reports;
    }

    private static <T> List<List<T>> partition(List<T> all, int parts) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            out.add(all.subList(all.size() * i / parts, all.size() * (i + 1) / parts));
        }
        return out;
    }
}
