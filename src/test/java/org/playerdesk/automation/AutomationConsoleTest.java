package org.playerdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The automation page: leads of the game edit rules; agents and other games' leads are refused. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class AutomationConsoleTest {

    static final String PAGE = "/console/admin/automation";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    AutomationRules rules;

    private StaffUser as(StaffRole role, GameInfo... games) {
        return new StaffUser(workspace.staff(role, games), "");
    }

    @Test
    void aLeadCreatesEditsOrdersAndSwitchesRulesOffInBothLanguages() throws Exception {
        GameInfo game = workspace.game();
        StaffUser lead = as(StaffRole.SUPERVISOR, game);

        mvc.perform(post(PAGE + "/rules").with(user(lead)).with(csrf()).param("game", game.code())
                .param("name", "投诉升级").param("trigger", "ticket_created").param("enabled", "true")
                .param("types", "complaint").param("tagsAbsent", "calm, handled").param("words", "退款, 客服态度")
                .param("actionKind", "set_priority", "add_tag", "notify_leads", "")
                .param("actionValue", "high", "complaint", "", ""))
                .andExpect(redirectedUrl(PAGE + "?game=" + game.code()));
        RuleView rule = rules.of(game.id()).getFirst();
        assertThat(rule.conditions().types()).containsExactly("complaint");
        assertThat(rule.conditions().tagsAbsent()).containsExactly("calm", "handled");
        assertThat(rule.conditions().words()).containsExactly("退款", "客服态度");
        assertThat(rule.actions()).extracting(RuleAction::kind).containsExactly("set_priority", "add_tag",
                "notify_leads");

        String zh = mvc.perform(get(PAGE).param("game", game.code()).with(user(lead)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("自动化规则", "投诉升级", "工单创建", "设置优先级", "已解决工单无回复自动关闭", "等待玩家回复时提醒一次");
        String en = mvc.perform(get(PAGE).param("game", game.code()).with(user(lead)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Automation rules", "Ticket created", "Set priority", "Recent runs");
        mvc.perform(get(PAGE + "/rules/{id}", rule.id()).with(user(lead))).andExpect(status().isOk());
        mvc.perform(get(PAGE + "/rules/{id}", rule.id()).with(user(as(StaffRole.AGENT_L1, game))))
                .andExpect(status().isForbidden());

        mvc.perform(post(PAGE + "/rules/{id}", rule.id()).with(user(lead)).with(csrf()).param("name", "投诉升级 v2")
                .param("trigger", "player_replied").param("actionKind", "add_note").param("actionValue", "请主管跟进"))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.get(rule.id())).satisfies(r -> {
            assertThat(r.name()).isEqualTo("投诉升级 v2");
            assertThat(r.trigger()).isEqualTo(RuleTrigger.PLAYER_REPLIED);
            assertThat(r.enabled()).isFalse();
        });
        mvc.perform(post(PAGE + "/rules/{id}/enabled", rule.id()).with(user(lead)).with(csrf()).param("on", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.get(rule.id()).enabled()).isTrue();

        RuleView second = rules.create(game.id(), new RuleDraft("第二条", "ticket_created", true, null,
                java.util.List.of(new RuleAction("add_tag", "two"))), lead.member());
        mvc.perform(post(PAGE + "/rules/{id}/move", second.id()).with(user(lead)).with(csrf()).param("by", "-1"))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.of(game.id())).extracting(RuleView::name).containsExactly("第二条", "投诉升级 v2");
        mvc.perform(post(PAGE + "/rules/{id}/delete", second.id()).with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.of(game.id())).extracting(RuleView::name).containsExactly("投诉升级 v2");

        mvc.perform(post(PAGE + "/time-rules/close_resolved").with(user(lead)).with(csrf()).param("game", game.code())
                .param("hours", "48").param("enabled", "true")).andExpect(status().is3xxRedirection());
        assertThat(rules.timeRules(game.id())).filteredOn(t -> t.kind() == TimeRuleKind.CLOSE_RESOLVED)
                .singleElement().satisfies(t -> assertThat(t.hours()).isEqualTo(48));
    }

    @Test
    void badRulesAreAnsweredWithTheirFieldErrorsAndNothingIsStored() throws Exception {
        GameInfo game = workspace.game();
        StaffUser lead = as(StaffRole.SUPERVISOR, game);

        String page = mvc.perform(post(PAGE + "/rules").with(user(lead)).with(csrf()).param("game", game.code())
                .param("name", "").param("trigger", "sometimes").param("channels", "carrier-pigeon")
                .param("hourFrom", "soon").param("hourTo", "3")
                .param("actionKind", "set_status", "assign").param("actionValue", "done", "nobody"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-field=\"name\">名称：内容不能为空。",
                "data-field=\"trigger\">触发时机：未知的值“sometimes”", "data-field=\"conditions.channels\">渠道：",
                "data-field=\"conditions.hourFrom\">起始小时：必须在 0 到 23 之间。",
                "data-field=\"actions[0].value\">动作的值：未知的值“done”",
                "data-field=\"actions[1].value\">动作的值：请选择负责此游戏的客服人员。");
        assertThat(rules.of(game.id())).isEmpty();

        mvc.perform(post(PAGE + "/time-rules/remind_pending").with(user(lead)).with(csrf()).param("game", game.code())
                .param("hours", "many").param("message", "")).andExpect(status().is3xxRedirection());
        assertThat(rules.timeRules(game.id())).filteredOn(t -> t.kind() == TimeRuleKind.REMIND_PENDING)
                .singleElement().satisfies(t -> assertThat(t.hours()).isEqualTo(24));
    }

    @Test
    void agentsAndOtherGamesLeadsCannotChangeRules() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = as(StaffRole.AGENT_L1, game);
        StaffUser l2 = as(StaffRole.AGENT_L2, game);
        StaffUser otherLead = as(StaffRole.SUPERVISOR, workspace.game());

        mvc.perform(get(PAGE).with(user(agent))).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/rules").with(user(agent)).with(csrf()).param("game", game.code())
                .param("name", "x").param("trigger", "ticket_created").param("actionKind", "add_tag")
                .param("actionValue", "x")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/rules").with(user(l2)).with(csrf()).param("game", game.code())
                .param("name", "x").param("trigger", "ticket_created").param("actionKind", "add_tag")
                .param("actionValue", "x")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/rules").with(user(otherLead)).with(csrf()).param("game", game.code())
                .param("name", "x").param("trigger", "ticket_created").param("actionKind", "add_tag")
                .param("actionValue", "x")).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/time-rules/close_resolved").with(user(otherLead)).with(csrf())
                .param("game", game.code()).param("hours", "1").param("enabled", "true"))
                .andExpect(status().isForbidden());
        StaffUser lead = as(StaffRole.SUPERVISOR, game);
        mvc.perform(post(PAGE + "/rules").with(user(lead)).param("game", game.code()).param("name", "x")
                .param("trigger", "ticket_created").param("actionKind", "add_tag").param("actionValue", "x"))
                .andExpect(status().isForbidden());
        assertThat(rules.of(game.id())).isEmpty();
        String otherPage = mvc.perform(get(PAGE).with(user(otherLead))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(otherPage).doesNotContain(game.code());
    }
}
