package org.playerdesk.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Penalty ladders climb one rung per violation, partner players take the harsher one, bans go through the approval rules. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class EnforcementAgainstSimulatedGameTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Enforcement enforcement;
    @Autowired
    AccountActions actions;
    @Autowired
    GameBackends backends;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.playerdesk.player.PlayerProfiles profiles;
    @Autowired
    org.playerdesk.player.PlayerDirectory players;

    @Test
    void offensiveNicknameClimbsWarningThenSevenDaysThenPermanentThroughApproval() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);

        ViolationView first = enforcement.record(game.id(), "10006", "offensive_profile", null, "昵称含侮辱词", gm);
        assertThat(first.penalty()).isEqualTo(Penalty.WARNING);
        assertThat(first.actionId()).isNull();
        assertThat(backends.of(game.id()).profile("10006").status()).isEqualTo(AccountStatus.ACTIVE);

        ViolationView second = enforcement.record(game.id(), "10006", "offensive_profile", null, "再次违规", gm);
        assertThat(second.penalty()).isEqualTo(Penalty.BAN);
        assertThat(second.days()).isEqualTo(7);
        assertThat(actions.get(second.actionId()).state()).isEqualTo(ActionState.DONE);
        assertThat(backends.of(game.id()).profile("10006").status()).isEqualTo(AccountStatus.BANNED);

        ViolationView third = enforcement.record(game.id(), "10006", "offensive_profile", null, "第三次", gm);
        assertThat(third.penalty()).isEqualTo(Penalty.PERMANENT_BAN);
        assertThat(actions.get(third.actionId()).state()).isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(actions.approve(third.actionId(), lead, "三次违规").state()).isEqualTo(ActionState.DONE);
        assertThat(backends.of(game.id()).bans("10006").getFirst().permanent()).isTrue();

        ViolationView fourth = enforcement.record(game.id(), "10006", "offensive_profile", null, "又一次", gm);
        assertThat(fourth.step()).isEqualTo(3);
        assertThat(enforcement.history(game.id(), "10006")).extracting(ViolationView::penalty)
                .containsExactly(Penalty.PERMANENT_BAN, Penalty.PERMANENT_BAN, Penalty.BAN, Penalty.WARNING);
        workspace.ticket(game, "10006", "ban_appeal");
        assertThat(profiles.violations(players.find(game.id(), "10006").orElseThrow()))
                .extracting(org.playerdesk.player.Violation::penalty)
                .containsExactly("permanent_ban", "permanent_ban", "ban 7", "warning");
    }

    @Test
    void partnerChannelFarmersAreBannedAtOnceAndRegularOnesWarnedFirst() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L2, game);

        assertThat(enforcement.record(game.id(), "20001", "currency_farming", null, null, gm).penalty())
                .isEqualTo(Penalty.PERMANENT_BAN);
        assertThat(backends.of(game.id()).profile("20001").status()).isEqualTo(AccountStatus.BANNED);
        assertThat(enforcement.record(game.id(), "30001", "currency_farming", null, null, gm).penalty())
                .isEqualTo(Penalty.WARNING);
        assertThat(enforcement.record(game.id(), "20002", "stalling", null, null, gm).penalty()).isEqualTo(Penalty.BAN);
        assertThat(enforcement.record(game.id(), "30002", "stalling", null, null, gm).penalty())
                .isEqualTo(Penalty.WARNING);
        assertThat(enforcement.record(game.id(), "10050", "cheating", null, null, gm).penalty())
                .isEqualTo(Penalty.REVIEW);
    }

    @Test
    void aCheatReportTicketRecordsTheReportedPlayersViolationFromTheTicket() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);
        Opened report = workspace.ticket(game, "10005", "cheat_report");
        StaffUser me = new StaffUser(gm, "");

        String page = mvc.perform(get("/console/tickets/{id}", report.ticket().id()).with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"violation-panel\"");

        mvc.perform(post("/console/gm/violations").param("game", game.id().toString()).param("account", "10050")
                .param("type", "advertising").param("ticketId", report.ticket().id().toString())
                .with(user(me)).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.notice.violation.ban"));
        assertThat(enforcement.history(game.id(), "10050")).singleElement()
                .satisfies(v -> assertThat(v.ticketId()).isEqualTo(report.ticket().id()));

        mvc.perform(post("/console/gm/violations").param("game", game.id().toString()).param("account", "")
                .param("type", "nonsense").with(user(me)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Matchers.allOf(Matchers.containsString("Account"),
                        Matchers.containsString("Violation"))));
    }

    @Test
    void theGmDeskShowsRecordedViolationsInThePlayersHistoryAndTheRecentList() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);
        StaffUser me = new StaffUser(gm, "");

        mvc.perform(post("/console/gm/violations").param("game", game.id().toString()).param("account", "10006")
                .param("type", "offensive_profile").param("note", "昵称含侮辱词").with(user(me)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            String page = mvc.perform(get("/console/gm").param("game", game.id().toString()).param("account", "10006")
                    .locale(locale).with(user(me))).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page.split("data-testid=\"violation\"", -1)).hasSize(3);
            assertThat(page).contains("data-penalty=\"warning\"");
        }
    }

    @Test
    void theGmViewShowsTheFarmingRingSharingOneIpAndDevice() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);

        String page = mvc.perform(get("/console/gm").param("game", game.id().toString()).param("account", "30001")
                .with(user(new StaffUser(gm, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("data-testid=\"linked-group\"", "183.6.*.*", "30008").doesNotContain("183.6.77.20");
        assertThat(enforcement.linkedAccounts(game.id(), "30001", gm)).isNotEmpty();
    }

    @Test
    void ladderEditingRefusesBadRungsAndAnUnknownAccountIsRefused() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);

        assertThatThrownBy(() -> enforcement.define(game.id(), "Bad Code", "", "warning, ban, explode", ""))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).contains("code", "name", "ladder"));
        ViolationTypeView spam = enforcement.define(game.id(), "chat_spam", "刷屏", "warning, ban 1, ban 30", "ban 30");
        assertThat(spam.ladder()).extracting(ViolationTypeView.Rung::text).containsExactly("warning", "ban 1", "ban 30");
        assertThat(enforcement.record(game.id(), "10004", "chat_spam", null, null, gm).penalty())
                .isEqualTo(Penalty.WARNING);
        assertThatThrownBy(() -> enforcement.record(game.id(), "no-such-account", "chat_spam", null, null, gm))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void twoFirstUsesOfAGameAtOnceSeedItsViolationTypesOnce() throws Exception {
        GameInfo game = workspace.game();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> {
                start.await();
                return enforcement.types(game.id()).size();
            });
            var second = pool.submit(() -> {
                start.await();
                return enforcement.types(game.id()).size();
            });
            start.countDown();
            assertThat(first.get()).isEqualTo(6);
            assertThat(second.get()).isEqualTo(6);
        }
    }

    @Test
    void theSimulatedGameAppliesARetriedActionOnce() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String key = UUID.randomUUID().toString();
        long before = backends.of(game.id()).profile("10004").currencyBalance();

        ActionView first = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 500L, null,
                "补偿", key), agent);
        ActionView retried = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 500L, null,
                "补偿", key), agent);
        ActionResult replay = backends.of(game.id()).perform(new GameAction.Compensate(key, "10004", "x", 500, null, 0,
                "补偿"));

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(replay.replayed()).isTrue();
        assertThat(backends.of(game.id()).profile("10004").currencyBalance()).isEqualTo(before + 500);
    }
}
