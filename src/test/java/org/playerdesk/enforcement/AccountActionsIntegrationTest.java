package org.playerdesk.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.playerdesk.access.StaffUser;
import org.springframework.security.access.AccessDeniedException;

/** Account actions: within the limit at once, above it through a supervisor, each exactly once. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestWorkspace.class, RecordingBackends.Config.class})
class AccountActionsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    AccountActions actions;
    @Autowired
    RecordingBackends backend;
    @Autowired
    TicketQueries tickets;
    @Autowired
    AuditLog audit;

    @Test
    void firstLineCompensatesWithinTheLimitAtOnceWithHistoryAndAudit() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened ticket = workspace.ticket(game, "acc-small", "payment");

        ActionView done = actions.request(compensate(game, ticket, "acc-small", 1000L, null), agent);

        assertThat(done.state()).isEqualTo(ActionState.DONE);
        assertThat(done.resultReference()).startsWith("ref-");
        assertThat(backend.applied).filteredOn(a -> a.accountId().equals("acc-small")).hasSize(2)
                .first().isInstanceOfSatisfying(GameAction.Compensate.class,
                        c -> assertThat(c.currencyAmount()).isEqualTo(1000));
        assertThat(backend.applied).filteredOn(a -> a.accountId().equals("acc-small")).last()
                .isInstanceOfSatisfying(GameAction.Notify.class, n -> assertThat(n.text()).contains("1000 金币"));
        assertThat(history(ticket)).anyMatch(h -> h.action().equals("recorded") && h.newValue().contains("1000"));
        assertThat(history(ticket)).anyMatch(h -> h.newValue() != null && h.newValue().contains("客服补偿到账"));
        assertThat(audit.about("account", "acc-small", 5)).extracting(AuditLog.Entry::action).contains("game.compensate");
    }

    @Test
    void aboveTheLimitWaitsForASupervisorAndRunsOnceWhenApproved() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Opened ticket = workspace.ticket(game, "acc-big", "account_stolen");

        ActionView held = actions.request(compensate(game, ticket, "acc-big", 5000L, null), agent);
        assertThat(held.state()).isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(backend.appliedWithKey(key(held))).isZero();
        assertThat(actions.awaitingApproval(lead)).extracting(ActionView::id).contains(held.id());

        ActionView approved = actions.approve(held.id(), lead, "被盗金币核实无误");
        assertThat(approved.state()).isEqualTo(ActionState.DONE);
        assertThat(approved.decidedByName()).isEqualTo(lead.displayName());
        assertThatThrownBy(() -> actions.approve(held.id(), lead, "again")).isInstanceOf(RuleViolation.class);
        assertThat(backend.appliedWithKey(key(held))).isOne();
        assertThat(actions.requestedBy(agent.id(), 10)).singleElement()
                .extracting(ActionView::state).isEqualTo(ActionState.DONE);
        assertThat(history(ticket)).extracting(HistoryEntry::newValue).anyMatch(v -> v != null && v.contains("5000"));
    }

    @Test
    void secondLineHasAHigherLimitAndFirstLineNeedsApprovalForAPermanentBan() {
        GameInfo game = workspace.game();
        StaffMember second = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember first = workspace.staff(StaffRole.AGENT_L1, game);

        assertThat(actions.request(compensate(game, null, "acc-l2", 10_000L, null), second).state())
                .isEqualTo(ActionState.DONE);
        assertThat(actions.request(compensate(game, null, "acc-l2", 10_001L, null), second).state())
                .isEqualTo(ActionState.PENDING_APPROVAL);
        assertThat(actions.request(new ActionRequest(game.id(), null, "acc-ban", "ban", null, 7, "广告", null), first)
                .state()).isEqualTo(ActionState.DONE);
        assertThat(actions.request(new ActionRequest(game.id(), null, "acc-ban", "ban", null, null, "再犯", null), first)
                .state()).isEqualTo(ActionState.PENDING_APPROVAL);
    }

    @Test
    void aRepeatedRequestKeyRunsTheActionOnce() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String key = UUID.randomUUID().toString();

        ActionView first = actions.request(compensate(game, null, "acc-retry", 300L, key), agent);
        ActionView again = actions.request(compensate(game, null, "acc-retry", 300L, key), agent);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(backend.appliedWithKey(key)).isOne();
    }

    @Test
    void anUnreachableBackendFailsTheActionAndARetryRunsItOnceWithTheSameKey() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L2, game);
        String key = UUID.randomUUID().toString();
        backend.down = true;
        ActionView failed;
        try {
            failed = actions.request(new ActionRequest(game.id(), null, "acc-down", "freeze", null, null, "盗号", key),
                    agent);
        } finally {
            backend.down = false;
        }
        assertThat(failed.state()).isEqualTo(ActionState.FAILED);

        assertThat(actions.retry(failed.id(), agent).state()).isEqualTo(ActionState.DONE);
        assertThatThrownBy(() -> actions.retry(failed.id(), agent)).isInstanceOf(RuleViolation.class);
        assertThat(backend.appliedWithKey(key)).isOne();
    }

    @Test
    void onlyAnotherSupervisorOfTheGameDecidesAndARejectionNeedsAComment() {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember peer = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember foreignLead = workspace.staff(StaffRole.SUPERVISOR, other);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Opened ticket = workspace.ticket(game, "acc-reject", "payment");
        ActionView held = actions.request(compensate(game, ticket, "acc-reject", 2000L, null), agent);

        assertThatThrownBy(() -> actions.approve(held.id(), peer, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.approve(held.id(), foreignLead, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actions.reject(held.id(), lead, " ")).isInstanceOf(InvalidInput.class);

        ActionView rejected = actions.reject(held.id(), lead, "充值记录不符");
        assertThat(rejected.state()).isEqualTo(ActionState.REJECTED);
        assertThat(backend.appliedWithKey(key(held))).isZero();
        assertThat(history(ticket)).extracting(HistoryEntry::newValue).anyMatch(v -> v != null && v.contains("充值记录不符"));
    }

    @Test
    void refusesBadInputFieldByFieldAndStoresNothing() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);

        assertThatThrownBy(() -> actions.request(new ActionRequest(game.id(), null, "acc-bad", "compensate", 0L, null,
                "", "short"), agent))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).contains("amount", "reason", "requestKey"));
        assertThatThrownBy(() -> actions.request(new ActionRequest(game.id(), null, "acc-bad", "explode", null, null,
                "x", null), agent))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).contains("kind"));
        assertThatThrownBy(() -> actions.request(new ActionRequest(game.id(), null, "acc-bad", "ban", null, 0,
                "x", null), agent))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).contains("days"));
        assertThat(actions.requestedBy(agent.id(), 10)).isEmpty();
    }

    @Test
    void theTicketFormRefusesANonNumberAndTheLeadApprovesOnTheApprovalsPage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Opened ticket = workspace.ticket(game, "acc-form", "account_stolen");
        StaffUser me = new StaffUser(agent, "");
        String key = UUID.randomUUID().toString();

        mvc.perform(post("/console/tickets/{id}/account-actions", ticket.ticket().id()).param("kind", "compensate")
                .param("amount", "lots").param("reason", "x").param("requestKey", key).with(user(me)).with(csrf())
                .locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("Amount (coins)")));
        assertThat(actions.forTicket(ticket.ticket().id())).isEmpty();

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/console/tickets/{id}/account-actions", ticket.ticket().id()).param("kind", "compensate")
                    .param("amount", "3000").param("reason", "追回").param("requestKey", key).with(user(me))
                    .with(csrf())).andExpect(flash().attribute("notice", "gm.notice.pending_approval"));
        }
        ActionView held = actions.forTicket(ticket.ticket().id()).getFirst();
        assertThat(actions.forTicket(ticket.ticket().id())).hasSize(1);
        assertThat(mvc.perform(get("/console/tickets/{id}", ticket.ticket().id()).with(user(me)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-state=\"pending_approval\"");

        StaffUser supervisor = new StaffUser(lead, "");
        assertThat(mvc.perform(get("/console/approvals").with(user(supervisor))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"pending-action\"", "acc-form");
        mvc.perform(post("/console/approvals/{id}/approve", held.id()).with(user(me)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/approvals/{id}/approve", held.id()).param("comment", "同意").with(user(supervisor))
                .with(csrf())).andExpect(flash().attribute("notice", "gm.notice.done"));
        assertThat(mvc.perform(get("/console/approvals").with(user(me))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"my-request\" data-state=\"done\"");
    }

    private String key(ActionView view) {
        return backend.applied.stream().filter(a -> a.accountId().equals(view.accountId())).map(GameAction::idempotencyKey)
                .findFirst().orElse("none");
    }

    private List<HistoryEntry> history(Opened ticket) {
        return tickets.details(ticket.ticket().id(), true).history();
    }

    private static ActionRequest compensate(GameInfo game, Opened ticket, String account, Long amount, String key) {
        return new ActionRequest(game.id(), ticket == null ? null : ticket.ticket().id(), account, "compensate", amount,
                null, "补偿被盗金币", key);
    }
}
