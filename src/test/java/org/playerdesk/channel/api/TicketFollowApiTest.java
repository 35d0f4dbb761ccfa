package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.channel.api.GameApiCalls.Stored;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Reading tickets back, players' follow-ups, and one game never seeing another's tickets. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketFollowApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    JdbcTemplate jdbc;

    GameInfo game;
    GameApiCalls api;
    Actor agent;

    @BeforeEach
    void freshGame() {
        game = workspace.game();
        api = new GameApiCalls(mvc, workspace.apiKey(game));
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        agent = Actor.agent(member.id(), member.displayName());
    }

    @Test
    void showsThePublicConversationButNeverInternalNotes() throws Exception {
        UUID id = api.opened("p1", "payment");
        desk.note(id, agent, "内部备注：疑似重复充值，先查账", List.of());
        desk.reply(id, agent, "您好，已为您补发钻石。", List.of(), null);

        String answer = api.ticket(id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.messages[*].authorKind", contains("player", "agent")))
                .andExpect(jsonPath("$.messages[1].body").value("您好，已为您补发钻石。"))
                .andExpect(jsonPath("$.messages[1].authorName").value(agent.name()))
                .andExpect(jsonPath("$.history").doesNotExist())
                .andExpect(jsonPath("$.assigneeId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain("内部备注");
    }

    @Test
    void playerFollowUpReopensAResolvedTicket() throws Exception {
        UUID id = api.opened("p1", "payment");
        desk.reply(id, agent, "已处理，请查收。", List.of(), TicketStatus.RESOLVED);
        api.ticket(id).andExpect(jsonPath("$.status").value("resolved"));

        api.followUp(id, """
                {"message": "还是没有到账。"}
                """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.authorKind").value("player"))
                .andExpect(jsonPath("$.authorName").value("风之子"))
                .andExpect(jsonPath("$.body").value("还是没有到账。"));

        api.ticket(id)
                .andExpect(jsonPath("$.status").value("open"))
                .andExpect(jsonPath("$.messages[*].authorKind", contains("player", "agent", "player")));
    }

    @Test
    void closedTicketRefusesFollowUps() throws Exception {
        UUID id = api.opened("p1", "bug");
        desk.changeStatus(id, TicketStatus.RESOLVED, agent);
        desk.changeStatus(id, TicketStatus.CLOSED, agent);

        api.followUp(id, """
                {"message": "hello?"}
                """)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ticket.closed"));
        assertThat(Stored.in(jdbc, game).messages()).isEqualTo(1);
    }

    @Test
    void followUpNamesBadFields() throws Exception {
        UUID id = api.opened("p1", "bug");
        api.followUp(id, "{\"message\": \"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        api.followUp(id, "{\"message\": \"hi\", \"attachments\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attachments"));
        api.followUp(id, "{\"message\": 5.5e3000}")
                .andExpect(status().isBadRequest());
        assertThat(Stored.in(jdbc, game).messages()).isEqualTo(1);
    }

    @Test
    void aGameNeverSeesAnotherGamesTickets() throws Exception {
        GameInfo other = workspace.game();
        GameApiCalls otherApi = new GameApiCalls(mvc, workspace.apiKey(other));
        UUID mine = api.opened("p1", "bug");
        UUID theirs = otherApi.opened("p1", "bug");

        otherApi.ticket(mine).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.ticket(theirs).andExpect(status().isNotFound());
        otherApi.followUp(mine, "{\"message\": \"hi\"}").andExpect(status().isNotFound());
        api.followUp(theirs, "{\"message\": \"hi\"}").andExpect(status().isNotFound());
        // the same answer as for a ticket that does not exist at all
        api.ticket(UUID.randomUUID()).andExpect(status().isNotFound());
        assertThat(Stored.in(jdbc, game).messages()).isEqualTo(1);
        assertThat(Stored.in(jdbc, other).messages()).isEqualTo(1);
        otherApi.playerTickets("p1", "").andExpect(jsonPath("$.items[*].id", contains(theirs.toString())));
        api.playerTickets("p1", "").andExpect(jsonPath("$.items[*].id", contains(mine.toString())));
    }

    @Test
    void malformedTicketIdIsABadRequest() throws Exception {
        api.ticket("not-a-uuid")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        api.followUp("1234", "{\"message\": \"hi\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void listsAPlayersTicketsNewestFirstPageByPage() throws Exception {
        UUID first = api.opened("p1", "bug");
        UUID second = api.opened("p1", "payment");
        UUID third = api.opened("p1", "complaint");
        api.opened("someone-else", "bug");

        api.playerTickets("p1", "?size=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(third.toString(), second.toString())))
                .andExpect(jsonPath("$.items[0].player.accountId").value("p1"))
                .andExpect(jsonPath("$.items[0].messages").doesNotExist())
                .andExpect(jsonPath("$.hasNext").value(true));
        api.playerTickets("p1", "?size=2&page=1")
                .andExpect(jsonPath("$.items[*].id", contains(first.toString())))
                .andExpect(jsonPath("$.hasNext").value(false));
        api.playerTickets("never-seen", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void refusesBadPaging() throws Exception {
        api.playerTickets("p1", "?size=101").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        api.playerTickets("p1", "?size=0").andExpect(status().isBadRequest());
        api.playerTickets("p1", "?page=-1").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        api.playerTickets("p1", "?page=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        api.playerTickets("x".repeat(65), "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
    }

    @Test
    void ticketAnswersCarryNoSupportInternals() throws Exception {
        UUID id = api.opened("p1", "bug");
        api.ticket(id).andExpect(content().string(not(containsString("assignee"))))
                .andExpect(content().string(not(containsString("contactEmail"))));
    }
}
