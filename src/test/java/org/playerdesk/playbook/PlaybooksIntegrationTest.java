package org.playerdesk.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.RecordingBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Procedures: shipped defaults per game language, suggested by type, run as a checklist, ending in a notice. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestWorkspace.class, RecordingBackends.Config.class})
class PlaybooksIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Playbooks playbooks;
    @Autowired
    TicketQueries tickets;
    @Autowired
    GameCatalog games;
    @Autowired
    MockMvc mvc;

    @Test
    void aGameGetsTheFiveShippedProceduresInItsLanguage() {
        GameInfo chinese = workspace.game();
        GameInfo english = games.register(TestWorkspace.unique("en"), "Test Game", "en");

        assertThat(playbooks.of(chinese.id())).extracting(PlaybookView::code)
                .containsExactlyInAnyOrder("ban_appeal", "lost_currency", "stolen_account", "game_bug", "prize_redemption",
                        "scammed_currency");
        assertThat(playbooks.suggestedFor(chinese.id(), TicketType.ACCOUNT_STOLEN)).get()
                .extracting(PlaybookView::title).isEqualTo("盗号");
        assertThat(playbooks.suggestedFor(english.id(), TicketType.ACCOUNT_STOLEN)).get()
                .extracting(PlaybookView::title).isEqualTo("Stolen account");
        assertThat(playbooks.of(english.id())).hasSize(6);
    }

    @Test
    void twoFirstViewsOfAGameAtOnceSeedItsProceduresOnce() throws Exception {
        GameInfo game = workspace.game();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                start.await();
                return playbooks.of(game.id()).size();
            });
            var second = pool.submit(() -> {
                start.await();
                return playbooks.of(game.id()).size();
            });
            start.countDown();
            assertThat(first.get()).isEqualTo(6);
            assertThat(second.get()).isEqualTo(6);
        }
        assertThat(playbooks.of(game.id())).hasSize(6);
    }

    @Test
    void runsAsAChecklistAndEndsWithTheTemplatedNoticeToThePlayer() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "pb-bug", "bug");
        PlaybookView bug = playbooks.suggestedFor(game.id(), TicketType.BUG).orElseThrow();

        RunView run = playbooks.start(opened.ticket().id(), bug.id(), agent);
        assertThat(playbooks.start(opened.ticket().id(), bug.id(), agent).id()).isEqualTo(run.id());
        assertThatThrownBy(() -> playbooks.finish(opened.ticket().id(), "已修复", agent))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> playbooks.completeStep(opened.ticket().id(), bug.steps().getFirst().id(), " ", agent))
                .isInstanceOf(InvalidInput.class);
        for (PlaybookView.Step step : bug.steps()) {
            run = playbooks.completeStep(opened.ticket().id(), step.id(), "完成:" + step.title(), agent);
        }
        assertThat(run.current()).isNull();
        assertThatThrownBy(() -> playbooks.completeStep(opened.ticket().id(), bug.steps().getFirst().id(), "again",
                agent)).isInstanceOf(RuleViolation.class);

        RunView done = playbooks.finish(opened.ticket().id(), "已在今天的维护中修复", agent);

        assertThat(done.finished()).isTrue();
        List<MessageView> publicMessages = tickets.details(opened.ticket().id(), false).messages();
        assertThat(publicMessages).last().satisfies(m -> {
            assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(m.body()).contains("玩家pb-bug", "#" + opened.ticket().number(), "已在今天的维护中修复");
        });
        assertThat(tickets.details(opened.ticket().id(), true).history()).filteredOn(h -> h.action().equals("recorded"))
                .hasSize(bug.steps().size() + 2).last().satisfies(h -> assertThat(h.newValue())
                        .contains("游戏内邮件", "游戏BUG"));
        assertThatThrownBy(() -> playbooks.finish(opened.ticket().id(), "x", agent)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void theTicketPageSuggestsTheProcedureAndShowsTheStolenAccountLoginsWithNewRegionsMarked() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "pb-stolen", "account_stolen");
        StaffUser me = new StaffUser(agent, "");

        String before = page(opened, me);
        assertThat(before).contains("data-testid=\"playbook-start\"", "建议流程:盗号");

        PlaybookView stolen = playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_STOLEN).orElseThrow();
        mvc.perform(post("/console/tickets/{id}/playbook/start", opened.ticket().id()).param("playbookId",
                stolen.id().toString()).with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
        playbooks.completeStep(opened.ticket().id(), stolen.steps().getFirst().id(), "昨晚 23 点被盗", agent);

        String during = page(opened, me);
        assertThat(during).contains("data-testid=\"step-logins\"", "data-suspicious=\"true\"", "203.0.*.*").doesNotContain("203.0.113.9");
        mvc.perform(post("/console/tickets/{id}/playbook/reported-at", opened.ticket().id()).param("reportedAt", "soon")
                .with(user(me)).with(csrf()).locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", org.hamcrest.Matchers.containsString("Reported time")));
    }

    @Test
    void administratorsEditTheStepsAndOthersMayNot() throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L2, game), "");
        PlaybookView lost = playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_OTHER).orElseThrow();
        PlaybookView.Step first = lost.steps().getFirst();

        mvc.perform(get("/console/admin/playbooks/{id}", lost.id()).with(user(admin))).andExpect(status().isOk());
        mvc.perform(get("/console/admin/playbooks/{id}", lost.id()).with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/playbooks/{id}/steps", lost.id()).param("title", "回访确认")
                .param("data", "ledger").param("action", "compensate").param("windowHours", "12")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/admin/playbooks/{id}/steps/{step}", lost.id(), first.id()).param("op", "down")
                .with(user(admin)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/admin/playbooks/{id}/steps", lost.id()).param("title", "x")
                .param("windowHours", "forever").param("data", "tea").with(user(admin)).with(csrf())
                .locale(Locale.ENGLISH)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attribute("problem", org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("Hours around the reported time"),
                                org.hamcrest.Matchers.containsString("Game data shown"))));

        PlaybookView edited = playbooks.get(lost.id());
        assertThat(edited.steps()).hasSize(lost.steps().size() + 1);
        assertThat(edited.steps().get(1).id()).isEqualTo(first.id());
        assertThat(edited.steps().getLast()).satisfies(s -> {
            assertThat(s.title()).isEqualTo("回访确认");
            assertThat(s.windowHours()).isEqualTo(12);
        });
        // the game's procedures as the ticket page reads them (kept in memory) follow every edit at once
        assertThat(playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_OTHER)).contains(edited);
        playbooks.removeStep(lost.id(), first.id());
        assertThat(playbooks.get(lost.id()).steps()).extracting(PlaybookView.Step::position)
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_OTHER)).contains(playbooks.get(lost.id()));
        PlaybookView.Step last = playbooks.get(lost.id()).steps().getLast();
        playbooks.changeStep(lost.id(), last.id(), new Playbooks.StepInput("回访并确认到账", null, null, null, null));
        assertThat(playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_OTHER).orElseThrow().steps().getLast().title())
                .as("a step changed alone").isEqualTo("回访并确认到账");
    }

    @Test
    void aStepAndADescriptionWithEverythingWrongAreRefusedFieldByFieldInTheFormsOrder() {
        GameInfo game = workspace.game();
        PlaybookView bug = playbooks.suggestedFor(game.id(), TicketType.BUG).orElseThrow();

        assertThatThrownBy(() -> playbooks.addStep(bug.id(), new Playbooks.StepInput("t".repeat(201), "说明\u0001",
                "tea", "smite", "0"))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key).containsExactly(
                                tuple("title", "invalid.tooLong"),
                                tuple("instructions", "invalid.control"),
                                tuple("data", "invalid.unknownCode"),
                                tuple("action", "invalid.unknownCode"),
                                tuple("windowHours", "invalid.range.between")));
        assertThatThrownBy(() -> playbooks.addStep(bug.id(), new Playbooks.StepInput(" ", null, null, null,
                "forever"))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("title", "invalid.blank"),
                        new InvalidInput.FieldError("windowHours", "invalid.wholeNumber")));
        assertThatThrownBy(() -> playbooks.addStep(bug.id(), new Playbooks.StepInput("t", null, null, null, "721")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("windowHours", "invalid.range.between", 720L, 1L)));
        assertThatThrownBy(() -> playbooks.describe(bug.id(), "riddle", "", "告示".repeat(1001)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key).containsExactly(
                                tuple("ticketType", "invalid.unknownCode"),
                                tuple("title", "invalid.blank"),
                                tuple("notice", "invalid.tooLong")));

        PlaybookView described = playbooks.describe(bug.id(), " ", "  游戏BUG  ", "\n{nickname}，已修复。\n");
        assertThat(described.ticketType()).isNull();
        assertThat(described.title()).isEqualTo("游戏BUG");
        assertThat(described.notice()).isEqualTo("{nickname}，已修复。");
    }

    private String page(Opened opened, StaffUser me) throws Exception {
        return mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(me)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
