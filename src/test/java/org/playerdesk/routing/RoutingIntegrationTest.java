package org.playerdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.vip.VipService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * Automatic assignment spreads tickets fairly, never beyond an agent's capacity, only to agents
 * present and on shift, VIP manager first; "Next" hands out distinct tickets, most urgent first.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class RoutingIntegrationTest {

    @Autowired
    org.playerdesk.sla.SlaPolicies policies;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestWorkspace workspace;
    @Autowired
    org.playerdesk.routing.internal.Dispatcher dispatcher;
    @Autowired
    RoutingSetup setup;
    @Autowired
    NextTicket next;
    @Autowired
    ChatDesk chat;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    TicketQueries tickets;
    @Autowired
    TicketDesk desk;
    @Autowired
    VipService vip;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void roundRobinSpreadsTicketsEvenlyEvenWhenTheyArriveTogether() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        List<StaffMember> agents = List.of(agent(game), agent(game), agent(game));
        queue(game, "全部工单", "round_robin", Set.of(), lead);

        List<UUID> ids = concurrently(10, i -> workspace.ticket(game, "rr-" + i, "consultation").ticket().id());

        await().atMost(WAIT).untilAsserted(() -> assertThat(assigneesOf(ids)).doesNotContainNull());
        Map<UUID, Long> spread = assigneesOf(ids).stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertThat(spread.keySet()).containsExactlyInAnyOrderElementsOf(agents.stream().map(StaffMember::id).toList());
        assertThat(spread.values()).allSatisfy(n -> assertThat(n).isBetween(3L, 4L));
    }

    /**
     * Two decisions of one ticket at once, neither finding where it was routed: both record it, and
     * the second meets the first's row when its next query writes the record. That duplicate is a
     * conflict, decided again on the fresh state, not a failure left for the minute-long retry.
     */
    @Test
    void twoDecisionsOfOneTicketAtOnceBothEndWithoutAFailure() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        queue(game, "两个决定", "round_robin", Set.of(), lead);
        // nobody online yet: the tickets wait, routed to the queue
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(workspace.ticket(game, "twice-" + i, "consultation").ticket().id());
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from routing_ticket where game_id = ?", Integer.class, game.id())).isEqualTo(ids.size()));
        jdbc.update("delete from routing_ticket where game_id = ?", game.id());
        seats.setPresence(member, Presence.ONLINE, null);

        for (UUID id : ids) {
            // neither throws; at most one gives the ticket (the routing sweep may have given it first)
            List<Optional<UUID>> decided = concurrently(2, i -> dispatcher.assignNew(id, null));
            assertThat(decided.stream().flatMap(Optional::stream).toList()).as("given once at most")
                    .hasSizeLessThanOrEqualTo(1);
        }
        assertThat(assigneesOf(ids)).containsOnly(member.id());
    }

    @Test
    void leastLoadedGivesTheNextTicketToWhoeverHoldsTheFewest() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember busy = agent(game);
        StaffMember idle = agent(game);
        // before any queue exists tickets wait unassigned; the lead gives two to the busy agent
        for (int i = 0; i < 2; i++) {
            UUID id = workspace.ticket(game, "ll-old-" + i, "consultation").ticket().id();
            desk.assign(id, busy.id(), Actor.agent(lead.id(), lead.displayName()));
        }
        queue(game, "最少负载", "least_loaded", Set.of(), lead);

        UUID first = workspace.ticket(game, "ll-1", "bug").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(first).assigneeId()).isEqualTo(idle.id()));
        UUID second = workspace.ticket(game, "ll-2", "bug").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(second).assigneeId()).isEqualTo(idle.id()));
        UUID third = workspace.ticket(game, "ll-3", "bug").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(third).assigneeId()).isNotNull());
        assertThat(tickets.heldBy(List.of(busy.id(), idle.id())).values()).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void capacityIsNeverExceededWhenManyTicketsArriveAtOnce() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember a = agent(game);
        StaffMember b = agent(game);
        for (StaffMember m : List.of(a, b)) {
            setup.changeSkills(m.id(), "", "", 3, "Asia/Shanghai", "", "", lead);
        }
        queue(game, "容量", "least_loaded", Set.of(), lead);

        List<UUID> ids = concurrently(10, i -> workspace.ticket(game, "cap-" + i, "payment").ticket().id());

        await().atMost(WAIT).during(Duration.ofSeconds(3)).untilAsserted(() -> {
            Map<UUID, Long> held = tickets.heldBy(List.of(a.id(), b.id()));
            assertThat(held).containsEntry(a.id(), 3L).containsEntry(b.id(), 3L);
            assertThat(assigneesOf(ids).stream().filter(java.util.Objects::isNull)).hasSize(4);
        });
    }

    @Test
    void aTicketNobodyCanTakeWaitsWithoutTheQueuesLockAndOneSomebodyCanTakeWaitsForIt() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember only = agent(game);
        setup.changeSkills(only.id(), "", "", 1, "Asia/Shanghai", "", "", lead);
        QueueView queue = queue(game, "锁", "round_robin", Set.of(), lead);
        UUID first = workspace.ticket(game, "lock-1", "bug").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(first).assigneeId()).isEqualTo(only.id()));

        try (Connection holder = dataSource.getConnection()) {
            // another decision holds the queue's row, as a decision locks it (on PostgreSQL a lock that
            // still lets rows referring to the queue be written)
            holder.setAutoCommit(false);
            String strength = holder.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "no key update" : "update";
            try (PreparedStatement lock = holder.prepareStatement("select id from routing_queue where id = ? for " + strength)) {
                lock.setObject(1, queue.id());
                lock.executeQuery().close();
            }
            // the only agent is full: the decision ends without the lock, the ticket waits in the queue
            UUID full = workspace.ticket(game, "lock-2", "bug").ticket().id();
            await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select queue_id from routing_ticket where ticket_id = ?", UUID.class, full))
                    .containsExactly(queue.id()));
            assertThat(tickets.head(full).assigneeId()).isNull();

            // with room again, the decision waits for the lock before it gives the ticket; room for
            // the waiting ticket too, which the 30 s sweep may offer again at any moment meanwhile
            setup.changeSkills(only.id(), "", "", 3, "Asia/Shanghai", "", "", lead);
            UUID roomy = workspace.ticket(game, "lock-3", "bug").ticket().id();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(tickets.head(roomy).assigneeId()).isNull());
            holder.rollback();
            // the decision that waited gives it, well before the 30 s sweep would
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(tickets.head(roomy).assigneeId()).isEqualTo(only.id()));
        }
    }

    /**
     * The agents' profiles and shifts are kept in memory for routing: every change, including
     * shifts removed in bulk with nothing put in their place, is read at once by the next decision.
     */
    @Test
    void everyChangeOfAnAgentsProfileOrShiftsIsReadAtOnceThoughTheyAreKept() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertThat(setup.skills(member.id()).capacity()).as("no profile yet: the default").isPositive();

        setup.changeSkills(member.id(), "l2", "zh,en", 4, "Asia/Shanghai", "daily 09:00-18:00",
                today + " leave", lead);
        AgentSkills changed = setup.skills(member.id());
        assertThat(changed.capacity()).isEqualTo(4);
        assertThat(changed.languages()).containsExactly("zh", "en");
        assertThat(changed.weeklyShifts()).isNotBlank();
        assertThat(changed.exceptions()).contains("leave");

        // the profile's row as it was: only the shifts go, removed in bulk, which no entity listener sees
        setup.changeSkills(member.id(), "l2", "zh,en", 4, "Asia/Shanghai", "", "", lead);
        AgentSkills emptied = setup.skills(member.id());
        assertThat(emptied.weeklyShifts()).as("shifts removed, none added").isBlank();
        assertThat(emptied.exceptions()).isBlank();
        assertThat(emptied.capacity()).isEqualTo(4);

        setup.changeSkills(member.id(), "", "", 7, "Asia/Shanghai", "", "", lead);
        assertThat(setup.skills(member.id()).languages()).isEmpty();

        setup.changeAgentSkills(member.id(), Set.of(AgentSkill.HOSTILE_PLAYERS), lead);
        assertThat(setup.skills(member.id()).skills()).containsExactly(AgentSkill.HOSTILE_PLAYERS);
        assertThat(setup.capacities(List.of(member.id()))).containsEntry(member.id(), 7);
    }

    @Test
    void anAgentOffShiftOrNotOnlineGetsNothing() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember working = agent(game);
        StaffMember onLeave = agent(game);
        StaffMember offline = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember nightShift = agent(game);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        setup.changeSkills(working.id(), "", "", 10, "Asia/Shanghai", "", today + " extra 00:00-24:00", lead);
        setup.changeSkills(onLeave.id(), "", "", 10, "Asia/Shanghai", "daily 00:00-24:00", today + " leave", lead);
        // a shift that is never now: yesterday's and tomorrow's day only, in a zone where today is "today"
        setup.changeSkills(nightShift.id(), "", "", 10, "Asia/Shanghai",
                day(today.minusDays(2)) + " 08:00-09:00", "", lead);
        queue(game, "在班", "round_robin", Set.of(), lead);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(workspace.ticket(game, "shift-" + i, "consultation").ticket().id());
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(assigneesOf(ids)).containsOnly(working.id()));
        assertThat(tickets.heldBy(List.of(onLeave.id(), offline.id(), nightShift.id()))).isEmpty();
    }

    @Test
    void aTicketTaggedHostileBeforeAnyAnswerGoesToAnAgentForHostilePlayers() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember plain = agent(game);
        queue(game, "激烈玩家", "round_robin", Set.of(), lead);
        UUID id = workspace.ticket(game, "hostile-1", "complaint").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(plain.id()));
        StaffMember skilled = agent(game);
        setup.changeAgentSkills(skilled.id(), Set.of(AgentSkill.HOSTILE_PLAYERS), lead);
        assertThat(setup.skills(skilled.id()).skills()).containsExactly(AgentSkill.HOSTILE_PLAYERS);

        desk.tag(id, "hostile", Actor.SYSTEM);

        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(skilled.id()));
        // a new hostile ticket nobody holds yet goes to the skilled agent first too
        UUID waiting = workspace.ticket(game, "hostile-2", "complaint").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(waiting).assigneeId()).isNotNull());
        desk.assign(waiting, null, Actor.agent(lead.id(), lead.displayName()));
        desk.tag(waiting, "hostile", Actor.SYSTEM);
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(waiting).assigneeId()).isEqualTo(skilled.id()));
    }

    @Test
    void aHostileTicketStaysWithItsHolderWhenNoAgentForHostilePlayersIsFreeOrItWasAnswered() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember plain = agent(game);
        StaffMember skilledOffline = workspace.staff(StaffRole.AGENT_L1, game);
        setup.changeAgentSkills(skilledOffline.id(), Set.of(AgentSkill.HOSTILE_PLAYERS), lead);
        queue(game, "激烈玩家无人", "round_robin", Set.of(), lead);
        UUID id = workspace.ticket(game, "hostile-3", "complaint").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(id).assigneeId()).isEqualTo(plain.id()));

        desk.tag(id, "hostile", Actor.SYSTEM);
        // the only agent for hostile players is not online: the ticket stays with its holder
        assertThat(dispatcher.offerToSkilled(id)).isEmpty();
        assertThat(tickets.head(id).assigneeId()).isEqualTo(plain.id());
        // online, but the holder has answered meanwhile: it stays too
        desk.reply(id, Actor.agent(plain.id(), plain.displayName()), "您好，我们正在处理。", List.of(), null);
        seats.setPresence(skilledOffline, Presence.ONLINE, null);
        assertThat(dispatcher.offerToSkilled(id)).isEmpty();
        assertThat(tickets.head(id).assigneeId()).isEqualTo(plain.id());
    }

    @Test
    void aVipPlayersTicketGoesToTheirManagerFirstWhenOnShift() {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember manager = workspace.staff(StaffRole.AGENT_VIP, game); // not online: their own player still reaches them
        StaffMember other = agent(game);
        vip.assignManager(game.id(), "10008", manager.id(), lead);
        queue(game, "VIP优先", "round_robin", Set.of(other.id()), lead);

        UUID vipTicket = workspace.ticket(game, "10008", "payment").ticket().id();
        UUID plainTicket = workspace.ticket(game, "10004", "payment").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(tickets.head(vipTicket).assigneeId()).isEqualTo(manager.id());
            assertThat(tickets.head(plainTicket).assigneeId()).isEqualTo(other.id());
        });

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        setup.changeSkills(manager.id(), "", "", 10, "Asia/Shanghai", "", today + " leave", lead);
        UUID whileAway = workspace.ticket(game, "10008", "bug").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(whileAway).assigneeId()).isEqualTo(other.id()));
    }

    @Test
    void nextGivesTwoAgentsPressingAtOnceDistinctTickets() throws Exception {
        GameInfo game = workspace.game(); // no queues: every agent of the game pulls from its pool
        StaffMember a = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember b = workspace.staff(StaffRole.AGENT_L1, game);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(workspace.ticket(game, "next-" + i, "consultation").ticket().id());
        }

        List<UUID> taken = concurrently(8, i -> next.next(i % 2 == 0 ? a : b).map(TicketView::id).orElse(null));

        assertThat(taken).doesNotContainNull().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(tickets.heldBy(List.of(a.id(), b.id())).values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(8);
        assertThat(next.next(a)).isEmpty();
    }

    @Test
    void nextTakesTheNearestDeadlineThenTheHighestPriorityThenTheOldest() {
        GameInfo game = workspace.game();
        // a game without service-level policies: the deadlines here are the test's alone
        policies.policies(game.id()).forEach(p -> policies.removePolicy(game.id(), p.id()));
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        UUID oldest = workspace.ticket(game, "u-1", "consultation").ticket().id();
        UUID urgent = workspace.ticket(game, "u-2", "consultation").ticket().id();
        UUID dueLater = workspace.ticket(game, "u-3", "consultation").ticket().id();
        UUID dueSoon = workspace.ticket(game, "u-4", "consultation").ticket().id();
        desk.prioritize(urgent, TicketPriority.URGENT, Actor.agent(lead.id(), lead.displayName()));
        Instant now = clock.instant();
        desk.trackSla(dueLater, now.plus(2, ChronoUnit.HOURS), SlaState.ON_TRACK);
        desk.trackSla(dueSoon, now.plus(1, ChronoUnit.HOURS), SlaState.WARNING);

        assertThat(List.of(next.next(agent), next.next(agent), next.next(agent), next.next(agent)))
                .extracting(t -> t.orElseThrow().id()).containsExactly(dueSoon, dueLater, urgent, oldest);
    }

    @Test
    void nextRefusesBeyondCapacityAndTakesOnlyFromTheAgentsQueuesAndLevel() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, game);
        setup.defineQueue(game.id(), null, new QueueRules("仅成员", 1, "manual", false, null, null, null, null, null,
                null, Set.of(agent.id())), lead);
        UUID mine = workspace.ticket(game, "cap-next-1", "consultation").ticket().id();
        UUID second = workspace.ticket(game, "cap-next-2", "consultation").ticket().id();

        assertThat(next.next(stranger)).as("not a member of the queue").isEmpty();
        setup.changeSkills(agent.id(), "", "", 1, "Asia/Shanghai", "", "", lead);
        assertThat(next.next(agent)).map(TicketView::id).hasValueSatisfying(id -> assertThat(id).isIn(mine, second));
        assertThatThrownBy(() -> next.next(agent)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("routing.next.full"));
    }

    @Test
    void aLiveChatIsLeftToLiveChatWhileItWaits() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = agent(game);
        rulebook.configure(game.id(), null, true, null, null, null, null);
        queue(game, "全部", "round_robin", Set.of(), lead);

        UUID chatTicket = chat.start(game.code(), null, "访客", "c-routing", "在线咨询").chat().ticketId();
        UUID ticket = workspace.ticket(game, "after-chat", "consultation").ticket().id();

        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(ticket).assigneeId()).isEqualTo(agent.id()));
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .untilAsserted(() -> assertThat(tickets.head(chatTicket).assigneeId()).isNull());
        assertThat(next.next(agent)).isEmpty();
    }

    @Test
    void editorsRefuseBadInputFieldByField() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = agent(game);
        assertThatThrownBy(() -> setup.defineQueue(game.id(), null, new QueueRules(" ", 0, "fastest", true, "pigeon",
                "consultation", "chinese", "platinum", "top", "l9", Set.of(UUID.randomUUID())), lead))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key).containsExactly(
                                tuple("name", "invalid.blank"), tuple("position", "invalid.range.between"),
                                tuple("strategy", "invalid.unknownCode"), tuple("channel", "invalid.unknownCode"),
                                tuple("level", "invalid.unknownCode"), tuple("requiredTier", "invalid.unknownCode"),
                                tuple("language", "invalid.language"), tuple("vipTier", "invalid.unknownCode"),
                                tuple("members", "invalid.staff")));
        assertThatThrownBy(() -> setup.changeSkills(agent.id(), "boss", "中文", 500, "Mars/Base", "someday 8-9",
                "tomorrow leave", lead)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key).containsExactly(
                                tuple("tier", "invalid.unknownCode"), tuple("languages", "invalid.languages"),
                                tuple("capacity", "invalid.range.between"), tuple("timeZone", "invalid.timeZone"),
                                tuple("weeklyShifts", "invalid.roster.week"),
                                tuple("exceptions", "invalid.roster.date")));
        assertThatThrownBy(() -> setup.changeSkills(agent.id(), "", "", null, "Asia/Shanghai", "", "", lead))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("capacity", "invalid.range.between", 200L, 0L)));
        assertThat(setup.queues(game.id())).isEmpty();
    }

    private StaffMember agent(GameInfo game) {
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(member, Presence.ONLINE, null);
        return member;
    }

    private QueueView queue(GameInfo game, String name, String strategy, Set<UUID> members, StaffMember lead) {
        return setup.defineQueue(game.id(), null,
                new QueueRules(name, 1, strategy, true, null, null, null, null, null, null, members), lead);
    }

    private List<UUID> assigneesOf(Collection<UUID> ids) {
        return ids.stream().map(id -> tickets.head(id).assigneeId()).toList();
    }

    private static String day(LocalDate date) {
        return date.getDayOfWeek().name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
    }

    interface Indexed<T> {
        T call(int i) throws Exception;
    }

    /** Runs n calls at once (as far as the machine allows) and answers their results in order. */
    static <T> List<T> concurrently(int n, Indexed<T> work) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return work.call(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
