package org.playerdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.automation.internal.RuleRunner;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.notification.Notifications;
import org.playerdesk.sla.SlaEvents.SlaBreached;
import org.playerdesk.sla.SlaEvents.SlaWarning;
import org.playerdesk.sla.SlaTarget;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Event rules run once per event, in order, as themselves; they stop when they chase each other. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class AutomationRulesTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestWorkspace workspace;
    @Autowired
    AutomationRules rules;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Notifications notifications;
    @Autowired
    CannedReplies cannedReplies;
    @Autowired
    RuleRunner runner;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    record Setup(GameInfo game, StaffMember lead, StaffMember agent) {
    }

    private Setup setup() {
        GameInfo game = workspace.game();
        return new Setup(game, workspace.staff(StaffRole.SUPERVISOR, game), workspace.staff(StaffRole.AGENT_L1, game));
    }

    private RuleView rule(Setup s, String name, RuleTrigger trigger, RuleConditions conditions, RuleAction... actions) {
        return rules.create(s.game().id(), new RuleDraft(name, trigger.code(), true, conditions, List.of(actions)),
                s.lead());
    }

    private static RuleAction act(RuleActionKind kind, Object value) {
        return new RuleAction(kind.code(), value == null ? "" : value.toString());
    }

    private static RuleConditions types(String... types) {
        return new RuleConditions(null, Arrays.asList(types), null, null, null, null, null, null, null, null);
    }

    private static RuleConditions tags(List<String> present, List<String> absent) {
        return new RuleConditions(null, null, null, null, present, absent, null, null, null, null);
    }

    private TicketView head(Opened opened) {
        return tickets.head(opened.ticket().id());
    }

    private List<ExecutionView> runsOf(Setup s, RuleView rule) {
        return rules.recentExecutions(s.game().id(), 200).stream().filter(e -> e.ruleId().equals(rule.id())).toList();
    }

    private void publish(Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    @Test
    void aCreatedRuleActsOnceOnAMatchingTicketAndANonMatchingRuleDoesNothing() {
        Setup s = setup();
        RuleView bugs = rule(s, "BUG 升级", RuleTrigger.TICKET_CREATED, types("bug"),
                act(RuleActionKind.SET_PRIORITY, "high"), act(RuleActionKind.ADD_TAG, "bug-triage"));
        RuleView seen = rule(s, "标记已看", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "seen"));

        Opened bug = workspace.ticket(s.game(), "auto-1", "bug");
        Opened question = workspace.ticket(s.game(), "auto-2", "consultation");

        await().atMost(WAIT).until(() -> head(bug).tags().contains("seen") && head(question).tags().contains("seen"));
        assertThat(head(bug).priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(head(bug).tags()).contains("bug-triage");
        assertThat(head(question).priority()).isEqualTo(TicketPriority.NORMAL);
        assertThat(head(question).tags()).doesNotContain("bug-triage");
        assertThat(runsOf(s, bugs)).singleElement().satisfies(e -> {
            assertThat(e.ticketId()).isEqualTo(bug.ticket().id());
            assertThat(e.outcome()).isEqualTo("done");
            assertThat(e.depth()).isZero();
        });
        assertThat(runsOf(s, seen)).hasSize(2);
        assertThat(tickets.details(bug.ticket().id(), true).history())
                .filteredOn(h -> h.action().equals("priority") || h.action().equals("tag_added"))
                .extracting(h -> h.actor().name()).containsOnly("⚙ BUG 升级", "⚙ 标记已看");
    }

    @Test
    void aRuleMadeAfterTheGamesEventsFoundNoneActsOnTheNextTicket() {
        Setup s = setup();
        Opened before = workspace.ticket(s.game(), "auto-none", "consultation");
        // the runner has looked for the game's rules and found none (what it keeps in memory)
        runner.run(RuleTrigger.TICKET_CREATED, "no rules yet", before.ticket().id(), s.game().id(), null);

        rule(s, "新规则", RuleTrigger.TICKET_CREATED, RuleConditions.ANY, act(RuleActionKind.ADD_TAG, "new-rule"));
        Opened after = workspace.ticket(s.game(), "auto-next", "consultation");
        await().atMost(WAIT).until(() -> head(after).tags().contains("new-rule"));
    }

    @Test
    void anUpdatedRuleRunsOnTheChangeItWatchesFor() {
        Setup s = setup();
        RuleView urgent = rule(s, "紧急通知主管", RuleTrigger.TICKET_UPDATED,
                // rules look at the ticket as it is now: the tag it sets keeps it from acting on later changes
                new RuleConditions(null, null, List.of("urgent"), null, null, List.of("urgent-watch"), null, null,
                        null, null),
                act(RuleActionKind.ADD_TAG, "urgent-watch"), act(RuleActionKind.NOTIFY_LEADS, null));
        Opened opened = workspace.ticket(s.game(), "auto-3", "payment");
        UUID id = opened.ticket().id();

        desk.tag(id, "unrelated", Actor.agent(s.agent().id(), "小林"));
        desk.prioritize(id, TicketPriority.URGENT, Actor.agent(s.agent().id(), "小林"));

        // on a timeout, the ticket as the rule saw it last, its history and the rule's runs say why
        await().atMost(WAIT).untilAsserted(() -> assertThat(head(opened).tags())
                .as(() -> "ticket " + head(opened) + "\nhistory " + tickets.details(id, true).history()
                        + "\nruns " + runsOf(s, urgent))
                .contains("urgent-watch"));
        await().atMost(WAIT).until(() -> notifications.unreadCount(s.lead().id()) == 1);
        assertThat(notifications.recent(s.lead().id(), 5).getFirst().ticketId()).isEqualTo(id);
        desk.tag(id, "later", Actor.agent(s.agent().id(), "小林"));
        await().atMost(WAIT).until(() -> head(opened).tags().contains("later"));
        assertThat(runsOf(s, urgent)).hasSize(1);
        assertThat(notifications.unreadCount(s.lead().id())).isEqualTo(1);
        assertThat(tickets.details(id, true).history()).extracting(HistoryEntry::newValue)
                .anyMatch(v -> v != null && v.startsWith("已通知"));
    }

    @Test
    void aPlayersReplyRunsItsRuleButTheOpeningMessageDoesNot() {
        Setup s = setup();
        RuleView replied = rule(s, "玩家回复提醒", RuleTrigger.PLAYER_REPLIED,
                new RuleConditions(null, null, null, null, null, null, List.of("还没到账"), null, null, null),
                act(RuleActionKind.NOTIFY_ASSIGNEE, null), act(RuleActionKind.ADD_NOTE, "玩家催单，请优先处理"));
        RuleView control = rule(s, "对照", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "created-ran"));
        RuleView every = rule(s, "每次回复", RuleTrigger.PLAYER_REPLIED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "player-wrote"));
        Opened opened = workspace.ticket(s.game(), "auto-4", "payment");
        UUID id = opened.ticket().id();
        await().atMost(WAIT).until(() -> head(opened).tags().contains("created-ran"));
        desk.assign(id, s.agent().id(), Actor.agent(s.lead().id(), "主管"));

        Actor player = Actor.player(opened.ticket().playerId(), "玩家");
        desk.reply(id, player, "谢谢", List.of(), null);
        // the rule's own change to the ticket lands first, so the next reply does not race it
        await().atMost(WAIT).until(() -> runsOf(s, every).size() == 1);
        desk.reply(id, player, "充值还没到账，怎么回事？", List.of(), null);

        await().atMost(WAIT).until(() -> notes(id).size() == 1);
        assertThat(notes(id).getFirst().authorName()).isEqualTo("⚙ 玩家回复提醒");
        assertThat(notifications.recent(s.agent().id(), 5)).singleElement()
                .satisfies(n -> assertThat(n.ticketId()).isEqualTo(id));
        assertThat(runsOf(s, replied)).hasSize(1);
        assertThat(runsOf(s, control)).hasSize(1);
        // two replies; the message the ticket was opened with is no reply
        await().atMost(WAIT).until(() -> runsOf(s, every).size() == 2);
    }

    private List<MessageView> notes(UUID ticketId) {
        return tickets.details(ticketId, true).messages().stream()
                .filter(m -> m.visibility() == Visibility.INTERNAL).toList();
    }

    @Test
    void serviceLevelWarningsAndBreachesRunTheirRules() {
        Setup s = setup();
        RuleView warning = rule(s, "预警升优先级", RuleTrigger.SLA_WARNING, RuleConditions.ANY,
                act(RuleActionKind.SET_PRIORITY, "high"));
        RuleView breach = rule(s, "超时通知", RuleTrigger.SLA_BREACHED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "sla-breached"), act(RuleActionKind.NOTIFY_STAFF, s.lead().id()));
        Opened opened = workspace.ticket(s.game(), "auto-5", "complaint");
        UUID id = opened.ticket().id();
        Instant due = Instant.now().plusSeconds(60);

        publish(new SlaWarning(id, s.game().id(), SlaTarget.FIRST_RESPONSE, due, Instant.now()));
        await().atMost(WAIT).until(() -> head(opened).priority() == TicketPriority.HIGH);
        assertThat(head(opened).tags()).doesNotContain("sla-breached");

        publish(new SlaBreached(id, s.game().id(), SlaTarget.FIRST_RESPONSE, due, Instant.now()));
        await().atMost(WAIT).until(() -> head(opened).tags().contains("sla-breached"));
        await().atMost(WAIT).until(() -> notifications.unreadCount(s.lead().id()) == 1);
        assertThat(runsOf(s, warning)).hasSize(1);
        assertThat(runsOf(s, breach)).hasSize(1);
    }

    @Test
    void anEventDeliveredAgainDoesNotRunItsRulesTwice() {
        Setup s = setup();
        RuleView breach = rule(s, "超时备注", RuleTrigger.SLA_BREACHED, RuleConditions.ANY,
                act(RuleActionKind.ADD_NOTE, "已超时"));
        Opened opened = workspace.ticket(s.game(), "auto-6", "bug");
        UUID id = opened.ticket().id();
        SlaBreached event = new SlaBreached(id, s.game().id(), SlaTarget.RESOLUTION, Instant.now(), Instant.now());

        runner.run(RuleTrigger.SLA_BREACHED, event, id, s.game().id(), null);
        runner.run(RuleTrigger.SLA_BREACHED, event, id, s.game().id(), null);

        assertThat(notes(id)).hasSize(1);
        assertThat(runsOf(s, breach)).hasSize(1);
        // a different breach (another target) is another event
        runner.run(RuleTrigger.SLA_BREACHED,
                new SlaBreached(id, s.game().id(), SlaTarget.FIRST_RESPONSE, Instant.now(), Instant.now()), id,
                s.game().id(), null);
        assertThat(notes(id)).hasSize(2);
    }

    @Test
    void everyActionKindActsAsTheRule() {
        Setup s = setup();
        await().atMost(WAIT).until(() -> !cannedReplies.of(s.game().id()).isEmpty());
        CannedReplies.Reply greeting = cannedReplies.of(s.game().id()).stream()
                .filter(r -> r.body().contains("{")).findFirst().orElseThrow();
        rule(s, "全部动作", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.SET_TYPE, "bug"), act(RuleActionKind.SET_PRIORITY, "urgent"),
                act(RuleActionKind.ASSIGN, s.agent().id()), act(RuleActionKind.ADD_TAG, "kept"),
                act(RuleActionKind.ADD_TAG, "temp"), act(RuleActionKind.REMOVE_TAG, "temp"),
                act(RuleActionKind.NOTIFY_ASSIGNEE, null), act(RuleActionKind.NOTIFY_LEADS, null),
                act(RuleActionKind.CANNED_REPLY, greeting.id()), act(RuleActionKind.ADD_NOTE, "自动备注"));
        rule(s, "转内部", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.SET_STATUS, "pending_internal"), act(RuleActionKind.NOTIFY_STAFF, s.lead().id()),
                act(RuleActionKind.ASSIGN, null));
        Opened opened = workspace.ticket(s.game(), "auto-7", "consultation");
        UUID id = opened.ticket().id();

        await().atMost(WAIT).until(() -> head(opened).status() == TicketStatus.PENDING_INTERNAL
                && head(opened).assigneeId() == null);
        TicketView ticket = head(opened);
        assertThat(ticket.type().code()).isEqualTo("bug");
        assertThat(ticket.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(ticket.tags()).contains("kept").doesNotContain("temp");
        var details = tickets.details(id, true);
        assertThat(details.history()).filteredOn(h -> h.action().equals("assignee")).extracting(HistoryEntry::newValue)
                .containsExactly(s.agent().id().toString(), null);
        MessageView reply = details.messages().stream()
                .filter(m -> m.visibility() == Visibility.PUBLIC && m.authorKind() == Actor.Kind.SYSTEM).findFirst()
                .orElseThrow();
        assertThat(reply.authorName()).isEqualTo("⚙ 全部动作");
        assertThat(reply.body()).doesNotContain("{agent.name}", "{ticket.number}");
        assertThat(notes(id)).extracting(MessageView::body).containsExactly("自动备注");
        assertThat(notifications.recent(s.agent().id(), 5)).hasSize(1);
        // the lead: once as the game's lead, once by name
        assertThat(notifications.recent(s.lead().id(), 5)).hasSize(2);
        assertThat(details.history()).filteredOn(h -> h.actor().kind() == Actor.Kind.SYSTEM)
                .extracting(h -> h.actor().name()).containsOnly("⚙ 全部动作", "⚙ 转内部");
    }

    @Test
    void aRefusedActionUndoesTheWholeRunAndIsRecordedAsFailed() {
        Setup s = setup();
        RuleView refused = rule(s, "直接关闭", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "half-done"), act(RuleActionKind.SET_STATUS, "closed"));
        RuleView after = rule(s, "之后", RuleTrigger.TICKET_CREATED, RuleConditions.ANY,
                act(RuleActionKind.ADD_TAG, "after"));
        Opened opened = workspace.ticket(s.game(), "auto-8", "other");

        await().atMost(WAIT).until(() -> head(opened).tags().contains("after"));
        assertThat(head(opened).tags()).doesNotContain("half-done");
        assertThat(head(opened).status()).isEqualTo(TicketStatus.NEW);
        assertThat(runsOf(s, refused)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failed");
            assertThat(e.steps()).extracting(RunStep::key).containsExactly("error.ticket.status.refused");
            assertThat(e.steps().getFirst().args()).extracting(RunStep.Arg::key)
                    .contains("ticket.status.closed");
        });
        assertThat(runsOf(s, after)).hasSize(1);
    }

    @Test
    void rulesThatUndoEachOtherStopAtTheLoopDepth() {
        Setup s = setup();
        // A tags the ticket and raises its priority while it has no "flip" tag; B takes the tag away
        // and lowers the priority again: each undoes the other, so unprotected they would run forever
        rule(s, "A", RuleTrigger.TICKET_UPDATED, tags(null, List.of("flip")),
                act(RuleActionKind.ADD_TAG, "flip"), act(RuleActionKind.SET_PRIORITY, "urgent"));
        rule(s, "B", RuleTrigger.TICKET_UPDATED, tags(List.of("flip"), null),
                act(RuleActionKind.REMOVE_TAG, "flip"), act(RuleActionKind.SET_PRIORITY, "low"));
        Opened opened = workspace.ticket(s.game(), "auto-9", "bug");
        UUID id = opened.ticket().id();

        desk.prioritize(id, TicketPriority.HIGH, Actor.agent(s.agent().id(), "小林"));

        await().atMost(WAIT).until(() -> rules.recentExecutions(s.game().id(), 500).stream()
                .anyMatch(e -> e.outcome().equals("stopped")));
        // the chain ends: nothing more runs
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(new java.util.concurrent.Callable<Boolean>() {
            int last = -1;

            @Override
            public Boolean call() {
                int now = rules.recentExecutions(s.game().id(), 500).size();
                boolean quiet = now == last;
                last = now;
                return quiet;
            }
        });
        List<ExecutionView> runs = rules.recentExecutions(s.game().id(), 500);
        // depth 0: the agent's change; rules act at depths 0, 1 and 2 and are stopped at 3
        assertThat(runs).filteredOn(e -> e.outcome().equals("done")).extracting(ExecutionView::depth)
                .contains(0, 1, 2).allMatch(depth -> depth < 3);
        assertThat(runs).filteredOn(e -> e.outcome().equals("stopped")).isNotEmpty()
                .allMatch(e -> e.depth() == 3);
        assertThat(runs).allMatch(e -> e.depth() <= 3);
        assertThat(tickets.details(id, true).history()).filteredOn(h -> h.actor().kind() == Actor.Kind.SYSTEM)
                .isNotEmpty().allMatch(h -> h.actor().name().equals("⚙ A") || h.actor().name().equals("⚙ B"));
    }

    @Test
    void onlyLeadsOfTheGameChangeRulesAndBadRulesAreRefusedFieldByField() {
        Setup s = setup();
        RuleDraft good = new RuleDraft("标签", RuleTrigger.TICKET_CREATED.code(), true, RuleConditions.ANY,
                List.of(act(RuleActionKind.ADD_TAG, "x")));
        assertThatThrownBy(() -> rules.create(s.game().id(), good, s.agent()))
                .isInstanceOf(AccessDeniedException.class);
        StaffMember otherLead = workspace.staff(StaffRole.SUPERVISOR, workspace.game());
        assertThatThrownBy(() -> rules.create(s.game().id(), good, otherLead))
                .isInstanceOf(AccessDeniedException.class);

        RuleDraft bad = new RuleDraft(" ", "whenever", true,
                new RuleConditions(List.of("pigeon"), List.of("bug"), null, null, List.of("bad tag!"), null, null,
                        List.of("platinum"), 25, null),
                List.of(act(RuleActionKind.SET_STATUS, "done"), new RuleAction("explode", ""),
                        act(RuleActionKind.ASSIGN, UUID.randomUUID()), act(RuleActionKind.ADD_NOTE, " "),
                        act(RuleActionKind.CANNED_REPLY, "not-an-id")));
        assertThatThrownBy(() -> rules.create(s.game().id(), bad, s.lead())).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("name",
                        "trigger", "conditions.channels", "conditions.tagsPresent", "conditions.vipTiers",
                        "conditions.hourFrom", "conditions.hourTo", "actions[0].value", "actions[1].kind",
                        "actions[2].value", "actions[3].value", "actions[4].value"));
        assertThatThrownBy(() -> rules.create(s.game().id(),
                new RuleDraft("空", "ticket_created", true, null, List.of()), s.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("actions"));
        // what is wrong with either hour comes before asking for both
        assertThatThrownBy(() -> rules.create(s.game().id(), new RuleDraft("时段", "ticket_created", true,
                new RuleConditions(null, null, null, null, null, null, null, null, null, 24),
                List.of(act(RuleActionKind.ADD_TAG, "x"))), s.lead()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("conditions.hourTo", "invalid.range.between", 23L, 0L),
                        new InvalidInput.FieldError("conditions.hourFrom", "invalid.bothHours")));
        assertThat(rules.of(s.game().id())).isEmpty();

        RuleView first = rules.create(s.game().id(), good, s.lead());
        RuleView second = rules.create(s.game().id(), good, s.lead());
        rules.move(second.id(), -1, s.lead());
        assertThat(rules.of(s.game().id())).extracting(RuleView::id).containsExactly(second.id(), first.id());
        assertThat(rules.enable(first.id(), false, s.lead()).enabled()).isFalse();
        assertThatThrownBy(() -> rules.enable(first.id(), true, s.agent())).isInstanceOf(AccessDeniedException.class);
    }
}
