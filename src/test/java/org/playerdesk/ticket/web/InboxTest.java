package org.playerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class InboxTest {

    private static final Pattern ROW = Pattern.compile("data-testid=\"ticket-row\"\\s+data-ticket-number=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    /** The ticket numbers the inbox shows, in order. */
    List<Long> rows(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request.locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        List<Long> numbers = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            numbers.add(Long.parseLong(row.group(1)));
        }
        return numbers;
    }

    @Test
    void agentsStartWithTheirOwnActiveTicketsOldestFirst() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(agent.id(), agent.displayName());
        UUID first = workspace.ticket(game, "p1", "bug").ticket().id();
        workspace.ticket(game, "p2", "bug");
        UUID third = workspace.ticket(game, "p3", "bug").ticket().id();
        UUID done = workspace.ticket(game, "p4", "bug").ticket().id();
        desk.assign(third, agent.id(), actor);
        desk.assign(first, agent.id(), actor);
        desk.assign(done, agent.id(), actor);
        desk.changeStatus(done, TicketStatus.RESOLVED, actor);

        assertThat(rows(get("/console/tickets").with(as(agent)))).containsExactly(1L, 3L);
        assertThat(rows(get("/console/tickets").param("view", "unassigned").with(as(agent)))).containsExactly(2L);
        assertThat(rows(get("/console/tickets").param("view", "all").with(as(agent)))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("sort", "newest").with(as(agent))))
                .containsExactly(4L, 3L, 2L, 1L);
        assertThat(rows(get("/console/tickets").param("view", "mine").param("status", "resolved").with(as(agent))))
                .containsExactly(4L);
    }

    @Test
    void staffSeeOnlyTheGamesTheyServe() throws Exception {
        GameInfo mine = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, mine);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, mine);
        workspace.ticket(mine, "shared-account", "bug");
        Opened foreign = workspace.ticket(other, "shared-account", "bug");
        workspace.ticket(other, "x2", "bug");

        assertThat(rows(get("/console/tickets").param("view", "all").with(as(agent)))).containsExactly(1L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", other.id().toString())
                .with(as(agent)))).isEmpty();
        assertThat(rows(get("/console/tickets").param("q", "shared-account").with(as(lead)))).containsExactly(1L);

        String page = mvc.perform(get("/console/tickets").with(as(lead))).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(foreign.ticket().id().toString());
    }

    @Test
    void filtersNarrowTheViewAndStayInTheUrl() throws Exception {
        GameInfo game = workspace.game();
        GameInfo second = workspace.game();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Actor actor = Actor.agent(admin.id(), admin.displayName());
        UUID bug = workspace.ticket(game, "a", "bug").ticket().id();
        UUID payment = workspace.ticket(game, "b", "payment").ticket().id();
        workspace.ticket(game, "c", "complaint");
        workspace.ticket(second, "d", "payment");
        desk.prioritize(payment, TicketPriority.URGENT, actor);
        desk.assign(bug, agent.id(), actor);

        String g = game.id().toString();
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("type", "payment")
                .with(as(admin)))).containsExactly(2L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("priority", "urgent")
                .with(as(admin)))).containsExactly(2L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("status", "open")
                .with(as(admin)))).containsExactly(1L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("channel", "in_game")
                .param("sort", "priority").with(as(admin)))).containsExactly(2L, 1L, 3L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("channel", "email")
                .with(as(admin)))).isEmpty();
        assertThat(rows(get("/console/tickets").param("view", "all").param("assignee", agent.id().toString())
                .with(as(admin)))).containsExactly(1L);
        assertThat(rows(get("/console/tickets").param("view", "all").param("game", g).param("type", "nonsense")
                .param("page", "x").with(as(admin)))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void searchFindsTicketNumbersPlayerAccountsAndSubjectWords() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        workspace.ticket(game, "hero-001", "bug");
        workspace.ticket(game, "hero-002", "payment");
        workspace.ticket(game, "hero-001", "complaint");

        assertThat(rows(get("/console/tickets").param("q", "#2").with(as(lead)))).containsExactly(2L);
        assertThat(rows(get("/console/tickets").param("q", "3").with(as(lead)))).containsExactly(3L);
        assertThat(rows(get("/console/tickets").param("q", "hero-001").with(as(lead)))).containsExactly(1L, 3L);
        assertThat(rows(get("/console/tickets").param("q", "PAYMENT").with(as(lead)))).containsExactly(2L);
        assertThat(rows(get("/console/tickets").param("q", "hero-00").with(as(lead)))).isEmpty();
    }

    @Test
    void pagesGoForwardAndBackKeepingTheFilters() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        for (int i = 0; i < InboxQuery.PAGE_SIZE + 2; i++) {
            workspace.ticket(game, "p" + i, "bug");
        }

        MockHttpServletRequestBuilder first = get("/console/tickets").param("type", "bug").with(as(lead));
        assertThat(rows(first)).hasSize(InboxQuery.PAGE_SIZE).startsWith(1L);
        String html = mvc.perform(get("/console/tickets").param("type", "bug").with(as(lead)))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"/console/tickets?view=all&amp;type=bug&amp;page=1\"")
                .doesNotContain("data-testid=\"page-previous\"");

        assertThat(rows(get("/console/tickets").param("type", "bug").param("page", "1").with(as(lead))))
                .containsExactly(26L, 27L);
        String second = mvc.perform(get("/console/tickets").param("type", "bug").param("page", "1").with(as(lead)))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("data-testid=\"page-previous\"").doesNotContain("data-testid=\"page-next\"");
    }

    @Test
    void htmxGetsOnlyTheTableAndTheDashboardShowsToday() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        workspace.ticket(game, "p", "bug");

        String table = mvc.perform(get("/console/tickets").header("HX-Request", "true").with(as(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(table).contains("data-testid=\"ticket-row\"").doesNotContain("<html", "today-strip");

        String page = mvc.perform(get("/console/tickets").with(as(lead)).locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"today-created\"", "今日新工单", "玩家p", "测试工单 bug");
    }
}
