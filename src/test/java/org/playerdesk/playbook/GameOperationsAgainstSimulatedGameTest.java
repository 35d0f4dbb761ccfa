package org.playerdesk.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.ViolationView;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.Currency;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The game operations beyond one balance, against the simulated game: several currencies with
 * their own ledgers, anomaly marks and authority limits; partner-channel players whose ban an agent
 * does not lift alone; messages delivered to the player in the game; and the scam procedure.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GameOperationsAgainstSimulatedGameTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Playbooks playbooks;
    @Autowired
    AccountActions actions;
    @Autowired
    Enforcement enforcement;
    @Autowired
    GameBackends backends;
    @Autowired
    MockMvc mvc;

    @Test
    void theGameNamesItsCurrenciesAndCharmPointsPaidForTheRedeemedPrize() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        GameBackend backend = backends.of(game.id());

        assertThat(backend.currencies()).extracting(Currency::code)
                .containsExactly("gold", "diamond", "charm", "revive_stone", "rename_card");
        assertThat(backend.currencies().getFirst().primary()).isTrue();
        assertThat(backend.currencies().get(2).name(Locale.ENGLISH)).isEqualTo("Charm points");
        long charm = backend.profile("10010").balances().get("charm");
        List<LedgerEntry> spent = backend.ledger("10010", null, null).stream()
                .filter(e -> "charm".equals(e.currency()) && e.amount() < 0).toList();
        assertThat(spent).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(-8_000);
            assertThat(e.reason()).contains("蓝牙耳机");
        });
        assertThat(charm).isEqualTo(backend.ledger("10010", null, null).stream()
                .filter(e -> "charm".equals(e.currency())).mapToLong(LedgerEntry::amount).sum());
        assertThat(backend.redemptions("10010").getFirst().cost()).isEqualTo(8_000);

        Opened lost = workspace.ticket(game, "10010", "account_other");
        PlaybookView procedure = playbooks.of(game.id()).stream().filter(p -> p.code().equals("lost_currency"))
                .findFirst().orElseThrow();
        playbooks.start(lost.ticket().id(), procedure.id(), agent);
        playbooks.completeStep(lost.ticket().id(), procedure.steps().get(0).id(), "魅力值少了 8000", agent);
        playbooks.reportedAt(lost.ticket().id(), spent.getFirst().at(), agent);
        playbooks.completeStep(lost.ticket().id(), procedure.steps().get(1).id(), "已核对", agent);

        String ledger = page(lost, agent, Locale.SIMPLIFIED_CHINESE);
        assertThat(ledger).contains("data-currency=\"charm\" data-testid=\"step-ledger\"", "魅力值流水", "大额转出",
                "data-marked=\"true\"");
        assertThat(page(lost, agent, Locale.ENGLISH)).contains("Ledger of Charm points", "large outflow");
        playbooks.completeStep(lost.ticket().id(), procedure.steps().get(2).id(), "兑换扣除", agent);
        assertThat(page(lost, agent, Locale.SIMPLIFIED_CHINESE)).contains("data-testid=\"redemption-cost\"",
                "花费 8000 魅力值");
    }

    @Test
    void compensationsHaveLimitsPerCurrencyAndItemsArriveAsItems() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        GameBackend backend = backends.of(game.id());
        long diamonds = backend.profile("10004").balances().getOrDefault("diamond", 0L);

        ActionView small = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 50L, null,
                "补发钻石", null, "diamond"), agent);
        assertThat(small.state()).isEqualTo(ActionState.DONE);
        ActionView large = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 500L, null,
                "补发钻石", null, "diamond"), agent);
        assertThat(large.state()).isEqualTo(ActionState.PENDING_APPROVAL);
        ActionView gold = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 500L, null,
                "补发金币", null, null), agent);
        assertThat(gold.state()).as("500 gold is within the first line's 1,000").isEqualTo(ActionState.DONE);
        assertThat(backend.profile("10004").balances().get("diamond")).isEqualTo(diamonds + 50);
        assertThat(actions.describe(large, Locale.ENGLISH)).contains("500 Diamonds");

        assertThat(actions.approve(large.id(), lead, "核实").state()).isEqualTo(ActionState.DONE);
        assertThat(backend.profile("10004").balances().get("diamond")).isEqualTo(diamonds + 550);

        ActionView cards = actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 2L, null,
                "改名卡补偿", null, "rename_card"), agent);
        assertThat(cards.state()).isEqualTo(ActionState.DONE);
        assertThat(backend.profile("10004").balances().get("rename_card")).isEqualTo(2);
        assertThatThrownBy(() -> actions.request(new ActionRequest(game.id(), null, "10004", "compensate", 5L, null,
                "x", null, "rubies"), agent)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("currency"));
        assertThat(backend.notices("10004")).extracting(InGameNotice::title).contains("客服补偿到账");
        assertThat(backend.notices("10004")).anySatisfy(n -> assertThat(n.text()).contains("500 钻石"));
    }

    @Test
    void liftingAPartnerPlayersBanWaitsForALeadWithTheReasonShown() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        GameBackend backend = backends.of(game.id());
        assertThat(backend.profile("20003").partner()).isTrue();
        actions.request(new ActionRequest(game.id(), null, "20003", "ban", null, 3, "刷时间", null), lead);
        assertThat(backend.profile("20003").status()).isEqualTo(AccountStatus.BANNED);

        Opened appeal = workspace.ticket(game, "20003", "ban_appeal");
        String panel = page(appeal, agent, Locale.SIMPLIFIED_CHINESE);
        assertThat(panel).contains("data-testid=\"partner-warning\"", "合作方");
        ActionView unban = actions.request(new ActionRequest(game.id(), appeal.ticket().id(), "20003", "unban", null,
                null, "申诉", null), agent);
        assertThat(unban.state()).isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(unban.holdReason()).isEqualTo(ActionView.PARTNER);
        assertThat(backend.profile("20003").status()).isEqualTo(AccountStatus.BANNED);
        String approvals = mvc.perform(get("/console/approvals").with(user(new StaffUser(lead, "")))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(approvals).contains("data-hold=\"partner\"", "Partner-channel player");

        assertThat(actions.approve(unban.id(), lead, "渠道方同意").state()).isEqualTo(ActionState.DONE);
        assertThat(backend.profile("20003").status()).isEqualTo(AccountStatus.ACTIVE);

        ActionView regular = actions.request(new ActionRequest(game.id(), null, "10002", "unban", null, null, "误封",
                null), agent);
        assertThat(regular.state()).as("a regular player's ban is lifted by the agent").isEqualTo(ActionState.DONE);
        assertThat(regular.holdReason()).isNull();
    }

    @Test
    void aPatrolWarningAndABanReachThePlayerInTheGame() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);
        GameBackend backend = backends.of(game.id());

        ViolationView warning = enforcement.record(game.id(), "10006", "offensive_profile", null, "昵称不当", gm);
        assertThat(warning.penalty()).isEqualTo(Penalty.WARNING);
        assertThat(backend.notices("10006")).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(InGameNotice.NOTICE);
            assertThat(n.title()).isEqualTo("温馨提醒");
            assertThat(n.text()).contains("昵称/头像违规");
        });
        ViolationView ban = enforcement.record(game.id(), "10006", "offensive_profile", null, "再犯", gm);
        assertThat(ban.penalty()).isEqualTo(Penalty.BAN);
        assertThat(backend.notices("10006")).first().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(InGameNotice.MAIL);
            assertThat(n.text()).contains("7 天");
        });

        String desk = mvc.perform(get("/console/gm").param("game", game.id().toString()).param("account", "10006")
                .with(user(new StaffUser(gm, ""))).locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(desk.split("data-testid=\"violation-notice\" data-delivered=\"true\"", -1)).hasSizeGreaterThan(2);
        assertThat(desk).contains("told in the game");
    }

    @Test
    void theScamProcedureShowsBothLedgersSanctionsTheScammerAndTellsThePlayerInTheGame() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        StaffUser me = new StaffUser(agent, "");
        GameBackend backend = backends.of(game.id());
        Opened scam = workspace.ticket(game, "10011", "scam");
        PlaybookView procedure = playbooks.suggestedFor(game.id(), TicketType.SCAM).orElseThrow();
        assertThat(procedure.code()).isEqualTo("scammed_currency");
        assertThat(procedure.steps()).extracting(PlaybookView.Step::data).containsExactly(DataKind.NONE,
                DataKind.TRADES, DataKind.NONE, DataKind.TRADES, DataKind.LEDGER);

        playbooks.start(scam.ticket().id(), procedure.id(), agent);
        Instant deal = backend.ledger("10011", null, null).stream().filter(e -> "10777".equals(e.counterparty()))
                .map(LedgerEntry::at).findFirst().orElseThrow();
        playbooks.reportedAt(scam.ticket().id(), deal, agent);
        playbooks.completeStep(scam.ticket().id(), procedure.steps().get(0).id(), "卖 30000 金币给 10777,对方未给钻石",
                agent);
        String trades = page(scam, agent, Locale.SIMPLIFIED_CHINESE);
        assertThat(trades).contains("data-testid=\"step-counterparty\" data-account=\"10777\"", "低价出金",
                "data-testid=\"counterparty-ledger\"", "转给他人", "data-testid=\"playbook-sanction\"");
        playbooks.completeStep(scam.ticket().id(), procedure.steps().get(1).id(), "对方同期还收了两名玩家的金币", agent);
        playbooks.completeStep(scam.ticket().id(), procedure.steps().get(2).id(), "确认被骗,对方金币尚在", agent);

        mvc.perform(post("/console/gm/violations").param("game", game.id().toString()).param("account", "10777")
                .param("type", "scamming").param("note", "骗取 10011 金币").param("ticketId", scam.ticket().id().toString())
                .with(user(me)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(enforcement.history(game.id(), "10777")).singleElement().satisfies(v -> {
            assertThat(v.penalty()).isEqualTo(Penalty.BAN);
            assertThat(v.ticketId()).isEqualTo(scam.ticket().id());
        });
        assertThat(backend.profile("10777").status()).isEqualTo(AccountStatus.BANNED);
        playbooks.completeStep(scam.ticket().id(), procedure.steps().get(3).id(), "已封号 7 天", agent);

        ActionView back = actions.request(new ActionRequest(game.id(), scam.ticket().id(), "10011", "compensate",
                30_000L, null, "追回被骗金币", null, "gold"), agent);
        assertThat(back.state()).isEqualTo(ActionState.PENDING_APPROVAL);
        playbooks.completeStep(scam.ticket().id(), procedure.steps().get(4).id(), "追回 30000 金币,待主管审批", agent);
        playbooks.finish(scam.ticket().id(), "骗子已封号,被骗的金币经审批后返还", agent);

        assertThat(backend.notices("10011")).first().satisfies(n -> {
            assertThat(n.title()).isEqualTo("被骗金币");
            assertThat(n.text()).contains("被骗的小李", "骗子已封号");
        });
        assertThat(page(scam, agent, Locale.SIMPLIFIED_CHINESE)).contains("data-testid=\"in-game-notice\"",
                "data-delivered=\"true\"");
    }

    private String page(Opened opened, StaffMember agent, Locale locale) throws Exception {
        return mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(new StaffUser(agent, "")))
                .locale(locale)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
