package org.playerdesk.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionRequest;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.ActionView;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each shipped procedure end to end against the simulated game's scenario accounts: the step data
 * the agent sees, the actions through the approval rules, the notice the player receives.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PlaybooksAgainstSimulatedGameTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Playbooks playbooks;
    @Autowired
    AccountActions actions;
    @Autowired
    GameBackends backends;
    @Autowired
    TicketQueries tickets;
    @Autowired
    MockMvc mvc;

    @Test
    void stolenAccountShowsTheIntrusionFreezesAndRestoresTheDrainedCurrencyThroughApproval() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Opened opened = workspace.ticket(game, "10001", "account_stolen");
        GameBackend backend = backends.of(game.id());
        PlaybookView stolen = playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_STOLEN).orElseThrow();
        List<PlaybookView.Step> steps = stolen.steps();

        playbooks.start(opened.ticket().id(), stolen.id(), agent);
        playbooks.completeStep(opened.ticket().id(), steps.get(0).id(), "昨晚被盗", agent);
        String logins = page(opened, agent);
        assertThat(logins).contains("data-testid=\"step-logins\"", "新疆乌鲁木齐", "data-suspicious=\"true\"");
        playbooks.completeStep(opened.ticket().id(), steps.get(1).id(), "新疆新设备登录,非本人", agent);

        Instant reported = backend.ledger("10001", null, null).stream().filter(e -> "交易".equals(e.reason()))
                .map(LedgerEntry::at).findFirst().orElseThrow();
        playbooks.reportedAt(opened.ticket().id(), reported, agent);
        long drained = -backend.ledger("10001", null, null).stream().filter(e -> "10666".equals(e.counterparty()))
                .mapToLong(LedgerEntry::amount).sum();
        assertThat(page(opened, agent)).contains("data-testid=\"step-ledger\"", "10666");
        playbooks.completeStep(opened.ticket().id(), steps.get(2).id(), "被转走 " + drained, agent);

        ActionView freeze = actions.request(new ActionRequest(game.id(), opened.ticket().id(), "10001", "freeze", null,
                null, "盗号冻结", null), agent);
        assertThat(freeze.state()).isEqualTo(ActionState.DONE);
        assertThat(backend.profile("10001").status()).isEqualTo(AccountStatus.FROZEN);
        playbooks.completeStep(opened.ticket().id(), steps.get(3).id(), "已冻结", agent);

        long before = backend.profile("10001").currencyBalance();
        ActionView restore = actions.request(new ActionRequest(game.id(), opened.ticket().id(), "10001", "compensate",
                drained, null, "追回被盗金币", null), agent);
        assertThat(drained).isGreaterThan(1000);
        assertThat(restore.state()).isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(backend.profile("10001").currencyBalance()).isEqualTo(before);
        assertThat(actions.approve(restore.id(), lead, "核实无误").state()).isEqualTo(ActionState.DONE);
        assertThat(backend.profile("10001").currencyBalance()).isEqualTo(before + drained);
        playbooks.completeStep(opened.ticket().id(), steps.get(4).id(), "已恢复 " + drained, agent);

        playbooks.finish(opened.ticket().id(), "账号已冻结保护,被盗的 " + drained + " 金币已恢复", agent);
        assertThat(lastPublic(opened).body()).contains("夜雨听风", "#" + opened.ticket().number(), String.valueOf(drained));
    }

    @Test
    void banAppealLiftsAMinorBanOfARegularPlayer() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "10002", "ban_appeal");
        PlaybookView appeal = playbooks.suggestedFor(game.id(), TicketType.BAN_APPEAL).orElseThrow();
        assertThat(backends.of(game.id()).profile("10002").status()).isEqualTo(AccountStatus.BANNED);

        runAll(opened, appeal, agent);
        ActionView unban = actions.request(new ActionRequest(game.id(), opened.ticket().id(), "10002", "unban", null,
                null, "初犯,情节较轻", null), agent);

        assertThat(unban.state()).isEqualTo(ActionState.DONE);
        assertThat(backends.of(game.id()).profile("10002").status()).isEqualTo(AccountStatus.ACTIVE);
        playbooks.finish(opened.ticket().id(), "已解封", agent);
        assertThat(lastPublic(opened).body()).contains("小白兔", "已解封");
    }

    @Test
    void lostCurrencyGameBugAndPrizeRedemptionRunToTheirNotice() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        Opened lost = workspace.ticket(game, "10004", "account_other");
        PlaybookView lostCurrency = playbooks.suggestedFor(game.id(), TicketType.ACCOUNT_OTHER).orElseThrow();
        assertThat(lostCurrency.code()).isEqualTo("lost_currency");
        playbooks.start(lost.ticket().id(), lostCurrency.id(), agent);
        playbooks.completeStep(lost.ticket().id(), lostCurrency.steps().get(0).id(), "昨天下午", agent);
        playbooks.completeStep(lost.ticket().id(), lostCurrency.steps().get(1).id(), "账号正常", agent);
        assertThat(page(lost, agent)).contains("data-kind=\"ledger\"");
        runRest(lost, agent);
        playbooks.finish(lost.ticket().id(), "金币为商城消费,无异常", agent);
        assertThat(lastPublic(lost).body()).contains("月下独酌", "无异常");

        Opened bug = workspace.ticket(game, "10006", "bug");
        PlaybookView gameBug = playbooks.suggestedFor(game.id(), TicketType.BUG).orElseThrow();
        runAll(bug, gameBug, agent);
        ActionView reward = actions.request(new ActionRequest(game.id(), bug.ticket().id(), "10006", "compensate", 200L,
                null, "BUG 反馈奖励", null), agent);
        assertThat(reward.state()).isEqualTo(ActionState.DONE);
        playbooks.finish(bug.ticket().id(), "已修复,并赠送 200 金币", agent);
        assertThat(lastPublic(bug).body()).contains("咸鱼翻身", "200");

        Opened prize = workspace.ticket(game, "10007", "redemption");
        PlaybookView redemption = playbooks.suggestedFor(game.id(), TicketType.REDEMPTION).orElseThrow();
        playbooks.start(prize.ticket().id(), redemption.id(), agent);
        playbooks.completeStep(prize.ticket().id(), redemption.steps().get(0).id(), "周年纪念鼠标垫", agent);
        assertThat(page(prize, agent)).contains("data-testid=\"step-redemptions\"", "周年纪念鼠标垫", "pending");
        runRest(prize, agent);
        playbooks.finish(prize.ticket().id(), "鼠标垫将于三日内发货", agent);
        assertThat(lastPublic(prize).body()).contains("幸运星", "三日内发货");
    }

    private void runAll(Opened opened, PlaybookView playbook, StaffMember agent) {
        playbooks.start(opened.ticket().id(), playbook.id(), agent);
        runRest(opened, agent);
    }

    private void runRest(Opened opened, StaffMember agent) {
        RunView run = playbooks.runOn(opened.ticket().id()).orElseThrow();
        while (run.current() != null) {
            run = playbooks.completeStep(opened.ticket().id(), run.current().id(), "已核实", agent);
        }
    }

    private MessageView lastPublic(Opened opened) {
        return tickets.details(opened.ticket().id(), false).messages().getLast();
    }

    private String page(Opened opened, StaffMember agent) throws Exception {
        return mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(new StaffUser(agent, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
