package org.playerdesk.workforce.internal.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * The daily work log: its facts read from the agent's real tickets of their own local day, the
 * problems written down and checked field by field, submitting once and follow-ups after, what a
 * lead sees of their teams and the search over the entries. The clock is stopped and moved only
 * by the test; the agent lives in Los Angeles, sixteen hours behind the department's default zone.
 */
@SpringBootTest
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class WorkLogsTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    RoutingSetup routing;
    @Autowired
    Teams teams;
    @Autowired
    WorkLogs logs;
    @Autowired
    TeamLogs teamLogs;
    @Autowired
    WorkingDays days;
    @Autowired
    StoppedClock clock;

    GameInfo game;
    StaffMember agent;
    StaffMember colleague;
    StaffMember supervisor;
    LocalDate day;

    @BeforeEach
    void setUp() {
        day = LocalDate.ofInstant(clock.instant(), LOS_ANGELES).plusDays(2);
        clock.moveTo(day.atTime(10, 0).atZone(LOS_ANGELES).toInstant());
        game = workspace.game();
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        colleague = workspace.staff(StaffRole.AGENT_L1, game);
        supervisor = workspace.staff(StaffRole.SUPERVISOR, game);
        routing.changeSkills(agent.id(), null, null, 10, LOS_ANGELES.getId(), null, null, supervisor);
    }

    @Test
    void theLogIsFilledInFromWhatTheAgentDidOnTheirTicketsThatDayInTheirOwnTimeZone() {
        Actor me = Actor.agent(agent.id(), agent.displayName());
        Actor lead = Actor.agent(supervisor.id(), supervisor.displayName());
        UUID answered = workspace.ticket(game, "p-1", "consultation").ticket().id();
        desk.reply(answered, me, "您好，已为您查询，请稍候。", List.of(), null);
        desk.reply(answered, me, "您好，问题已处理，祝您游戏愉快！", List.of(), TicketStatus.RESOLVED);
        UUID given = workspace.ticket(game, "p-2", "complaint").ticket().id();
        desk.assign(given, agent.id(), lead);
        desk.tag(given, "hostile", lead);
        desk.prioritize(given, TicketPriority.URGENT, lead);
        UUID escalated = workspace.ticket(game, "p-3", "bug").ticket().id();
        desk.escalate(escalated, SupportLevel.SECOND_LINE, "需要二线处理", me);
        UUID colleagues = workspace.ticket(game, "p-4", "consultation").ticket().id();
        desk.reply(colleagues, Actor.agent(colleague.id(), colleague.displayName()), "您好，请问还有其他问题吗？",
                List.of(), null);
        // 23:50 in Los Angeles is still the agent's day (07:50 the next day in Shanghai)
        clock.moveTo(day.atTime(23, 50).atZone(LOS_ANGELES).toInstant());
        UUID late = workspace.ticket(game, "p-5", "consultation").ticket().id();
        desk.reply(late, me, "您好，已收到，我们会尽快处理。", List.of(), null);
        clock.shift(Duration.ofMinutes(20));
        UUID nextDay = workspace.ticket(game, "p-6", "consultation").ticket().id();
        desk.reply(nextDay, me, "您好，已收到，我们会尽快处理。", List.of(), null);

        DayFacts facts = days.facts(agent.id(), day);

        assertThat(days.today(agent.id())).isEqualTo(day.plusDays(1));
        assertThat(facts.tickets()).extracting(WorkedTicket::id)
                .containsExactlyInAnyOrder(answered, given, escalated, late);
        assertThat(facts.replies()).isEqualTo(3);
        assertThat(facts.resolved()).isEqualTo(1);
        assertThat(facts.escalated()).isEqualTo(1);
        assertThat(worked(facts, given)).satisfies(t -> {
            assertThat(t.assigned()).isTrue();
            assertThat(t.replies()).isZero();
            assertThat(t.notable()).contains("worklog.notable.hostile", "worklog.notable.priority");
            assertThat(t.gameName()).isEqualTo(game.name());
        });
        assertThat(worked(facts, answered).resolved()).isTrue();
        assertThat(worked(facts, answered).status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(worked(facts, escalated).notable()).containsExactly("worklog.notable.escalated");
        assertThat(facts.notable()).extracting(WorkedTicket::id).containsExactlyInAnyOrder(given, escalated);
        assertThat(days.facts(agent.id(), day.plusDays(1)).tickets()).extracting(WorkedTicket::id)
                .containsExactly(nextDay);
        // the colleague lives in Shanghai, where the morning in Los Angeles is already the next day
        assertThat(days.facts(colleague.id(), day.plusDays(1)).tickets()).extracting(WorkedTicket::id)
                .containsExactly(colleagues);
    }

    @Test
    void problemsAreWrittenCheckedFieldByFieldAndTheLogIsSubmittedOnceWithFollowUpsAfter() {
        long number = workspace.ticket(game, "p-7", "payment").ticket().number();

        assertThatThrownBy(() -> logs.write(agent, day, "unsolved", "  ", "abc", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("text", "invalid.blank"),
                                org.assertj.core.groups.Tuple.tuple("ticket", "invalid.worklog.ticketNumber")));
        assertThatThrownBy(() -> logs.write(agent, day, "later", "x".repeat(WorkLogs.TEXT_MAX + 1), "99999999", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("category", "invalid.choose"),
                                org.assertj.core.groups.Tuple.tuple("text", "invalid.tooLong"),
                                org.assertj.core.groups.Tuple.tuple("ticket", "invalid.worklog.ticket")));
        assertThat(logs.of(agent.id(), day).entries()).as("nothing written").isEmpty();

        LogEntry problem = logs.write(agent, day, "new", " 充值到账延迟，玩家多次催促 ", "#" + number, null);
        LogEntry watch = logs.write(agent, day, "watch", "论坛有人说活动奖励少发", null, null);
        assertThat(problem.ticketNumber()).isEqualTo(number);
        assertThat(problem.gameId()).isEqualTo(game.id());
        assertThat(problem.body()).isEqualTo("充值到账延迟，玩家多次催促");
        logs.remove(agent, watch.id());
        assertThat(logs.of(agent.id(), day).entries()).extracting(LogEntry::id).containsExactly(problem.id());
        assertThatThrownBy(() -> logs.remove(colleague, problem.id())).as("another's entry")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> logs.write(supervisor, day.plusDays(2), "new", "明天的事", null, null))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("worklog.future"));

        WorkLog submitted = logs.submit(agent, day);
        assertThat(submitted.submitted()).isTrue();
        java.time.Instant at = submitted.submittedAt();
        clock.shift(Duration.ofMinutes(5));
        assertThat(logs.submit(agent, day).submittedAt()).as("submitted once").isEqualTo(at);
        assertThatThrownBy(() -> logs.remove(agent, problem.id()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("worklog.kept"));

        // the next day: a follow-up on the submitted log, and a past day without a log stays closed
        clock.shift(Duration.ofDays(1));
        LogEntry followUp = logs.write(agent, day, "unsolved", "财务部回复要等到周五", null, null);
        assertThat(followUp.followUp()).isTrue();
        logs.solve(agent, problem.id(), true);
        assertThat(logs.of(agent.id(), day).entries()).extracting(LogEntry::solved).containsExactly(true, false);
        assertThatThrownBy(() -> logs.write(agent, day.minusDays(1), "new", "补记", null, null))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("worklog.dayOver"));
        assertThat(logs.pastDays(agent.id(), day.plusDays(1), 10)).containsExactly(day);
    }

    @Test
    void aLeadReadsTheirTeamsLogsSeesWhoHasNotSubmittedAndSearchesTheEntries() {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember teamLead = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember otherLead = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1, game);
        TeamView team = teams.define(null, TestWorkspace.unique("早班"), teamLead.id(),
                List.of(agent.id(), colleague.id()), admin);
        TeamView other = teams.define(null, TestWorkspace.unique("夜班"), otherLead.id(), List.of(outsider.id()),
                admin);
        LocalDate shanghaiDay = days.today(colleague.id());
        logs.write(agent, day, "unsolved", "礼包码 100%无效，已反馈运营", null, null);
        logs.submit(agent, day);
        logs.write(colleague, shanghaiDay, "new", "安卓端登录闪退", null, null);
        logs.write(outsider, days.today(outsider.id()), "new", "登录闪退又出现", null, null);

        TeamLogs.Scope scope = teamLogs.scope(teamLead, null);
        assertThat(scope.people()).extracting(StaffMember::id)
                .containsExactlyInAnyOrder(agent.id(), colleague.id(), teamLead.id());
        assertThat(teamLogs.day(scope, shanghaiDay)).filteredOn(p -> !p.log().submitted())
                .extracting(p -> p.person().id()).contains(colleague.id());
        assertThat(teamLogs.day(scope, day)).filteredOn(p -> p.log().submitted())
                .extracting(p -> p.person().id()).containsExactly(agent.id());

        assertThat(teamLogs.search(scope, "闪退", day.minusDays(3), day.plusDays(3)))
                .extracting(f -> f.entry().body()).containsExactly("安卓端登录闪退");
        assertThat(teamLogs.search(scope, "100%", day.minusDays(3), day.plusDays(3))).hasSize(1);
        assertThat(teamLogs.search(scope, "%", day.minusDays(3), day.plusDays(3))).as("no wildcard of its own")
                .hasSize(1);
        assertThat(teamLogs.search(teamLogs.scope(supervisor, null), "闪退", day.minusDays(3), day.plusDays(3)))
                .as("a supervisor leads everyone").hasSize(2);
        assertThatThrownBy(() -> teamLogs.search(scope, " ", day.plusDays(3), day))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("q", "from"));

        assertThatThrownBy(() -> teamLogs.scope(teamLead, other.id())).as("another lead's team")
                .isInstanceOf(NotFoundException.class);
        assertThat(teamLogs.scope(teamLead, team.id()).people()).hasSize(3);
        assertThatThrownBy(() -> teamLogs.scope(agent, null)).as("an agent leads nobody")
                .isInstanceOf(AccessDeniedException.class);
    }

    private static WorkedTicket worked(DayFacts facts, UUID ticket) {
        return facts.tickets().stream().filter(t -> t.id().equals(ticket)).findFirst().orElseThrow();
    }
}
