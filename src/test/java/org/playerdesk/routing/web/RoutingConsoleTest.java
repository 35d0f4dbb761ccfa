package org.playerdesk.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.Escalations;
import org.playerdesk.routing.QueueView;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.routing.RoutingStrategy;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The routing pages for leads, "Next" in the inbox and the escalation panel on the ticket page. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class RoutingConsoleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    RoutingSetup setup;
    @Autowired
    Escalations escalations;
    @Autowired
    TicketQueries tickets;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    @Test
    void firstLineAgentsCannotOpenOrEditQueuesAndLeadsOnlyForTheirGames() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember otherLead = workspace.staff(StaffRole.SUPERVISOR, other);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);

        mvc.perform(get("/console/routing").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/routing/agents").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/routing/queues").with(as(agent)).with(csrf()).param("game", game.id().toString())
                .param("name", "偷偷加的队列").param("position", "1").param("strategy", "round_robin"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/routing/queues").with(as(otherLead)).with(csrf())
                .param("game", game.id().toString()).param("name", "别的游戏").param("position", "1")
                .param("strategy", "round_robin")).andExpect(status().isForbidden());
        mvc.perform(post("/console/routing/path").with(as(lead)).with(csrf()).param("game", game.id().toString())
                .param("levels", "first_line, supervisor")).andExpect(status().isForbidden());
        mvc.perform(post("/console/routing/agents/{id}", agent.id()).with(as(agent)).with(csrf())
                .param("game", game.id().toString()).param("capacity", "99").param("timeZone", "Asia/Shanghai"))
                .andExpect(status().isForbidden());
        assertThat(setup.queues(game.id())).isEmpty();
        assertThat(escalations.pathOf(game.id())).hasSize(3);
    }

    @Test
    void aLeadDefinesAQueueAndSeesBadInputExplainedOnThePage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        mvc.perform(post("/console/routing/queues").with(as(lead)).with(csrf()).param("game", game.id().toString())
                .param("name", "").param("position", "x").param("strategy", "fastest"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("必须是整数。")));
        mvc.perform(post("/console/routing/queues").with(as(lead)).with(csrf()).param("game", game.id().toString())
                .param("name", "").param("position", "1").param("strategy", "fastest").param("language", "chinese"))
                .andExpect(flash().attribute("problem", containsString("fastest")));
        assertThat(setup.queues(game.id())).isEmpty();

        mvc.perform(post("/console/routing/queues").with(as(lead)).with(csrf()).param("game", game.id().toString())
                .param("name", "充值问题").param("position", "1").param("strategy", "least_loaded")
                .param("vipFirst", "true").param("type", "payment").param("language", "zh")
                .param("members", agent.id().toString()))
                .andExpect(redirectedUrl("/console/routing?game=" + game.id()))
                .andExpect(flash().attribute("notice", "routing.notice.queueSaved"));
        QueueView saved = setup.queues(game.id()).getFirst();
        assertThat(saved.strategy()).isEqualTo(RoutingStrategy.LEAST_LOADED);
        assertThat(saved.members()).containsExactly(agent.id());
        assertThat(saved.language()).isEqualTo("zh");

        mvc.perform(get("/console/routing").param("game", game.id().toString()).with(as(lead)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("充值问题")))
                .andExpect(content().string(containsString("最少负载优先")));
        mvc.perform(get("/console/routing/agents").param("game", game.id().toString()).with(as(lead))
                .locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Agents&#39; skills and shifts")));
        mvc.perform(post("/console/routing/agents/{id}", agent.id()).with(as(lead)).with(csrf())
                .param("game", game.id().toString()).param("capacity", "-1").param("timeZone", "Mars/Base")
                .param("weeklyShifts", "mon-fri 08:00-16:00"))
                .andExpect(flash().attribute("problem", containsString("时区：必须是时区")));
        mvc.perform(post("/console/routing/agents/{id}", agent.id()).with(as(lead)).with(csrf())
                .param("game", game.id().toString()).param("capacity", "6").param("timeZone", "Asia/Shanghai")
                .param("languages", "zh, en").param("weeklyShifts", "mon-fri 08:00-16:00; sat 22:00-06:00"))
                .andExpect(flash().attribute("notice", "routing.notice.agentSaved"));
        assertThat(setup.skills(agent.id()).capacity()).isEqualTo(6);
        assertThat(setup.skills(agent.id()).weeklyShifts()).startsWith("mon 08:00-16:00");
    }

    @Test
    void nextOpensTheTakenTicketOrSaysNothingIsWaiting() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        mvc.perform(post("/console/tickets/next").with(as(agent)).with(csrf()))
                .andExpect(redirectedUrl("/console/tickets"))
                .andExpect(flash().attribute("notice", "routing.next.none"));
        UUID id = workspace.ticket(game, "web-next", "bug").ticket().id();
        mvc.perform(post("/console/tickets/next").with(as(agent)).with(csrf()))
                .andExpect(redirectedUrl("/console/tickets/" + id));
        assertThat(tickets.head(id).assigneeId()).isEqualTo(agent.id());
        mvc.perform(get("/console/tickets").with(as(agent))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"next-ticket\"")));
    }

    @Test
    void theTicketPageEscalatesWithAReasonAndRefusesAtTheTop() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        UUID id = workspace.ticket(game, "web-esc", "account_stolen").ticket().id();

        mvc.perform(get("/console/tickets/{id}", id).with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"escalation-panel\"")))
                .andExpect(content().string(containsString("上报原因")));
        mvc.perform(post("/console/tickets/{id}/escalate", id).with(as(stranger)).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/tickets/{id}/escalate", id).with(as(agent)).with(csrf()).param("reason", " ")
                .locale(Locale.ENGLISH)).andExpect(flash().attribute("problem", containsString("Reason")));
        mvc.perform(post("/console/tickets/{id}/escalate", id).with(as(agent)).with(csrf()).param("reason", "需要二线查询"))
                .andExpect(redirectedUrl("/console/tickets/" + id))
                .andExpect(flash().attribute("notice", "routing.notice.escalated"));
        escalations.escalate(id, "需要主管", Actor.agent(agent.id(), "一线"));
        mvc.perform(post("/console/tickets/{id}/escalate", id).with(as(agent)).with(csrf()).param("reason", "再上报")
                .locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", containsString("top of its escalation path")));
        mvc.perform(post("/console/tickets/{id}/hand-back", id).with(as(agent)).with(csrf()).param("reason", "退回"))
                .andExpect(status().isForbidden());
    }
}
