package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The console: the policy editor for supervisors only, with every bad field marked; the inbox's
 * time left and "due first" order; the ticket page's panel; the notification bell and list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ServiceLevelPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    SlaPolicies policies;
    @Autowired
    Notifications notifications;

    private String page(MockHttpServletRequestBuilder request, StaffMember who, int status) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    private UUID open(GameInfo game, String account, String type, String channel) {
        UUID id = desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, "S1", null), type,
                channel, null, "工单 " + account, "玩家的问题", null, Map.of(), false), List.of()).ticket().id();
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.head(id).slaDueAt() != null);
        return id;
    }

    @Test
    void onlySupervisorsAndAdministratorsSeeThePolicies() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        page(get("/console/sla").param("game", game.code()), agent, 403);
        page(post("/console/sla/policy").param("game", game.code()).param("name", "x").with(csrf()), agent, 403);
        String html = page(get("/console/sla").param("game", game.code()), lead, 200);
        assertThat(html).contains("data-testid=\"sla-policies\"", "在线客服", "投诉", "7×24", "通知主管");
        // another game's policies are not found for a lead who does not serve it
        page(get("/console/sla").param("game", workspace.game().code()), lead, 404);
    }

    @Test
    void aBadPolicyComesBackWithEveryFieldMarked() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        int before = policies.policies(game.id()).size();
        String html = page(post("/console/sla/policy").param("game", game.code()).param("name", " ")
                .param("channel", "fax").param("firstResponseMinutes", "abc").param("resolutionMinutes", "0")
                .param("warningPercent", "150").param("calendarId", UUID.randomUUID().toString())
                .param("breachActions", "call_the_police").with(csrf()), lead, 400);
        assertThat(html).contains("data-testid=\"form-errors\"", "请修改标出的字段");
        assertThat(html).containsPattern("data-testid=\"error-name\"[^>]*>内容不能为空。");
        assertThat(html).containsPattern("data-testid=\"error-channel\"[^>]*>未知的值“fax”");
        assertThat(html).containsPattern("data-testid=\"error-firstResponseMinutes\"[^>]*>必须是整数。");
        assertThat(html).containsPattern("data-testid=\"error-resolutionMinutes\"[^>]*>必须在 1 到 ");
        assertThat(html).containsPattern("data-testid=\"error-warningPercent\"[^>]*>必须在 1 到 99 之间。");
        assertThat(html).containsPattern("data-testid=\"error-calendarId\"[^>]*>请选择此游戏的一个日历。");
        assertThat(html).contains("未知的值“call_the_police”");
        assertThat(policies.policies(game.id())).hasSize(before);

        String calendar = policies.calendars(game.id()).getFirst().id().toString();
        mvc.perform(post("/console/sla/policy").param("game", game.code()).param("name", "钻石玩家充值")
                .param("type", "payment").param("minTier", "diamond").param("firstResponseMinutes", "10")
                .param("warningPercent", "70").param("calendarId", calendar).param("breachActions", "escalate")
                .with(csrf()).with(user(new StaffUser(lead, "")))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "sla.saved"));
        PolicyView added = policies.policies(game.id()).getLast();
        assertThat(added.name()).isEqualTo("钻石玩家充值");
        assertThat(added.minTier()).isEqualTo("diamond");
        assertThat(added.breachActions()).containsExactly(SlaAction.ESCALATE);

        mvc.perform(post("/console/sla/policy/{id}/move", added.id()).param("game", game.code())
                .param("direction", "up").with(csrf()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.policies(game.id()).get(before - 1).id()).isEqualTo(added.id());
    }

    @Test
    void aBadCalendarComesBackWithEveryFieldMarkedAndAUsedOneStays() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        String html = page(post("/console/sla/calendar").param("game", game.code()).param("name", "春节值班")
                .param("timeZone", "Mars/Olympus").param("hours.mon", "9点到18点").param("hours.tue", "18:00-09:00")
                .param("holidays", "2026-13-01 春节").with(csrf()), lead, 400);
        assertThat(html).containsPattern("data-testid=\"error-timeZone\"[^>]*>必须是时区");
        assertThat(html).containsPattern("data-testid=\"error-hours.mon\"[^>]*>营业时间请写成");
        assertThat(html).containsPattern("data-testid=\"error-hours.tue\"[^>]*>“18:00-09:00”不是同一天内从早到晚的时段");
        assertThat(html).containsPattern("data-testid=\"error-holidays\"[^>]*>每行写一个日期");

        mvc.perform(post("/console/sla/calendar").param("game", game.code()).param("name", "国庆值班")
                .param("timeZone", "Asia/Shanghai").param("hours.mon", "09:00-12:00, 13:00-18:00")
                .param("hours.fri", "09:00-18:00").param("holidays", "2026-10-01 国庆节\n2026-10-02")
                .param("workingDates", "2026-10-10 调休").with(csrf()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().is3xxRedirection());
        CalendarView saved = policies.calendars(game.id()).stream().filter(c -> c.name().equals("国庆值班"))
                .findFirst().orElseThrow();
        assertThat(saved.hours()).containsEntry(java.time.DayOfWeek.MONDAY, "09:00-12:00, 13:00-18:00");
        assertThat(saved.holidays()).isEqualTo("2026-10-01 国庆节\n2026-10-02");
        assertThat(policies.calendar(saved.id()).hoursOn(java.time.LocalDate.parse("2026-10-10"))).hasSize(2);

        UUID used = policies.policies(game.id()).getFirst().calendarId();
        mvc.perform(post("/console/sla/calendar/{id}/delete", used).param("game", game.code()).with(csrf())
                .with(user(new StaffUser(lead, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(flash().attribute("problem", "日历 7×24 正被策略使用。"));
        assertThat(policies.calendars(game.id())).extracting(CalendarView::id).contains(used);
    }

    @Test
    void theInboxShowsTimeLeftAndSortsDueFirst() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        UUID web = open(game, "due-web", "consultation", "web");
        UUID chat = open(game, "due-chat", "consultation", "chat");
        TicketView webTicket = tickets.head(web);
        TicketView chatTicket = tickets.head(chat);

        String html = page(get("/console/tickets").param("view", "all").param("game", game.id().toString())
                .param("sort", "due"), lead, 200);
        assertThat(html).contains("即将到期优先", "sla-on_track");
        assertThat(html).containsPattern("剩 [45] 分钟").contains("剩 59 分钟");
        assertThat(html.indexOf("data-ticket-number=\"" + chatTicket.number() + "\""))
                .isLessThan(html.indexOf("data-ticket-number=\"" + webTicket.number() + "\""));
        String oldest = page(get("/console/tickets").param("view", "all").param("game", game.id().toString()), lead,
                200);
        assertThat(oldest.indexOf("data-ticket-number=\"" + webTicket.number() + "\""))
                .isLessThan(oldest.indexOf("data-ticket-number=\"" + chatTicket.number() + "\""));

        String ticketPage = page(get("/console/tickets/{id}", chat), lead, 200);
        assertThat(ticketPage).contains("data-testid=\"sla-panel\"", "data-testid=\"sla-timer-first_response\"",
                "首次响应", "计时中", "策略:在线客服");
    }

    @Test
    void theBellCountsUnreadAndTheListReadsInTheReadersLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        notifications.send(agent.id(), new Notice("sla.warning", "notification.sla.warning.first_response",
                List.of("#12", "10"), "/console/tickets/" + UUID.randomUUID(), null));

        assertThat(page(get("/console/notifications/bell"), agent, 200))
                .containsPattern("data-testid=\"unread-count\"[^>]*>1<");
        String list = page(get("/console/notifications"), agent, 200);
        assertThat(list).contains("工单 #12 首次响应即将超时(剩 10 分钟)");
        String english = mvc.perform(get("/console/notifications").with(user(new StaffUser(agent, "")))
                .locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Ticket #12: first response due in 10 min");

        UUID id = notifications.recent(agent.id(), 1).getFirst().id();
        page(post("/console/notifications/read").param("id", id.toString()), agent, 403);
        assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
        page(post("/console/notifications/read").param("id", id.toString()).with(csrf()), agent, 302);
        assertThat(notifications.unreadCount(agent.id())).isZero();
        assertThat(page(get("/console/notifications/bell"), agent, 200)).doesNotContain("unread-count");
    }
}
