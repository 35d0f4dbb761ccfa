package org.playerdesk.ticket.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.knowledge.internal.Macro;
import org.playerdesk.knowledge.internal.ReplyKit;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.bulk.BulkStore.Claim;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's bulk jobs: every ticket a view matched is changed once, through the ticket's own
 * commands and history, in batches; what could not be done is listed ticket by ticket with the
 * reason in the reader's language; the agent's rights are those of the ticket page, checked again
 * as the job goes; a batch a dead node left is taken over when its lease runs out, and nothing is
 * changed twice. The tests run with batches of 20 (test configuration).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class BulkJobsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    BulkJobs jobs;
    @Autowired
    BulkWorker worker;
    @Autowired
    BulkProperties properties;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Incidents incidents;
    @Autowired
    ReplyKit kit;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MockMvc mvc;

    private static StaffUser signedIn(StaffMember member) {
        return new StaffUser(member, "");
    }

    private static Actor actor(StaffMember member) {
        return Actor.agent(member.id(), member.displayName());
    }

    private List<UUID> tickets(GameInfo game, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id());
        }
        return ids;
    }

    private BulkJobView finished(UUID jobId) {
        await().atMost(Duration.ofSeconds(90)).until(() -> jobs.view(jobId).orElseThrow().finished());
        return jobs.view(jobId).orElseThrow();
    }

    private String words(BulkJobView.Failure failure, Locale locale) {
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {failure.reasonKey()},
                failure.arguments().toArray()), locale);
    }

    private List<HistoryEntry> changes(UUID ticketId, String action) {
        return tickets.details(ticketId, true).history().stream().filter(h -> h.action().equals(action)).toList();
    }

    private static TicketFilter wholeGame(GameInfo game) {
        return new TicketFilter(null, game.id(), null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.OLDEST);
    }

    @Test
    void changesEveryTicketTheViewMatchedAndListsWhatCouldNotBeDoneInTheReadersLanguage() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        List<UUID> ids = tickets(game, 250);
        UUID elsewhere = workspace.ticket(other, "80001", "bug").ticket().id();
        // two tickets are resolved, one of them closed: neither may wait on the player
        UUID resolved = ids.get(17);
        UUID closed = ids.get(203);
        desk.changeStatus(resolved, TicketStatus.RESOLVED, actor(agent));
        desk.changeStatus(closed, TicketStatus.RESOLVED, actor(agent));
        desk.changeStatus(closed, TicketStatus.CLOSED, actor(agent));

        // the filter asks for every game; the agent's own games are all it may reach
        TicketFilter everyGame = new TicketFilter(null, null, null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.OLDEST);
        BulkJobView started = jobs.startMatching(signedIn(agent), "status", "pending_player", wholeGame(game));
        assertThat(started.total()).isEqualTo(250);
        assertThat(started.finished()).isFalse();
        BulkJobView job = finished(started.id());

        assertThat(job.done()).isEqualTo(248);
        assertThat(job.failed()).isEqualTo(2);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.failures()).extracting(BulkJobView.Failure::ticketNumber)
                .containsExactly(tickets.head(resolved).number(), tickets.head(closed).number());
        BulkJobView.Failure first = job.failures().getFirst();
        assertThat(words(first, Locale.SIMPLIFIED_CHINESE)).isEqualTo("工单不能从“已解决”变为“等待玩家回复”。");
        assertThat(words(first, Locale.ENGLISH)).isEqualTo("A ticket cannot go from Resolved to Waiting for player.");
        assertThat(words(job.failures().get(1), Locale.ENGLISH)).contains("Closed");

        // each ticket changed once, by the agent, in its own history, as the ticket page would
        for (UUID id : List.of(ids.getFirst(), ids.get(100), ids.getLast())) {
            assertThat(tickets.head(id).status()).isEqualTo(TicketStatus.PENDING_PLAYER);
            assertThat(changes(id, "status")).singleElement().satisfies(change -> {
                assertThat(change.newValue()).isEqualTo("pending_player");
                assertThat(change.actor().id()).isEqualTo(agent.id());
                assertThat(change.actor().name()).isEqualTo(agent.displayName());
            });
        }
        assertThat(tickets.head(resolved).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.head(elsewhere).status()).isEqualTo(TicketStatus.NEW);

        // "all matching" never reaches beyond the agent's games, whatever the filter says
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L2, other);
        BulkJobView theirs = jobs.startMatching(signedIn(outsider), "priority", "high", everyGame);
        assertThat(theirs.total()).isEqualTo(1);
        assertThat(finished(theirs.id()).done()).isEqualTo(1);
        assertThat(tickets.head(elsewhere).priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(tickets.head(ids.getFirst()).priority()).isEqualTo(TicketPriority.NORMAL);
    }

    @Test
    void aBatchLeftByANodeThatDiedIsTakenOverWhenItsLeaseRunsOutAndNoTicketIsChangedTwice() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        List<UUID> ids = tickets(game, 50);
        Instant start = clock.instant();
        record Started(UUID job, List<Claim> claims) {
        }
        // the job is stored and every batch claimed by a node that is about to die, before any other
        // node sees the job
        Started started = new TransactionTemplate(transactions).execute(status -> {
            BulkJobView job = jobs.start(signedIn(agent), "priority", "urgent", ids);
            List<Claim> claims = new ArrayList<>();
            for (Optional<Claim> claim; (claim = worker.claim(job.id(), "node-that-dies", start)).isPresent(); ) {
                claims.add(claim.get());
            }
            return new Started(job.id(), claims);
        });
        assertThat(started.claims()).as("50 tickets in batches of 20").hasSize(3);

        // it changes seven tickets of its first batch, then dies
        assertThat(worker.work(started.claims().getFirst(), 7)).isEqualTo(7);
        assertThat(jobs.view(started.job()).orElseThrow().done()).isEqualTo(7);

        // while its lease holds, nobody else takes its batches
        Instant leaseEnd = start.plus(properties.lease());
        worker.work("node-that-lives", Clock.fixed(leaseEnd.minusSeconds(1), ZoneOffset.UTC));
        BulkJobView waiting = jobs.view(started.job()).orElseThrow();
        assertThat(waiting.done()).isEqualTo(7);
        assertThat(waiting.finished()).isFalse();

        // then another node (or the same one restarted) goes on with the tickets not yet settled
        worker.work("node-that-lives", Clock.fixed(leaseEnd.plusSeconds(1), ZoneOffset.UTC));
        BulkJobView job = jobs.view(started.job()).orElseThrow();
        assertThat(job.finished()).isTrue();
        assertThat(job.done()).isEqualTo(50);
        assertThat(job.failed()).isZero();
        for (UUID id : ids) {
            assertThat(tickets.head(id).priority()).isEqualTo(TicketPriority.URGENT);
            assertThat(changes(id, "priority")).as("ticket %s changed once", id).hasSize(1);
        }
        assertThat(worker.claim(started.job(), "node-that-lives", leaseEnd.plus(properties.lease()).plusSeconds(5)))
                .as("a finished job has nothing left to claim").isEmpty();
    }

    @Test
    void theAgentIsCheckedAgainForEachBatch() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        List<UUID> ids = tickets(game, 3);
        Instant start = clock.instant();
        Claim claim = new TransactionTemplate(transactions).execute(status -> {
            BulkJobView job = jobs.start(signedIn(agent), "tag", "refund", ids);
            return worker.claim(job.id(), "node", start).orElseThrow();
        });
        // a lead takes the game away from the agent before the batch is worked
        staff.assignGames(agent.id(), Set.of());

        worker.work(claim, Integer.MAX_VALUE);

        BulkJobView job = jobs.view(claim.jobId()).orElseThrow();
        assertThat(job.finished()).isTrue();
        assertThat(job.failed()).isEqualTo(3);
        assertThat(job.failures()).allSatisfy(failure -> {
            assertThat(words(failure, Locale.SIMPLIFIED_CHINESE)).isEqualTo("您已不再负责该工单所属的游戏。");
            assertThat(words(failure, Locale.ENGLISH)).isEqualTo("You no longer serve the game of this ticket.");
        });
        ids.forEach(id -> assertThat(tickets.head(id).tags()).isEmpty());
    }

    @Test
    void anAgentTakesOnlyTicketsNobodyElseHoldsAndIsRefusedWhatTheTicketPageRefuses() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        UUID free = workspace.ticket(game, "81001", "bug").ticket().id();
        UUID held = workspace.ticket(game, "81002", "bug").ticket().id();
        UUID unseen = workspace.ticket(other, "81003", "bug").ticket().id();
        desk.assign(held, colleague.id(), actor(colleague));

        BulkJobView started = jobs.start(signedIn(agent), "assign_me", null, List.of(free, held, unseen, free));
        assertThat(started.total()).as("a ticket of a game the agent does not serve is not in the job").isEqualTo(2);
        BulkJobView job = finished(started.id());
        assertThat(job.done()).isEqualTo(1);
        assertThat(tickets.head(free).assigneeId()).isEqualTo(agent.id());
        assertThat(tickets.head(held).assigneeId()).isEqualTo(colleague.id());
        assertThat(tickets.head(unseen).assigneeId()).isNull();
        assertThat(job.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.ticketNumber()).isEqualTo(tickets.head(held).number());
            assertThat(words(failure, Locale.ENGLISH))
                    .isEqualTo("The ticket is " + colleague.displayName() + "'s: only a lead can hand it over.");
            assertThat(words(failure, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("该工单由 " + colleague.displayName() + " 负责，只有组长可以转交。");
        });

        // giving tickets to others is for leads, as on the ticket page
        assertThatThrownBy(() -> jobs.start(signedIn(agent), "assign", colleague.id().toString(), List.of(free)))
                .isInstanceOf(AccessDeniedException.class);
        // bad input is refused before anything is stored
        assertThat(fieldOf(() -> jobs.start(signedIn(agent), "explode", null, List.of(free))))
                .isEqualTo("action:invalid.unknownValue");
        assertThat(fieldOf(() -> jobs.start(signedIn(agent), "status", "on_fire", List.of(free))))
                .isEqualTo("choice:invalid.unknownValue");
        assertThat(fieldOf(() -> jobs.start(signedIn(agent), "tag", "two words", List.of(free))))
                .isEqualTo("choice:invalid.tag");
        assertThat(fieldOf(() -> jobs.start(signedIn(agent), "status", "resolved", List.of(unseen))))
                .isEqualTo("tickets:invalid.bulk.none");
        assertThat(fieldOf(() -> jobs.startMatching(signedIn(agent), "status", "resolved",
                new TicketFilter(null, game.id(), null, null, null, null, null, false, 999_999L, null, null, null))))
                .isEqualTo("tickets:invalid.bulk.none");
    }

    @Test
    void linksToAnIncidentAndAppliesAMacroAsTheTicketPageDoes() {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        List<UUID> ids = tickets(game, 4);
        IncidentView outage = incidents.open(game.id(),
                new IncidentDraft("S2 登录失败", "登录服务器无响应", "S2", null, null), actor(lead));
        IncidentView earlier = incidents.open(game.id(),
                new IncidentDraft("S1 卡顿", "延迟很高", "S1", null, null), actor(lead));
        incidents.link(earlier.id(), ids.get(3), actor(lead));

        BulkJobView linking = finished(jobs.start(signedIn(lead), "incident", outage.id().toString(), ids).id());
        assertThat(linking.done()).isEqualTo(3);
        assertThat(linking.failures()).singleElement().satisfies(failure -> assertThat(words(failure, Locale.ENGLISH))
                .isEqualTo("Ticket #" + tickets.head(ids.get(3)).number()
                        + " is already linked to another incident: unlink it there first."));
        assertThat(incidents.incidentOf(ids.getFirst()).orElseThrow().incidentId()).isEqualTo(outage.id());
        assertThat(changes(ids.getFirst(), "recorded")).filteredOn(change -> change.newValue().contains("事件"))
                .singleElement().satisfies(change -> {
                    assertThat(change.newValue()).isEqualTo("已关联到事件“S2 登录失败”");
                    assertThat(change.actor().id()).isEqualTo(lead.id());
                });

        Macro macro = kit.addMacro(game.id(), "登录故障统一回复", "{player.nickname}，您好：S2 登录故障正在处理。", "pending_player",
                null, "high", "outage");
        desk.changeStatus(ids.get(1), TicketStatus.RESOLVED, actor(lead));
        desk.changeStatus(ids.get(1), TicketStatus.CLOSED, actor(lead));
        BulkJobView applying = finished(jobs.start(signedIn(lead), "macro", macro.getId().toString(), ids).id());
        assertThat(applying.done()).isEqualTo(3);
        assertThat(applying.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.ticketNumber()).isEqualTo(tickets.head(ids.get(1)).number());
            assertThat(words(failure, Locale.SIMPLIFIED_CHINESE)).isEqualTo("工单已关闭，如需帮助请提交新工单。");
        });
        TicketView applied = tickets.head(ids.getFirst());
        assertThat(applied.status()).isEqualTo(TicketStatus.PENDING_PLAYER);
        assertThat(applied.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(applied.tags()).containsExactly("outage");
        List<MessageView> replies = tickets.details(applied.id(), true).messages();
        assertThat(replies.getLast().body()).endsWith("您好：S2 登录故障正在处理。").doesNotContain("{player.nickname}");
        // the closed ticket got nothing of the macro: its reply, status and tags come together or not at all
        assertThat(tickets.head(ids.get(1)).tags()).isEmpty();
        assertThat(tickets.head(ids.get(1)).priority()).isEqualTo(TicketPriority.NORMAL);

        // a macro of another game fails on each ticket with its own words
        GameInfo other = workspace.game();
        staff.assignGames(lead.id(), Set.of(game.id(), other.id()));
        StaffMember leadOfBoth = staff.get(lead.id());
        Macro foreign = kit.addMacro(other.id(), "另一游戏的宏", "您好", null, null, null, "");
        BulkJobView refused = finished(jobs.start(signedIn(leadOfBoth), "macro", foreign.getId().toString(),
                List.of(ids.get(2))).id());
        assertThat(refused.failures()).singleElement().satisfies(failure -> assertThat(words(failure, Locale.ENGLISH))
                .isEqualTo("The macro “另一游戏的宏” belongs to another game."));
    }

    @Test
    void theInboxStartsAJobAndShowsItsProgressToTheAgentWhoStartedItOnly() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1, game);
        List<UUID> ids = tickets(game, 2);

        String progress = mvc.perform(post("/console/tickets/bulk").header("HX-Request", "true")
                .param("view", "all").param("game", game.id().toString()).param("scope", "selected")
                .param("ticket", ids.get(0).toString(), ids.get(1).toString(), "not-an-id")
                .param("action", "priority").param("choice_priority", "urgent")
                .with(user(signedIn(agent))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("data-testid=\"bulk-job\"", "设置优先级“紧急”：2 张工单");
        UUID jobId = UUID.fromString(progress.replaceAll("(?s).*/console/tickets/bulk/([0-9a-f-]{36}).*", "$1"));
        finished(jobId);
        assertThat(mvc.perform(get("/console/tickets/bulk/{id}", jobId).header("HX-Request", "true")
                .with(user(signedIn(agent))).locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString())
                .contains("Finished: 2 of 2 changed, 0 not changed").doesNotContain("hx-get");
        assertThat(mvc.perform(get("/console/tickets/bulk/{id}", jobId).with(user(signedIn(colleague))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        String refused = mvc.perform(post("/console/tickets/bulk").header("HX-Request", "true")
                .param("view", "all").param("scope", "selected").param("action", "priority")
                .param("choice_priority", "urgent").with(user(signedIn(agent))).with(csrf()).locale(Locale.ENGLISH))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"bulk-refused\"", "Choose at least one ticket.");
    }

    private static String fieldOf(Runnable start) {
        try {
            start.run();
        } catch (InvalidInput invalid) {
            InvalidInput.FieldError error = invalid.errors().getFirst();
            return error.field() + ":" + error.key();
        }
        return "nothing refused";
    }
}
