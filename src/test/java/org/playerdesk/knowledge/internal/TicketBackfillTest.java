package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Older tickets get their search documents by a resumable, repeatable walk; concurrent indexing stays quiet. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
@ExtendWith(OutputCaptureExtension.class)
class TicketBackfillTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketFinder finder;
    @Autowired
    TicketBackfill backfill;
    @Autowired
    TicketDocumentRepository documents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void backfillBuildsMissingDocumentsResumesWhereItStoppedAndRepeatsHarmlessly() {
        GameInfo game = workspace.game();
        Opened old = open(game, "很久以前的工单", "翡翠坐骑消失了");
        UUID id = old.ticket().id();
        await().atMost(Duration.ofSeconds(30)).until(() -> documents.existsById(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> !backfill.progress().running());
        // as if the ticket had been created before the ticket index existed
        transactions.executeWithoutResult(s -> documents.deleteById(id));
        assertThat(finder.find(Set.of(game.id()), "翡翠坐骑", 10)).isEmpty();

        // a walk that had already passed this ticket resumes after it, and does not go back
        jdbc.update("update kb_ticket_backfill set after_ticket_id = ?, finished_at = null where id = 1", id);
        backfill.run();
        assertThat(documents.existsById(id)).isFalse();
        assertThat(backfill.progress().finished()).isTrue();

        // from the start, it builds the missing one and leaves the others alone
        jdbc.update("update kb_ticket_backfill set after_ticket_id = null, indexed = 0, finished_at = null where id = 1");
        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);
        assertThat(documents.existsById(id)).isTrue();
        assertThat(finder.find(Set.of(game.id()), "翡翠坐骑", 10)).extracting(h -> h.ticketId()).containsExactly(id);
        long versionAfterFirst = jdbc.queryForObject("select version from kb_ticket_document where ticket_id = ?",
                Long.class, id);

        jdbc.update("update kb_ticket_backfill set after_ticket_id = null, finished_at = null where id = 1");
        backfill.run();
        assertThat(jdbc.queryForObject("select version from kb_ticket_document where ticket_id = ?", Long.class, id))
                .as("a document that exists is not rebuilt").isEqualTo(versionAfterFirst);
    }

    @Test
    void onlyAdministratorsRestartTheBackfill() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");
        mvc.perform(post("/console/knowledge/tickets/backfill").with(csrf()).with(user(agent)))
                .andExpect(status().isForbidden());
        String page = mvc.perform(get("/console/knowledge/tickets").with(user(agent))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("kb-backfill");
        mvc.perform(post("/console/knowledge/tickets/backfill").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection());
        // it walks every ticket of the database the whole suite shares (tens of thousands late in a run)
        await().atMost(Duration.ofMinutes(5)).until(() -> backfill.progress().finished());
        assertThat(mvc.perform(get("/console/knowledge/tickets").with(user(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("data-testid=\"kb-backfill\"");
    }

    @Test
    void aNewTicketsTwoEventsBuildOneDocumentWithoutADuplicateKeyError(CapturedOutput output) {
        GameInfo game = workspace.game();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(open(game, "并发索引 " + i, "第一条消息 " + i).ticket().id());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> documents.findAllById(ids).size() == ids.size());
        assertThat(output.getAll()).doesNotContainIgnoringCase("kb_ticket_document_pkey")
                .doesNotContain("SqlExceptionHelper");
    }

    private Opened open(GameInfo game, String subject, String body) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity("acc-" + UUID.randomUUID(), "玩家", "S1", null),
                "other", "web", null, subject, body, null, Map.of(), false), List.of());
    }
}
