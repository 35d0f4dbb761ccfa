package org.playerdesk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.internal.Broadcasts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Incidents: a ticket in one incident at most, one reply that reaches every linked ticket exactly
 * once (also when two runs work at once, as after an interruption), resolving all, the help-center
 * notice while open, who may do what, and bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class IncidentsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    Incidents incidents;
    @Autowired
    Broadcasts broadcasts;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;

    private static Actor actor(StaffMember member) {
        return Actor.agent(member.id(), member.displayName());
    }

    private IncidentView open(GameInfo game, StaffMember by, String noticeZh, String noticeEn) {
        return incidents.open(game.id(), new IncidentDraft("S3 登录服务器故障", "登录服务器无响应", "S3", noticeZh, noticeEn),
                actor(by));
    }

    private UUID ticket(GameInfo game) {
        return workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id();
    }

    private int status(MockHttpServletRequestBuilder request, StaffMember who) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getStatus();
    }

    private String body(MockHttpServletRequestBuilder request, StaffMember who, int expected) throws Exception {
        var response = mvc.perform(request.with(user(new StaffUser(who, ""))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }

    @Test
    void aTicketIsLinkedToOneIncidentAtMost() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        IncidentView first = open(game, agent, null, null);
        IncidentView second = open(game, agent, null, null);
        UUID ticket = ticket(game);

        assertThat(incidents.link(first.id(), ticket, actor(agent)).state()).isEqualTo(LinkState.LINKED);
        assertThat(incidents.link(first.id(), ticket, actor(agent)).incidentId()).as("linking again changes nothing")
                .isEqualTo(first.id());
        assertThatThrownBy(() -> incidents.link(second.id(), ticket, actor(agent))).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("incident.ticket.linked-elsewhere");

        String refused = body(post("/console/incidents/{id}/tickets", second.id()).param("ticketId", ticket.toString()),
                agent, 409);
        assertThat(refused).contains("data-testid=\"incident-problem\"", "已关联到另一个事件");
        assertThat(incidents.incidentOf(ticket)).get().extracting(LinkedTicket::incidentId).isEqualTo(first.id());

        // unlinked from the ticket's page, it can join the other incident
        body(post("/console/incidents/{id}/tickets/{t}/unlink", first.id(), ticket).param("back", "ticket"), agent, 302);
        assertThat(incidents.incidentOf(ticket)).isEmpty();
        body(post("/console/incidents/link-from-ticket").param("incident", second.id().toString())
                .param("ticketId", ticket.toString()), agent, 302);
        assertThat(incidents.get(second.id()).linked()).isEqualTo(1);
        assertThat(body(get("/console/tickets/{id}", ticket), agent, 200)).contains("data-testid=\"incident-panel\"",
                "S3 登录服务器故障");

        // by number from the incident page; another game's ticket and a wrong number are refused
        long number = tickets.head(ticket(game)).number();
        body(post("/console/incidents/{id}/tickets", first.id()).param("number", "#" + number), agent, 302);
        assertThat(incidents.get(first.id()).linked()).isEqualTo(1);
        UUID foreign = ticket(workspace.game());
        assertThatThrownBy(() -> incidents.link(first.id(), foreign, actor(agent))).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("incident.ticket.other-game");
        assertThat(body(post("/console/incidents/{id}/tickets", first.id()).param("number", "abc"), agent, 400))
                .contains("工单编号");
        assertThatThrownBy(() -> incidents.unlink(first.id(), foreign)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void oneReplyReachesEveryLinkedTicketExactlyOnceEvenWhenSeveralRunsWorkAtOnce() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        IncidentView incident = open(game, lead, null, null);
        List<UUID> linked = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            UUID ticket = ticket(game);
            incidents.link(incident.id(), ticket, actor(lead));
            linked.add(ticket);
        }
        UUID closed = ticket(game);
        incidents.link(incident.id(), closed, actor(lead));
        desk.changeStatus(closed, TicketStatus.RESOLVED, actor(lead));
        desk.changeStatus(closed, TicketStatus.CLOSED, actor(lead));
        UUID notLinked = ticket(game);
        String reply = "S3 登录服务器已恢复，感谢耐心等待 " + UUID.randomUUID();

        UUID run = incidents.replyToAll(incident.id(), reply, false, actor(lead));
        // while the background run works, two more runs take it up, each stopping after a few
        // tickets and starting again, as a second node would after the first was interrupted
        ExecutorService others = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            done.add(others.submit(() -> {
                broadcasts.deliver(run, 7);
                broadcasts.deliver(run, 5);
                return broadcasts.deliver(run, Integer.MAX_VALUE);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        others.shutdown();
        await().atMost(Duration.ofSeconds(60)).until(() -> incidents.broadcast(run).finished());

        BroadcastView view = incidents.broadcast(run);
        assertThat(view.total()).isEqualTo(61);
        assertThat(view.done()).isEqualTo(60);
        assertThat(view.skipped()).isEqualTo(1);
        assertThat(view.percent()).isEqualTo(100);
        for (UUID ticket : linked) {
            assertThat(replies(ticket, reply)).as("ticket %s", ticket).isEqualTo(1);
            assertThat(tickets.head(ticket).status()).isEqualTo(TicketStatus.OPEN);
        }
        assertThat(replies(closed, reply)).isZero();
        assertThat(replies(notLinked, reply)).isZero();
        assertThat(broadcasts.deliver(run, Integer.MAX_VALUE)).as("a finished run does nothing more").isZero();
        assertThat(body(get("/console/incidents/{id}", incident.id()), lead, 200))
                .contains("data-testid=\"incident-broadcast\"", "已完成 60 / 61 张，跳过 1 张");
        assertThat(body(get("/console/incidents/{id}/broadcasts/{b}", incident.id(), run), lead, 200))
                .contains("data-finished=\"true\"", "已完成 60 / 61 张").doesNotContain("hx-get");
        assertThat(status(get("/console/incidents/{id}/broadcasts/{b}", incident.id(), UUID.randomUUID()), lead))
                .isEqualTo(404);
    }

    @Test
    void resolvingAllResolvesEveryLinkedTicketAndTheNoticeLeavesTheHelpCenter() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        String apiKey = workspace.apiKey(game);
        IncidentView incident = open(game, lead, "S3 区服登录异常，工程师正在修复，预计 30 分钟内恢复。",
                "Login on S3 is failing; engineers are fixing it, back within 30 minutes.");
        List<UUID> linked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            linked.add(ticket(game));
            incidents.link(incident.id(), linked.getLast(), actor(lead));
        }

        assertThat(helpPage(game, "zh-CN")).contains("data-testid=\"incident-notice\"", "S3 区服登录异常");
        assertThat(helpPage(game, "en")).contains("Login on S3 is failing").doesNotContain("S3 区服登录异常");
        assertThat(mvc.perform(get("/help/{g}/articles", game.code())).andReturn().getResponse().getContentAsString())
                .contains("S3 区服登录异常");
        assertThat(helpPage(workspace.game(), "zh-CN")).doesNotContain("incident-notice");
        String feed = mvc.perform(get("/api/v1/notices").param("lang", "en").header("Authorization", "Bearer " + apiKey))
                .andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("Login on S3 is failing", incident.id().toString());
        assertThat(mvc.perform(get("/api/v1/notices")).andReturn().getResponse().getStatus()).isEqualTo(401);

        body(post("/console/incidents/{id}/resolve", incident.id()).param("tickets", "true"), lead, 302);

        await().atMost(Duration.ofSeconds(60)).until(() -> linked.stream()
                .allMatch(t -> tickets.head(t).status() == TicketStatus.RESOLVED));
        assertThat(incidents.get(incident.id()).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(helpPage(game, "zh-CN")).doesNotContain("incident-notice", "S3 区服登录异常");
        assertThat(mvc.perform(get("/api/v1/notices").header("Authorization", "Bearer " + apiKey)).andReturn()
                .getResponse().getContentAsString()).isEqualTo("[]");
        assertThatThrownBy(() -> incidents.link(incident.id(), ticket(game), actor(lead)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("incident.finished");
    }

    @Test
    void onlyLeadsConfirmReplyToAllAndResolveAndOnlyAdministratorsSetTheGrouping() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        IncidentView incident = open(game, lead, null, null);

        assertThat(status(post("/console/incidents/{id}/replies", incident.id()).param("message", "已修复"), agent))
                .isEqualTo(403);
        assertThat(status(post("/console/incidents/{id}/resolve", incident.id()), agent)).isEqualTo(403);
        assertThat(status(post("/console/incidents/{id}/confirm", incident.id()), agent)).isEqualTo(403);
        assertThat(status(post("/console/incidents/{id}", incident.id()).param("title", "x"), agent)).isEqualTo(403);
        assertThat(status(post("/console/admin/incident-grouping").param("game", game.id().toString())
                .param("windowMinutes", "5").param("threshold", "3"), lead)).isEqualTo(403);
        assertThat(body(get("/console/incidents/{id}", incident.id()), agent, 200)).contains("S3 登录服务器故障")
                .doesNotContain("incident-reply-all");
        assertThat(status(get("/console/incidents/{id}", incident.id()), workspace.staff(StaffRole.SUPERVISOR,
                workspace.game()))).as("another game's lead").isEqualTo(404);
        assertThat(body(get("/console/incidents"), agent, 200)).contains("S3 登录服务器故障");

        // an open incident cannot be confirmed again
        assertThat(body(post("/console/incidents/{id}/confirm", incident.id()), lead, 409)).contains("事件不能从");
        body(post("/console/admin/incident-grouping").param("game", game.id().toString()).param("enabled", "true")
                .param("windowMinutes", "5").param("threshold", "3"), admin, 302);
        assertThat(incidents.grouping(game.id())).isEqualTo(new GroupingSettings(true, 5, 3));
    }

    @Test
    void badInputIsRefusedFieldByField() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);

        assertThatThrownBy(() -> incidents.open(game.id(), new IncidentDraft(" ", null, "x".repeat(201), null,
                "n".repeat(1001)), actor(lead))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("title", "servers", "noticeEn"));
        assertThat(body(post("/console/incidents").param("game", game.id().toString()).param("title", ""), lead, 400))
                .contains("title");
        IncidentView incident = open(game, lead, null, null);
        assertThat(body(post("/console/incidents/{id}/replies", incident.id()).param("message", "  "), lead, 400))
                .contains("内容不能为空。");
        assertThat(body(post("/console/admin/incident-grouping").param("game", game.id().toString())
                .param("windowMinutes", "0").param("threshold", "abc"), admin, 400)).contains("时间窗口", "反馈数");
        assertThat(incidents.grouping(game.id())).isEqualTo(GroupingSettings.DEFAULTS);
        assertThat(status(get("/console/incidents/{id}", "not-an-id"), lead)).isEqualTo(404);
        assertThat(status(get("/console/incidents/{id}", UUID.randomUUID()), lead)).isEqualTo(404);
    }

    private long replies(UUID ticket, String body) {
        return tickets.details(ticket, true).messages().stream().filter(m -> body.equals(m.body()))
                .map(MessageView::authorKind).filter(k -> k == Actor.Kind.AGENT).count();
    }

    private String helpPage(GameInfo game, String lang) throws Exception {
        return mvc.perform(get("/help/{g}", game.code()).param("lang", lang)).andReturn().getResponse()
                .getContentAsString();
    }
}
