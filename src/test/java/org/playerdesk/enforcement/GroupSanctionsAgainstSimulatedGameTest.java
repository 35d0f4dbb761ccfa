package org.playerdesk.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The simulated game's farming ring (30000 and its alts 30001-30008) reviewed as one linked group and
 * sanctioned in one go: one approval for the whole group when a ban is above the asker's limit.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class GroupSanctionsAgainstSimulatedGameTest {

    static final List<String> RING = IntStream.rangeClosed(30000, 30008).mapToObj(String::valueOf).toList();

    @Autowired
    TestWorkspace workspace;
    @Autowired
    GroupSanctions groups;
    @Autowired
    Enforcement enforcement;
    @Autowired
    AccountActions actions;
    @Autowired
    GameBackends backends;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;

    @Test
    void theGroupPageListsTheRingWithItsTradesAndMarksTheBossAsOrganiser() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");

        String desk = mvc.perform(get("/console/gm").param("game", game.id().toString()).param("account", "30001")
                .with(user(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(desk).contains("data-testid=\"review-group\"",
                "href=\"/console/gm/groups?game=" + game.id() + "&amp;account=30001\"");

        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            String page = mvc.perform(get("/console/gm/groups").param("game", game.id().toString())
                    .param("account", "30001").locale(locale).with(user(agent))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            for (String account : RING) {
                assertThat(page).contains("data-testid=\"group-member\" data-account=\"" + account + "\"")
                        .contains("name=\"accounts\" value=\"" + account + "\"");
            }
            assertThat(page.split("data-testid=\"group-member\"", -1)).hasSize(RING.size() + 1);
            assertThat(page).contains("data-account=\"30000\" data-organiser=\"true\"")
                    .contains("data-account=\"30001\" data-organiser=\"false\"")
                    .contains("data-testid=\"group-trade\" data-from=\"30001\" data-to=\"30000\"")
                    .contains("data-testid=\"group-trade\" data-from=\"30008\" data-to=\"30000\"")
                    .contains("183.6.*.*", "雷电模拟器9 · LD-7F3A21", "name=\"requestKey\"", "data-check-all=\"accounts\"")
                    .doesNotContain("183.6.77.20");
            assertThat(page).contains(locale == Locale.ENGLISH ? "Linked group of 30001" : "30001 的关联账号组")
                    .contains(locale == Locale.ENGLISH ? ">organiser<" : ">组织者<");
        }
        assertThat(audit.about("account", "30001", 20)).filteredOn(e -> game.id().equals(e.gameId()))
                .extracting(AuditLog.Entry::action).contains("game.linked.group");
    }

    @Test
    void theGroupReadsTheSameFromTheBossAndSumsEachTradeOnce() {
        GameInfo game = workspace.simulatedGame();
        StaffMember gm = workspace.staff(StaffRole.AGENT_L1, game);

        LinkedGroup fromAlt = groups.review(game.id(), "30003", gm);
        LinkedGroup fromBoss = groups.review(game.id(), "30000", gm);

        for (LinkedGroup group : List.of(fromAlt, fromBoss)) {
            assertThat(group.members()).extracting(LinkedGroup.Member::accountId)
                    .containsExactlyInAnyOrderElementsOf(RING);
            assertThat(group.organiserId()).isEqualTo("30000");
            assertThat(group.members().getFirst().accountId()).isEqualTo("30000");
            assertThat(group.trades()).hasSize(8).allSatisfy(t -> {
                assertThat(t.to()).isEqualTo("30000");
                assertThat(t.count()).isEqualTo(1);
            });
            LinkedGroup.Member boss = group.member("30000").orElseThrow();
            assertThat(boss.received()).isEqualTo(group.trades().stream().mapToLong(LinkedGroup.Trade::amount).sum());
            assertThat(boss.ips()).isEmpty();
            assertThat(group.member("30005").orElseThrow().ips()).containsExactly("183.6.77.20");
            assertThat(group.member("30005").orElseThrow().devices()).containsExactly("雷电模拟器9 · LD-7F3A21");
            assertThat(group.truncated()).isFalse();
        }
        assertThat(fromAlt.member("30000").orElseThrow().throughTrades()).isTrue();
        assertThat(fromAlt.member("30004").orElseThrow().throughTrades()).isFalse();
        // the account's balance: the alt sent everything it farmed to the boss
        assertThat(fromAlt.member("30002").orElseThrow().balance()).isZero();
    }

    @Test
    void aFirstLineAgentsGroupSanctionWaitsAsOneApprovalAndTheSupervisorsApprovalBansEveryone() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);

        String location = mvc.perform(sanction(game, "30001", RING, "currency_farming", "severe", "打金工作室", key())
                .with(user(new StaffUser(agent, "")))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.group.notice.pending_approval"))
                .andReturn().getResponse().getRedirectedUrl();
        GroupSanctionView held = groups.requestedBy(agent.id(), 5).getFirst();
        assertThat(location).isEqualTo("/console/gm/groups/" + held.id());
        assertThat(held.state()).isEqualTo(GroupState.PENDING_APPROVAL);
        assertThat(held.organiserId()).isEqualTo("30000");
        assertThat(held.members()).hasSize(9).allSatisfy(m -> {
            assertThat(m.penalty()).isEqualTo(Penalty.PERMANENT_BAN);
            assertThat(m.actionState()).isEqualTo(ActionState.PENDING_APPROVAL);
        });
        for (String account : RING) {
            assertThat(backends.of(game.id()).profile(account).status()).isEqualTo(AccountStatus.ACTIVE);
        }

        StaffUser supervisor = new StaffUser(lead, "");
        String approvals = mvc.perform(get("/console/approvals").with(user(supervisor)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(approvals.split("data-testid=\"pending-group\"", -1)).hasSize(2);
        assertThat(approvals).contains("data-id=\"" + held.id() + "\"", "Group sanctions waiting for approval",
                "9 accounts", "打金工作室", agent.displayName()).doesNotContain("data-testid=\"pending-action\"");
        String outcome = mvc.perform(get(location).with(user(new StaffUser(agent, "")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(outcome).contains("data-state=\"pending_approval\"", "data-action-state=\"pending_approval\"");

        assertThatThrownBy(() -> groups.approve(held.id(), agent, "")).isInstanceOf(AccessDeniedException.class);
        mvc.perform(post("/console/approvals/groups/{id}/approve", held.id()).param("comment", "证据充分")
                .with(user(supervisor)).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.group.notice.approved"));

        for (String account : RING) {
            assertThat(backends.of(game.id()).profile(account).status()).isEqualTo(AccountStatus.BANNED);
            assertThat(backends.of(game.id()).bans(account).getFirst().permanent()).isTrue();
            assertThat(enforcement.history(game.id(), account)).singleElement().satisfies(v -> {
                assertThat(v.typeCode()).isEqualTo("currency_farming");
                assertThat(v.severity()).isEqualTo(Severity.SEVERE);
                assertThat(v.note()).isEqualTo("打金工作室");
                assertThat(actions.get(v.actionId()).state()).isEqualTo(ActionState.DONE);
            });
        }
        GroupSanctionView approved = groups.get(held.id(), lead);
        assertThat(approved.state()).isEqualTo(GroupState.APPROVED);
        assertThat(approved.decisionComment()).isEqualTo("证据充分");
        assertThat(approved.members()).allSatisfy(m -> assertThat(m.actionState()).isEqualTo(ActionState.DONE));
        assertThat(approved.actionIds()).hasSize(9);
        assertThatThrownBy(() -> groups.approve(held.id(), lead, "")).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("gm.group.decided"));
        assertThat(audit.about("account", "30001", 30)).filteredOn(e -> game.id().equals(e.gameId()))
                .extracting(AuditLog.Entry::action)
                .contains("game.group.request", "game.group.approve", "game.violation", "game.request", "game.ban");
    }

    @Test
    void rejectionBansNobodyAndTellsEveryHeldBanWhy() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        List<String> chosen = List.of("30000", "30002", "30003");

        GroupSanctionView held = groups.sanction(new GroupSanctionRequest(game.id(), "30002", chosen,
                "currency_farming", "severe", null, key()), agent);
        assertThat(held.accountIds()).containsExactly("30000", "30002", "30003");
        assertThatThrownBy(() -> groups.reject(held.id(), lead, " ")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("comment"));
        assertThatThrownBy(() -> groups.reject(held.id(), agent, "no")).isInstanceOf(AccessDeniedException.class);

        GroupSanctionView rejected = groups.reject(held.id(), lead, "证据不足,先警告");

        assertThat(rejected.state()).isEqualTo(GroupState.REJECTED);
        assertThat(rejected.members()).allSatisfy(m -> {
            assertThat(m.actionState()).isEqualTo(ActionState.REJECTED);
            assertThat(actions.get(m.actionId()).decisionComment()).isEqualTo("证据不足,先警告");
        });
        for (String account : chosen) {
            assertThat(backends.of(game.id()).profile(account).status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(backends.of(game.id()).bans(account)).isEmpty();
        }
        assertThat(enforcement.history(game.id(), "30001")).isEmpty();
        assertThat(groups.awaitingApproval(lead)).isEmpty();
        assertThatThrownBy(() -> groups.approve(held.id(), lead, "")).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.code()).isEqualTo("gm.group.decided"));
    }

    @Test
    void whenOneBanNeedsApprovalTheGroupsBansWithinTheLimitWaitWithIt() {
        GameInfo game = workspace.simulatedGame();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        enforcement.record(game.id(), "30002", "offensive_profile", null, null, null, agent);
        enforcement.record(game.id(), "30002", "offensive_profile", null, null, null, agent);
        enforcement.record(game.id(), "30002", "offensive_profile", null, null, null, agent);

        // severe offensive profiles start at the 7-day ban; 30002's fourth violation reaches the permanent ban
        GroupSanctionView held = groups.sanction(new GroupSanctionRequest(game.id(), "30001",
                List.of("30001", "30002"), "offensive_profile", "severe", "辱骂昵称", key()), agent);

        assertThat(held.state()).isEqualTo(GroupState.PENDING_APPROVAL);
        assertThat(held.members()).extracting(GroupSanctionView.Member::penalty)
                .containsExactly(Penalty.BAN, Penalty.PERMANENT_BAN);
        assertThat(held.members()).allSatisfy(m -> assertThat(m.actionState()).isEqualTo(ActionState.PENDING_APPROVAL));
        assertThat(backends.of(game.id()).profile("30001").status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void withinTheLimitTheGroupIsSanctionedAtOnceAndASecondSubmitWithTheSameKeyChangesNothing() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L2, game), "");
        String key = key();

        String first = mvc.perform(sanction(game, "30001", RING, "currency_farming", "severe", null, key)
                .with(user(agent))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "gm.group.notice.done"))
                .andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(sanction(game, "30001", RING, "currency_farming", "severe", null, key)
                .with(user(agent))).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(second).isEqualTo(first);
        assertThat(groups.requestedBy(agent.id(), 5)).singleElement().satisfies(g -> {
            assertThat(g.state()).isEqualTo(GroupState.DONE);
            assertThat(g.members()).allSatisfy(m -> assertThat(m.actionState()).isEqualTo(ActionState.DONE));
        });
        for (String account : RING) {
            assertThat(enforcement.history(game.id(), account)).hasSize(1);
            assertThat(backends.of(game.id()).bans(account)).hasSize(1);
            assertThat(backends.of(game.id()).profile(account).status()).isEqualTo(AccountStatus.BANNED);
        }
        assertThat(actions.requestedBy(agent.id(), 50)).hasSize(9);
    }

    @Test
    void badInputIsRefusedInTheReadersLanguageAndChangesNothing() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");

        refused(sanction(game, "30001", List.of(), "currency_farming", "severe", null, key()), agent,
                "Choose at least one account of the group.", "请至少选择该组中的一个账号。");
        refused(sanction(game, "30001", List.of("30001", "10004"), "currency_farming", "normal", null, key()), agent,
                "Not in the linked group of 30001: 10004.", "以下账号不在 30001 的关联账号组中:10004。");
        refused(sanction(game, "30001", List.of("30001"), "no_such_type", "normal", null, key()), agent,
                "Violation: Please choose a violation type of this game.", "违规类型：请选择此游戏的违规类型。");
        refused(sanction(game, "30001", List.of("30001"), "currency_farming", "dreadful", null, key()), agent,
                "Severity: Unknown value \"dreadful\"", "情节：未知的值“dreadful”");
        refused(sanction(game, "", List.of("30001"), "currency_farming", "normal", null, key()), agent,
                "Account: Please write something.", "账号：内容不能为空。");
        refused(sanction(game, "no-such-account", List.of("30001"), "currency_farming", "normal", null, key()), agent,
                "The game does not know the account no-such-account.", "游戏中没有账号 no-such-account。");

        assertThat(groups.requestedBy(agent.id(), 10)).isEmpty();
        assertThat(actions.requestedBy(agent.id(), 10)).isEmpty();
        for (String account : List.of("30001", "10004")) {
            assertThat(enforcement.history(game.id(), account)).isEmpty();
        }
        String page = mvc.perform(get("/console/gm/groups").param("game", game.id().toString())
                .param("account", "no-such-account").with(user(agent)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The game does not know the account no-such-account.")
                .doesNotContain("data-testid=\"group-sanction-form\"");
    }

    private void refused(MockHttpServletRequestBuilder request, StaffUser who, String english, String chinese)
            throws Exception {
        mvc.perform(request.with(user(who)).locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Matchers.containsString(english)))
                .andExpect(flash().attributeExists("choice"));
        mvc.perform(request.with(user(who)).locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Matchers.containsString(chinese)));
    }

    private static MockHttpServletRequestBuilder sanction(GameInfo game, String account, List<String> chosen,
            String type, String severity, String note, String requestKey) {
        MockHttpServletRequestBuilder request = post("/console/gm/groups").param("game", game.id().toString())
                .param("account", account).param("type", type).param("severity", severity)
                .param("requestKey", requestKey).with(csrf());
        if (note != null) {
            request.param("note", note);
        }
        for (String chosenAccount : chosen) {
            request.param("accounts", chosenAccount);
        }
        return request;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
