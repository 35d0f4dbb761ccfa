package org.playerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.Upload;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketPageTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;

    static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    private String page(UUID ticket, StaffMember member, Map<String, Object> flash) throws Exception {
        var request = get("/console/tickets/{id}", ticket).with(as(member)).locale(Locale.ENGLISH);
        if (!flash.isEmpty()) {
            request.flashAttrs(flash);
        }
        return mvc.perform(request)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> actions(UUID ticket) {
        return queries.details(ticket, true).history().stream().map(HistoryEntry::action).toList();
    }

    @Test
    void showsTheConversationThePlayerAndTheHistory() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        workspace.ticket(game, "acc-77", "bug");
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity("acc-77", "<b>Hero</b>", "S9", "Mage"),
                "payment", "web", null, "Coins <missing>", "I paid but got nothing", "hero@example.com",
                Map.of("clientVersion", "2.4.1", "device", "Pixel 8"), false), List.of());
        UUID id = opened.ticket().id();
        desk.note(id, org.playerdesk.ticket.Actor.agent(agent.id(), agent.displayName()), "checked the ledger", List.of());

        String html = page(id, agent, Map.of());
        assertThat(html).contains("data-testid=\"message-body\">I paid but got nothing<",
                        "Coins &lt;missing&gt;", "&lt;b&gt;Hero&lt;/b&gt;", "data-testid=\"player-account\">acc-77<", ">S9<", ">Mage<",
                        "h***@example.com",
                        "clientVersion", "2.4.1", "Pixel 8", "Internal note", "checked the ledger",
                        "opened the ticket", "added an internal note", "#1 测试工单 bug", "Payment / recharge", ">Web<")
                .doesNotContain("<b>Hero</b>", "hero@example.com");
        // only the transitions the state machine allows from new are offered
        assertThat(html).contains("<option value=\"open\">Open</option>")
                .doesNotContain("<option value=\"closed\">Closed</option>");
    }

    @Test
    void aTicketOfAnotherGameDoesNotExistForTheAgent() throws Exception {
        GameInfo mine = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, mine);
        StaffMember otherAgent = workspace.staff(StaffRole.AGENT_L1, other);
        UUID foreign = workspace.ticket(other, "p", "bug").ticket().id();
        desk.reply(foreign, org.playerdesk.ticket.Actor.agent(otherAgent.id(), "x"), "see picture",
                List.of(new Upload("shot.png", PNG)), null);
        AttachmentView picture = queries.details(foreign, true).messages().get(1).attachments().getFirst();

        mvc.perform(get("/console/tickets/{id}", foreign).with(as(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/console/tickets/{t}/attachments/{a}", foreign, picture.id()).with(as(agent)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/tickets/{id}/take", foreign).with(as(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/console/tickets/{id}/reply", foreign).param("body", "hi").with(as(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(queries.details(foreign, true).messages()).hasSize(2);
        assertThat(queries.head(foreign).assigneeId()).isNull();
    }

    @Test
    void replyWithFilesThenWaitsForThePlayerAndAttachmentsAreServedSafely() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();

        mvc.perform(multipart("/console/tickets/{id}/reply", id)
                        .file(new MockMultipartFile("files", "截图.png", "image/png", PNG))
                        .file(new MockMultipartFile("files", "log.txt", "text/plain", "line 1\n".getBytes()))
                        .param("body", "Fixed, please check").param("then", "pending_player")
                        .with(as(agent)).with(csrf()))
                .andExpect(redirectedUrl("/console/tickets/" + id))
                .andExpect(flash().attribute("notice", "ticket.notice.replied"));

        TicketDetails details = queries.details(id, true);
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.PENDING_PLAYER);
        MessageView reply = details.messages().getLast();
        assertThat(reply.body()).isEqualTo("Fixed, please check");
        assertThat(reply.attachments()).hasSize(2);
        assertThat(actions(id)).containsSubsequence("reply", "status", "status");

        AttachmentView image = reply.attachments().get(0);
        mvc.perform(get("/console/tickets/{t}/attachments/{a}", id, image.id()).with(as(agent)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''%E6%88%AA%E5%9B%BE.png")))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/console/tickets/{t}/attachments/{a}", id, reply.attachments().get(1).id()).with(as(agent)))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Type", containsString("text/plain")));

        String html = page(id, agent, Map.of());
        assertThat(html).contains("class=\"attachment-thumb\"", "log.txt", "Waiting for player",
                "changed the status from Open to Waiting for player");
    }

    @Test
    void replyWithAForbiddenFileTypeIsRefusedAndNothingIsWritten() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();
        List<String> before = actions(id);

        MvcResult refused = mvc.perform(multipart("/console/tickets/{id}/reply", id)
                        .file(new MockMultipartFile("files", "cheat.exe", "application/octet-stream", "MZ\0\0binary".getBytes()))
                        .param("body", "Here is a tool").param("then", "pending_player")
                        .with(as(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/console/tickets/" + id))
                .andExpect(flash().attributeExists("errors"))
                .andExpect(flash().attribute("draft", "Here is a tool"))
                .andReturn();

        assertThat(actions(id)).isEqualTo(before);
        assertThat(queries.details(id, true).messages()).hasSize(1);
        assertThat(queries.head(id).status()).isEqualTo(TicketStatus.NEW);
        String html = page(id, agent, refused.getFlashMap());
        assertThat(html).contains("cheat.exe: This kind of file is not accepted", ">Here is a tool</textarea>");
    }

    @Test
    void aReplyWithUnfilledBlanksIsRefusedWithTheDraftKept() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();
        String draft = "您的账号在3月**日由于******被封禁。";

        MvcResult refused = mvc.perform(multipart("/console/tickets/{id}/reply", id).param("body", draft)
                        .with(as(agent)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(redirectedUrl("/console/tickets/" + id))
                .andExpect(flash().attribute("draft", draft)).andReturn();
        assertThat(queries.details(id, true).messages()).hasSize(1);
        assertThat(mvc.perform(get("/console/tickets/{id}", id).with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE)
                .flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString())
                .contains("回复中还有未填写的空白");

        MvcResult english = mvc.perform(multipart("/console/tickets/{id}/reply", id).param("body", "Banned on ** for ****.")
                        .with(as(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/console/tickets/" + id)).andReturn();
        assertThat(mvc.perform(get("/console/tickets/{id}", id).with(as(agent)).locale(Locale.ENGLISH)
                .flashAttrs(english.getFlashMap())).andReturn().getResponse().getContentAsString())
                .contains("The reply still has blanks to fill in");

        mvc.perform(multipart("/console/tickets/{id}/reply", id).param("body", "您的账号在3月2日由于使用外挂被封禁 * 注意")
                        .with(as(agent)).with(csrf()))
                .andExpect(flash().attribute("notice", "ticket.notice.replied"));
        assertThat(queries.details(id, true).messages()).hasSize(2);
    }

    @Test
    void blankRepliesAndTooManyFilesAreShownOnThePage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();

        MvcResult blank = mvc.perform(multipart("/console/tickets/{id}/reply", id).param("body", "   ")
                        .with(as(agent)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(redirectedUrl("/console/tickets/" + id)).andReturn();
        assertThat(mvc.perform(get("/console/tickets/{id}", id).with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE)
                .flashAttrs(blank.getFlashMap())).andReturn().getResponse().getContentAsString()).contains("内容不能为空");

        var many = multipart("/console/tickets/{id}/note", id);
        for (int i = 0; i < 6; i++) {
            many.file(new MockMultipartFile("files", "p" + i + ".png", "image/png", PNG));
        }
        MvcResult tooMany = mvc.perform(many.param("body", "six pictures").with(as(agent)).with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/console/tickets/" + id)).andReturn();
        assertThat(page(id, agent, tooMany.getFlashMap())).contains("At most 5 files per message.");
        assertThat(queries.details(id, true).messages()).hasSize(1);
    }

    @Test
    void everyActionChangesTheTicketAndShowsInTheHistory() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();

        perform(post("/console/tickets/{id}/take", id), agent, "ticket.notice.assigned");
        assertThat(queries.head(id).assigneeId()).isEqualTo(agent.id());
        assertThat(queries.head(id).status()).isEqualTo(TicketStatus.OPEN);

        perform(post("/console/tickets/{id}/priority", id).param("priority", "high"), agent, "ticket.notice.priority");
        perform(post("/console/tickets/{id}/type", id).param("type", "ban_appeal"), agent, "ticket.notice.type");
        perform(post("/console/tickets/{id}/tags", id).param("tag", "VIP"), agent, "ticket.notice.tagged");
        perform(post("/console/tickets/{id}/tags", id).param("tag", "refund"), agent, "ticket.notice.tagged");
        perform(post("/console/tickets/{id}/tags/remove", id).param("tag", "refund"), agent, "ticket.notice.untagged");
        perform(multipart("/console/tickets/{id}/note", id).param("body", "asked finance"), agent, "ticket.notice.noted");
        perform(post("/console/tickets/{id}/status", id).param("status", "pending_internal"), agent, "ticket.notice.status");
        perform(post("/console/tickets/{id}/unassign", id), agent, "ticket.notice.unassigned");

        var ticket = queries.head(id);
        assertThat(ticket.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(ticket.type()).isEqualTo(TicketType.BAN_APPEAL);
        assertThat(ticket.tags()).containsExactly("vip");
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
        assertThat(ticket.assigneeId()).isNull();
        assertThat(queries.details(id, true).messages()).extracting(MessageView::visibility)
                .containsExactly(Visibility.PUBLIC, Visibility.INTERNAL);
        assertThat(actions(id)).containsExactly("created", "reply", "assignee", "status", "priority", "type",
                "tag_added", "tag_added", "tag_removed", "note", "status", "assignee");

        assertThat(page(id, agent, Map.of())).contains("assigned the ticket to " + agent.displayName(),
                "changed the priority from Normal to High", "changed the type from Bug to Ban appeal",
                "added the tag vip", "removed the tag refund", "changed the status from Open to Waiting internally",
                "unassigned the ticket");
    }

    @Test
    void refusedTransitionsAndBadTagsAreExplainedInTheAgentsLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();

        MvcResult refused = mvc.perform(post("/console/tickets/{id}/status", id).param("status", "closed")
                        .with(as(agent)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(redirectedUrl("/console/tickets/" + id))
                .andExpect(flash().attribute("problem", "工单不能从“新建”变为“已关闭”。"))
                .andReturn();
        assertThat(mvc.perform(get("/console/tickets/{id}", id).with(as(agent)).locale(Locale.SIMPLIFIED_CHINESE)
                .flashAttrs(refused.getFlashMap())).andReturn().getResponse().getContentAsString())
                .contains("工单不能从“新建”变为“已关闭”。");

        MvcResult badTag = mvc.perform(post("/console/tickets/{id}/tags", id).param("tag", "no spaces please")
                        .with(as(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(redirectedUrl("/console/tickets/" + id)).andReturn();
        assertThat(page(id, agent, badTag.getFlashMap())).contains("A tag is 1 to 40 letters");
        assertThat(queries.head(id).status()).isEqualTo(TicketStatus.NEW);
        assertThat(queries.head(id).tags()).isEmpty();
        assertThat(actions(id)).containsExactly("created", "reply");
    }

    @Test
    void onlyThoseWhoMayAssignOthersCanHandTicketsAround() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();

        assertThat(page(id, agent, Map.of())).doesNotContain("data-testid=\"assign-select\"");
        mvc.perform(post("/console/tickets/{id}/assign", id).param("assignee", colleague.id().toString())
                .with(as(agent)).with(csrf())).andExpect(status().isForbidden());
        assertThat(queries.head(id).assigneeId()).isNull();

        assertThat(page(id, lead, Map.of())).contains("data-testid=\"assign-select\"", colleague.displayName());
        mvc.perform(post("/console/tickets/{id}/assign", id).param("assignee", outsider.id().toString())
                .with(as(lead)).with(csrf())).andExpect(flash().attributeExists("errors"));
        assertThat(queries.head(id).assigneeId()).isNull();
        perform(post("/console/tickets/{id}/assign", id).param("assignee", colleague.id().toString()), lead,
                "ticket.notice.assigned");
        assertThat(queries.head(id).assigneeId()).isEqualTo(colleague.id());

        // someone else's ticket can be taken or released only by those who assign others
        mvc.perform(post("/console/tickets/{id}/take", id).with(as(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/tickets/{id}/unassign", id).with(as(agent)).with(csrf())).andExpect(status().isForbidden());
        assertThat(queries.head(id).assigneeId()).isEqualTo(colleague.id());
    }

    @Test
    void actionsNeedTheCsrfToken() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        UUID id = workspace.ticket(game, "p", "bug").ticket().id();
        mvc.perform(post("/console/tickets/{id}/take", id).with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(multipart("/console/tickets/{id}/reply", id).param("body", "hi").with(as(agent)))
                .andExpect(status().isForbidden());
        assertThat(actions(id)).containsExactly("created", "reply");
    }

    private void perform(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request,
            StaffMember member, String notice) throws Exception {
        mvc.perform(request.with(as(member)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", notice));
    }

}
