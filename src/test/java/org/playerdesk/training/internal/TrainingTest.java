package org.playerdesk.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import org.playerdesk.chat.Presence;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.NextTicket;
import org.playerdesk.routing.QueueRules;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.routing.WorkPause;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * Training end to end: the onboarding gate keeping a new hire from routed tickets, "Next" and live
 * chat until they pass, then releasing them; reproducible draws; the typing test measured on the
 * server's clock; the time limit; submitting twice; short answers scored by a lead, audited. Each
 * test's gate exams are meant for a team of its own, so that tests do not gate each other.
 */
@SpringBootTest
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class TrainingTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TrainingCatalog catalog;
    @Autowired
    ExamSittings sittings;
    @Autowired
    OnboardingGate gate;
    @Autowired
    Teams teams;
    @Autowired
    RoutingSetup routing;
    @Autowired
    NextTicket next;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatQueue chatQueue;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    TicketQueries tickets;
    @Autowired
    List<WorkPause> pauses;
    @Autowired
    AuditLog audit;
    @Autowired
    StoppedClock clock;

    GameInfo game;
    StaffMember admin;
    StaffMember supervisor;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        admin = workspace.staff(StaffRole.ADMIN);
        supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
    }

    @Test
    void aNewHireGetsNoRoutedTicketNoNextAndNoLiveChatUntilTheyPassTheGateExamThenIsReleased() {
        StaffMember newHire = online(workspace.staff(StaffRole.AGENT_L1, game));
        StaffMember colleague = online(workspace.staff(StaffRole.AGENT_L1, game));
        UUID team = team(newHire, colleague);
        Exam exam = quiz("入职考试", team, true, 100);
        UUID refund = question(exam, QuestionKind.SINGLE, "1", 1);
        UUID greeting = question(exam, QuestionKind.TRUE_FALSE, "true", 1);
        gate.markNewHire(newHire.id(), supervisor);
        assertThat(audit.about("staff", newHire.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("training.newHire.mark");
        assertThat(pausedAmong(newHire, colleague)).as("the colleague is no new hire").containsExactly(newHire.id());

        // routing: both tickets go to the colleague, none to the new hire
        routing.defineQueue(game.id(), null, new QueueRules("入职", 1, "round_robin", true, null, null, null, null,
                null, null, Set.of()), supervisor);
        UUID first = workspace.ticket(game, "gate-1", "consultation").ticket().id();
        UUID second = workspace.ticket(game, "gate-2", "consultation").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(java.util.Arrays.asList(tickets.head(first).assigneeId(),
                tickets.head(second).assigneeId())).containsOnly(colleague.id()));
        // Next
        assertThatThrownBy(() -> next.next(newHire)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("routing.next.paused"));
        // live chat
        rulebook.configure(game.id(), null, true, null, null, null, null);
        UUID chat = chats.start(game.code(), null, "小雨", "c-gate", "充值没到账").chat().id();
        assertThat(seats.seat(newHire).paused()).isTrue();
        assertThat(seats.seat(colleague).paused()).isFalse();
        assertThatThrownBy(() -> chatQueue.accept(chat, new StaffUser(newHire, "")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("chat.accept.on-break"));
        assertThat(gate.newHires(supervisor)).filteredOn(h -> h.member().id().equals(newHire.id())).singleElement()
                .satisfies(h -> {
                    assertThat(h.blocked()).isTrue();
                    assertThat(h.missing()).extracting(m -> m.exam().title()).containsExactly(exam.title());
                });

        // a failed attempt keeps the gate shut
        Attempt failed = sittings.start(exam.id(), newHire);
        sittings.submit(failed.id(), Map.of(refund, "2", greeting, "true"), null, newHire);
        assertThat(pausedAmong(newHire)).containsExactly(newHire.id());
        assertThat(gate.missing(newHire)).singleElement().satisfies(m -> assertThat(m.latest().status())
                .isEqualTo(Attempt.Status.FAILED));

        Attempt passed = sittings.start(exam.id(), newHire);
        assertThat(sittings.submit(passed.id(), Map.of(refund, "1", greeting, "true"), null, newHire).status())
                .isEqualTo(Attempt.Status.PASSED);
        assertThat(audit.about("training_attempt", passed.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("training.exam.passed");

        assertThat(pausedAmong(newHire)).as("released").isEmpty();
        assertThat(seats.seat(newHire).paused()).isFalse();
        assertThat(chatQueue.accept(chat, new StaffUser(newHire, "")).agentId()).isEqualTo(newHire.id());
        seats.setPresence(colleague, Presence.OFFLINE, null);
        UUID third = workspace.ticket(game, "gate-3", "consultation").ticket().id();
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets.head(third).assigneeId()).isEqualTo(newHire.id()));
        assertThat(next.next(newHire)).as("Next is no longer refused: nothing waits").isEmpty();
    }

    @Test
    void membersNotMarkedAsNewHiresAreNeverGatedAndALeadMayLiftTheMark() {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember newHire = workspace.staff(StaffRole.AGENT_L1, game);
        UUID team = team(agent, newHire);
        Exam exam = quiz("产品知识", team, true, 60);
        question(exam, QuestionKind.TRUE_FALSE, "true", 1);
        assertThat(pausedAmong(agent, newHire)).isEmpty();

        gate.markNewHire(newHire.id(), supervisor);
        assertThat(pausedAmong(agent, newHire)).containsExactly(newHire.id());
        assertThatThrownBy(() -> gate.release(newHire.id(), agent)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> gate.markNewHire(agent.id(), newHire)).isInstanceOf(AccessDeniedException.class);
        gate.release(newHire.id(), admin);
        assertThat(pausedAmong(agent, newHire)).isEmpty();
        assertThat(audit.about("staff", newHire.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("training.newHire.release");
    }

    @Test
    void theDrawIsRecordedWithItsSeedAndTheSameSeedDrawsTheSameQuestions() {
        StaffMember one = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember other = workspace.staff(StaffRole.AGENT_L2, game);
        UUID team = team(one, other);
        Exam exam = catalog.defineExam(examForm("随机抽题", "quiz", 3, team, false, 60), supervisor);
        List<UUID> bank = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            bank.add(question(exam, QuestionKind.TRUE_FALSE, i % 2 == 0 ? "true" : "false", 1));
        }

        Attempt a = sittings.start(exam.id(), one, 777L);
        Attempt b = sittings.start(exam.id(), other, 777L);
        assertThat(a.questionIds()).hasSize(3).isSubsetOf(bank).isEqualTo(b.questionIds());
        Attempt stored = sittings.attempt(a.id(), one);
        assertThat(stored.seed()).isEqualTo(777L);
        assertThat(stored.questionIds()).isEqualTo(a.questionIds())
                .isEqualTo(ExamDraw.draw(bank, 3, stored.seed()));
        assertThat(sittings.start(exam.id(), one)).as("one sitting at a time").isEqualTo(a);
        assertThatThrownBy(() -> sittings.attempt(a.id(), other)).as("someone else's attempt")
                .isInstanceOf(org.playerdesk.system.errors.NotFoundException.class);
        assertThat(sittings.attempt(a.id(), supervisor).id()).as("a lead sees it").isEqualTo(a.id());
    }

    @Test
    void theTypingTestScoresCorrectCharactersPerMinuteBetweenTheServersStartAndSubmission() {
        StaffMember trainee = workspace.staff(StaffRole.AGENT_L1, game);
        UUID team = team(trainee);
        String text = "您好，很高兴为您服务。请提供您的角色名和区服，我们马上为您查询充值记录，请您稍等片刻。感谢您的耐心等待，祝您游戏愉快！";
        int length = text.replaceAll("\\s", "").codePointCount(0, text.length());
        Exam typing = catalog.defineExam(new TrainingCatalog.ExamForm("打字测试", "typing", null, null, 5, 90, true,
                text, null, List.of(), List.of(team), false), supervisor);
        assertThat(typing.typingMinCpm()).as("the configured standard").isEqualTo(50);

        Attempt slow = sittings.start(typing.id(), trainee);
        clock.shift(Duration.ofMinutes(2));
        Attempt failed = sittings.submit(slow.id(), Map.of(), text, trainee);
        assertThat(failed.status()).isEqualTo(Attempt.Status.FAILED);
        assertThat(failed.perMinute()).isEqualTo(length / 2);
        assertThat(failed.accuracy()).isEqualTo(100);

        Attempt quick = sittings.start(typing.id(), trainee);
        clock.shift(Duration.ofSeconds(60));
        String typed = text.replace("很高兴", "很兴").replace("角色名", "脚色名");
        Attempt passed = sittings.submit(quick.id(), Map.of(), typed, trainee);
        assertThat(passed.status()).isEqualTo(Attempt.Status.PASSED);
        assertThat(passed.correctChars()).isEqualTo(length - 2);
        assertThat(passed.perMinute()).isEqualTo(length - 2).isGreaterThanOrEqualTo(50);
        assertThat(passed.accuracy()).isEqualTo((length - 2) * 100 / (length - 1));
        assertThat(audit.about("training_attempt", quick.id().toString(), 5)).extracting(AuditLog.Entry::detail)
                .anySatisfy(d -> assertThat(d).contains((length - 2) + " characters a minute"));
    }

    @Test
    void aSubmissionAfterTheTimeLimitFailsAsLateAndNoAttemptIsSubmittedTwice() {
        StaffMember trainee = workspace.staff(StaffRole.AGENT_L1, game);
        UUID team = team(trainee);
        Exam exam = quiz("限时考试", team, false, 50);
        UUID q = question(exam, QuestionKind.TRUE_FALSE, "true", 1);

        Attempt late = sittings.start(exam.id(), trainee);
        clock.shift(Duration.ofMinutes(10).plusSeconds(16));
        Attempt closed = sittings.submit(late.id(), Map.of(q, "true"), null, trainee);
        assertThat(closed.late()).isTrue();
        assertThat(closed.status()).isEqualTo(Attempt.Status.FAILED);
        assertThat(closed.score()).isZero();
        assertThat(audit.about("training_attempt", late.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("training.exam.late");

        Attempt inTime = sittings.start(exam.id(), trainee);
        assertThat(inTime.id()).as("a late attempt is no longer running").isNotEqualTo(late.id());
        clock.shift(Duration.ofMinutes(10).plusSeconds(10));
        assertThat(sittings.submit(inTime.id(), Map.of(q, "true"), null, trainee).status())
                .as("within the grace").isEqualTo(Attempt.Status.PASSED);
        assertThatThrownBy(() -> sittings.submit(inTime.id(), Map.of(q, "false"), null, trainee))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("training.attempt.submitted"));
        assertThat(sittings.attempt(inTime.id(), trainee).status()).isEqualTo(Attempt.Status.PASSED);
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, game);
        assertThatThrownBy(() -> sittings.start(exam.id(), stranger)).as("not meant for them")
                .isInstanceOf(org.playerdesk.system.errors.NotFoundException.class);
    }

    @Test
    void shortAnswersWaitForALeadWhoseScoreSettlesTheAttemptAndIsAudited() {
        StaffMember trainee = workspace.staff(StaffRole.AGENT_L1, game);
        UUID team = team(trainee, supervisor);
        Exam exam = quiz("沟通技巧", team, true, 60);
        UUID closed = question(exam, QuestionKind.TRUE_FALSE, "true", 2);
        UUID open = catalog.addQuestion(exam.id(), new TrainingCatalog.QuestionForm("short",
                "A player is angry about a lost item. What do you do first?", "玩家因道具丢失而愤怒，你首先做什么？",
                null, null, null, 3), supervisor).id();
        gate.markNewHire(trainee.id(), supervisor);

        Attempt attempt = sittings.start(exam.id(), trainee);
        Attempt submitted = sittings.submit(attempt.id(), Map.of(closed, "true", open, "先安抚玩家情绪，再查询道具日志"), null,
                trainee);
        assertThat(submitted.status()).isEqualTo(Attempt.Status.SUBMITTED);
        assertThat(sittings.waitingForScores(supervisor)).extracting(Attempt::id).contains(attempt.id());
        assertThat(pausedAmong(trainee)).as("not passed until scored").containsExactly(trainee.id());

        assertThatThrownBy(() -> sittings.scoreAnswer(attempt.id(), open, 3, trainee))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sittings.scoreAnswer(attempt.id(), open, 4, supervisor))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("points")));
        assertThatThrownBy(() -> sittings.scoreAnswer(attempt.id(), closed, 1, supervisor))
                .as("a closed question is scored already")
                .isInstanceOf(org.playerdesk.system.errors.NotFoundException.class);
        Attempt scored = sittings.scoreAnswer(attempt.id(), open, 2, supervisor);
        assertThat(scored.status()).isEqualTo(Attempt.Status.PASSED);
        assertThat(scored.score()).isEqualTo(4);
        assertThat(scored.maxScore()).isEqualTo(5);
        assertThat(audit.about("training_attempt", attempt.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("training.answer.scored", "training.exam.passed");
        assertThat(pausedAmong(trainee)).isEmpty();
        assertThatThrownBy(() -> sittings.scoreAnswer(attempt.id(), open, 3, supervisor))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("training.attempt.notWaiting"));
    }

    @Test
    void definitionsRefuseBadInputFieldByFieldAndAgentsMayNotDefine() {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        assertThatThrownBy(() -> catalog.defineCourse(new TrainingCatalog.CourseForm("新人培训", null,
                UUID.randomUUID().toString(), List.of("agent_l1"), List.of(), false, null), agent))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalog.defineCourse(new TrainingCatalog.CourseForm(" ", null, "退款流程",
                List.of("nobody"), List.of(), false, UUID.randomUUID()), supervisor))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("title", "articles", "roles",
                                "trainer"));
        assertThatThrownBy(() -> catalog.defineCourse(new TrainingCatalog.CourseForm("新人培训", null,
                UUID.randomUUID().toString(), List.of(), List.of(), false, null), supervisor))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("articles", "audience"));
        assertThatThrownBy(() -> catalog.defineExam(new TrainingCatalog.ExamForm("", "typing", null, null, 0, 101,
                false, "", 0, List.of("agent_l1"), List.of(), false), supervisor))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field)
                        .containsExactly("title", "timeLimitMinutes", "passPercent", "typingText", "typingMinCpm"));
        Exam exam = quiz("题库", team(agent), false, 60);
        assertThatThrownBy(() -> catalog.addQuestion(exam.id(), new TrainingCatalog.QuestionForm("single", "Which?",
                "", "a\nb\nc", "甲\n乙", "1,2", 1), supervisor)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                                .containsExactly("promptZh", "optionsZh", "answer"));
    }

    // ---------------------------------------------------------------- helpers

    private StaffMember online(StaffMember member) {
        seats.setPresence(member, Presence.ONLINE, null);
        return member;
    }

    private UUID team(StaffMember... members) {
        return teams.define(null, TestWorkspace.unique("培训组"), null,
                java.util.Arrays.stream(members).map(StaffMember::id).toList(), admin).id();
    }

    private Exam quiz(String title, UUID team, boolean gateExam, int passPercent) {
        return catalog.defineExam(examForm(title, "quiz", 5, team, gateExam, passPercent), supervisor);
    }

    private static TrainingCatalog.ExamForm examForm(String title, String kind, Integer draw, UUID team,
            boolean gateExam, int passPercent) {
        return new TrainingCatalog.ExamForm(title, kind, null, draw, 10, passPercent, gateExam, null, null, List.of(),
                List.of(team), false);
    }

    private UUID question(Exam exam, QuestionKind kind, String answer, int points) {
        boolean choices = kind.choices();
        return catalog.addQuestion(exam.id(), new TrainingCatalog.QuestionForm(kind.code(),
                "Refunds go through which form?", "退款走哪个流程？", choices ? "Refund form\nBug report" : null,
                choices ? "退款申请\n问题反馈" : null, answer, points), supervisor).id();
    }

    private Set<UUID> pausedAmong(StaffMember... members) {
        Set<UUID> paused = new java.util.HashSet<>();
        List<UUID> ids = java.util.Arrays.stream(members).map(StaffMember::id).toList();
        pauses.forEach(p -> paused.addAll(p.pausedAmong(ids, clock.instant())));
        return paused;
    }

}
