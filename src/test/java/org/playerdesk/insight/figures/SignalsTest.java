package org.playerdesk.insight.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatEvents.ChatRated;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.figures.Figures.Spread;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.knowledge.KnowledgeEvents.HelpDeflected;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.vip.VipEvents.FollowUpRecorded;
import org.playerdesk.vip.VipPlayerView;
import org.playerdesk.vip.VipService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of live chat, satisfaction and the help center, from the events those modules
 * publish on their real paths, computed by hand with a stopped clock: waits, abandoned chats,
 * holds and their lengths, the most chats an agent held at once, ratings and follow-up scores,
 * deflection beacons; an event delivered twice counts once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, FiguresTest.Clocks.class, KnowledgeTestArticles.class })
class SignalsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    ChatDesk desk;
    @Autowired
    ChatQueue queue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    VipService vip;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    MockMvc mvc;
    @Autowired
    TicketFacts facts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    Figures figures;
    @Autowired
    StoppedClock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void countsWaitsAbandonedChatsHoldsPeaksAndRatingsOfADay() {
        GameInfo game = workspace.game();
        rulebook.configure(game.id(), null, true, null, null, null, null);
        StaffMember a = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember b = workspace.staff(StaffRole.AGENT_L1, game);
        StaffUser agentA = new StaffUser(a, "");
        StaffUser agentB = new StaffUser(b, "");
        // noon in the game's time zone: the whole scenario is on one local day
        LocalDate day = LocalDate.of(2026, 12, 10);
        Instant start = ZonedDateTime.of(day.atTime(12, 0), facts.zone(game.id())).toInstant();
        moveTo(start);
        seats.setPresence(a, Presence.ONLINE, 3);
        seats.setPresence(b, Presence.ONLINE, 3);
        consoles = new StaffMember[] { a, b };

        UUID one = desk.start(game.code(), null, "一号", "c-1", "充值没到账").chat().id();
        at(start, 30);
        UUID two = desk.start(game.code(), null, "二号", "c-1", "角色卡住了").chat().id();
        at(start, 60);
        UUID three = desk.start(game.code(), null, "三号", "c-1", "有人吗").chat().id();
        at(start, 90);
        queue.accept(one, agentA); // waited 90 s; A holds 1
        at(start, 150);
        desk.end(three, Sender.player(three)); // left after 90 s: abandoned
        at(start, 210);
        queue.accept(two, agentA); // waited 180 s; A holds 2
        at(start, 300);
        seats.transfer(two, agentA, b.id()); // A held it 90 s; B holds 1
        at(start, 390);
        desk.end(one, Sender.agent(agentA)); // A held it 300 s
        at(start, 420);
        desk.end(two, Sender.agent(agentB)); // B held it 120 s
        UUID four = desk.start(game.code(), null, "四号", "c-1", "在吗").chat().id();
        at(start, 721);
        queue.expireWaiting(); // four waited past 300 s: a ticket, abandoned
        assertThat(desk.view(four).status()).isEqualTo(ChatStatus.TICKET);

        desk.rate(one, 5, "很快", List.of());
        desk.rate(two, 3, null, List.of());
        desk.rate(four, 4, null, List.of()); // nobody took it: a rating of the whole, of no agent
        assertThatThrownBy(() -> desk.rate(one, 1, null, List.of())).isInstanceOf(RuleViolation.class);
        settle();

        Set<UUID> scope = Set.of(game.id());
        Totals all = figures.totals(scope, day, day, Dimension.ALL, null);
        assertThat(all.total(Metric.CHATS)).isEqualTo(4);
        assertThat(all.total(Metric.CHATS_ANSWERED)).isEqualTo(2);
        assertThat(all.seconds(Metric.CHATS_ANSWERED)).isEqualTo(90 + 180);
        assertThat(all.total(Metric.CHATS_ABANDONED)).isEqualTo(2);
        assertThat(all.total(Metric.CHAT_HANDLE)).isEqualTo(3);
        assertThat(all.seconds(Metric.CHAT_HANDLE)).isEqualTo(90 + 300 + 120);
        // A's peak 2, B's peak 1: two agent-days, a mean daily peak of 1.5
        assertThat(all.total(Metric.CHAT_PEAK)).isEqualTo(2);
        assertThat(all.seconds(Metric.CHAT_PEAK)).isEqualTo(3);
        assertThat(all.total(Metric.CSAT)).isEqualTo(3);
        assertThat(all.seconds(Metric.CSAT)).isEqualTo(5 + 3 + 4);
        assertThat(all.total(Metric.CSAT_SATISFIED)).isEqualTo(2);
        assertThat(all.mean(Metric.CSAT)).isEqualTo(4.0);

        Totals ofA = figures.totals(scope, day, day, Dimension.AGENT, a.id().toString());
        assertThat(ofA.total(Metric.CHATS_ANSWERED)).isEqualTo(2);
        assertThat(ofA.seconds(Metric.CHATS_ANSWERED)).isEqualTo(270);
        assertThat(ofA.total(Metric.CHAT_HANDLE)).isEqualTo(2);
        assertThat(ofA.seconds(Metric.CHAT_HANDLE)).isEqualTo(390);
        assertThat(ofA.seconds(Metric.CHAT_PEAK)).isEqualTo(2);
        assertThat(ofA.total(Metric.CSAT)).isEqualTo(1);
        assertThat(ofA.total(Metric.CSAT_SATISFIED)).isEqualTo(1);
        Totals ofB = figures.totals(scope, day, day, Dimension.AGENT, b.id().toString());
        assertThat(ofB.total(Metric.CHATS_ANSWERED)).isZero();
        assertThat(ofB.seconds(Metric.CHAT_HANDLE)).isEqualTo(120);
        assertThat(ofB.seconds(Metric.CHAT_PEAK)).isEqualTo(1);
        assertThat(ofB.seconds(Metric.CSAT)).isEqualTo(3);
        assertThat(ofB.total(Metric.CSAT_SATISFIED)).isZero();

        // a time reads as its whole minute, rounded up: waits 2 and 3 minutes, holds 2, 5 and 2
        assertThat(figures.spread(scope, day, day, Dimension.ALL, null, Figures.CHAT_WAIT))
                .isEqualTo(new Spread(120L, 180L, 2));
        assertThat(figures.spread(scope, day, day, Dimension.ALL, null, Figures.CHAT_HANDLE))
                .isEqualTo(new Spread(120L, 300L, 3));
        assertThat(figures.spread(scope, day, day, Dimension.AGENT, a.id().toString(), Figures.CHAT_HANDLE))
                .isEqualTo(new Spread(120L, 300L, 2));

        // the rating delivered again, twice, counts once
        deliverTwice(new ChatRated(one, game.id(), a.id(), 5, clock.instant()));
        settle();
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).seconds(Metric.CSAT)).isEqualTo(12);
    }

    @Test
    void aFollowUpsScoreCountsAsSatisfactionForTheVipManager() {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember manager = workspace.staff(StaffRole.AGENT_VIP, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_VIP, game);
        VipPlayerView veteran = vip.assignManager(game.id(), "10008", manager.id(), lead);
        VipPlayerView stolen = vip.assignManager(game.id(), "10001", manager.id(), lead);
        LocalDate day = LocalDate.now(clock.withZone(facts.zone(game.id())));

        UUID scored = vip.recordFollowUp(veteran.id(), "玩家反馈良好", 5, null, colleague).id();
        vip.recordFollowUp(stolen.id(), "找回账号后满意度一般", 2, null, manager);
        vip.recordFollowUp(veteran.id(), "未接通", null, null, manager);
        settle();

        Set<UUID> scope = Set.of(game.id());
        Totals all = figures.totals(scope, day, day, Dimension.ALL, null);
        assertThat(all.total(Metric.CSAT)).as("a visit without a score counts nothing").isEqualTo(2);
        assertThat(all.seconds(Metric.CSAT)).isEqualTo(7);
        assertThat(all.total(Metric.CSAT_SATISFIED)).isEqualTo(1);
        Totals ofManager = figures.totals(scope, day, day, Dimension.AGENT, manager.id().toString());
        assertThat(ofManager.total(Metric.CSAT)).as("the manager's player, whoever visited").isEqualTo(2);
        assertThat(figures.totals(scope, day, day, Dimension.AGENT, colleague.id().toString()).sums()).isEmpty();

        FollowUpRecorded again = new FollowUpRecorded(scored, veteran.id(), game.id(), manager.id(), colleague.id(), 5,
                clock.instant());
        deliverTwice(again);
        settle();
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.CSAT)).isEqualTo(2);
    }

    @Test
    void eachDeflectionBeaconCountsOnceForTheHelpCentersGame() throws Exception {
        GameInfo game = workspace.game();
        UUID article = articles.publish(game, "zh-CN", "充值未到账怎么办", "请稍等五分钟后重新登录。");
        LocalDate day = LocalDate.now(clock.withZone(facts.zone(game.id())));

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/help/{g}/articles/{id}/deflections", game.code(), article).with(csrf()))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(post("/help/{g}/articles/{id}/deflections", game.code(), UUID.randomUUID()).with(csrf()))
                .andExpect(status().isNotFound());
        settle();

        Set<UUID> scope = Set.of(game.id());
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.HELP_DEFLECTED)).isEqualTo(2);

        HelpDeflected replayed = new HelpDeflected(UUID.randomUUID(), game.id(), article, clock.instant());
        deliverTwice(replayed);
        settle();
        assertThat(figures.totals(scope, day, day, Dimension.ALL, null).total(Metric.HELP_DEFLECTED)).isEqualTo(3);
    }

    /** The agents whose consoles are open during a scenario: they keep sending heartbeats. */
    private StaffMember[] consoles = {};

    private void at(Instant start, long seconds) {
        moveTo(start.plusSeconds(seconds));
        for (StaffMember console : consoles) {
            seats.heartbeat(console.id());
        }
    }

    /** Publishes the same event twice, as a redelivery would hand it to the listener again. */
    private void deliverTwice(Object event) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> events.publishEvent(event));
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private void moveTo(Instant at) {
        clock.shift(Duration.between(clock.instant(), at));
    }

    /** Waits until every event is handled, then rolls the marked days up. */
    private void settle() {
        Settled.settle(meters, rollUp);
    }
}
