package org.playerdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit log viewer: its filters, its pages, its CSV, who may read it, and every reading of it
 * written to the log in turn.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class AuditLogViewerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    AuditLog audit;
    @Autowired
    PlayerDirectory players;
    @Autowired
    StoppedClock clock;

    private static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    private StaffMember member(StaffRole role, String displayName, GameInfo... games) {
        Set<java.util.UUID> ids = new java.util.HashSet<>();
        for (GameInfo game : games) {
            ids.add(game.id());
        }
        return staff.enrol(TestWorkspace.unique("u"), displayName, TestWorkspace.PASSWORD, role, "zh-CN", ids);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<List<String>> rows(Document page) {
        List<List<String>> rows = new ArrayList<>();
        page.select("[data-testid=audit-entry]").forEach(tr -> rows.add(tr.select("td").stream().map(td -> td.text()).toList()));
        return rows;
    }

    private static String day(java.time.Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    @Test
    void filtersByStaffMemberActionPlayerAndDaysAndNamesPeopleNotIds() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = member(StaffRole.ADMIN, "审计管理员");
        StaffMember agent = member(StaffRole.AGENT_L2, "小王", game);
        PlayerSummary player = players.matchOrCreate(game.id(), new PlayerIdentity(TestWorkspace.unique("acct"), null,
                null, null), null);
        String firstDay = day(clock.instant());
        audit.record(agent, game.id(), "pii.view", "player", player.id().toString(), "email");
        clock.shift(Duration.ofDays(2));
        String lastDay = day(clock.instant());
        audit.record(agent, game.id(), "game.logins", "account", player.accountId(), "last logins");
        audit.record(agent, null, "staff.update", "staff", admin.id().toString(), "changed");

        Document all = page(get("/console/admin/audit").param("staff", agent.id().toString()).param("lang", "en")
                .with(as(admin)));
        assertThat(rows(all)).hasSize(3);
        assertThat(rows(all).get(0)).containsSubsequence("小王", "Changed a staff account", "", "Staff member 审计管理员");
        assertThat(rows(all).get(2)).containsSubsequence("小王", "Viewed a player's personal data", game.name(),
                "Player " + player.accountId(), "email");
        assertThat(all.text()).doesNotContain(agent.id().toString()).doesNotContain(player.id().toString());

        assertThat(rows(page(get("/console/admin/audit").param("staff", agent.id().toString()).param("action", "pii.view")
                .with(as(admin))))).hasSize(1);
        List<List<String>> ofPlayer = rows(page(get("/console/admin/audit").param("player", player.accountId())
                .param("lang", "zh-CN").with(as(admin))));
        assertThat(ofPlayer).hasSize(2);
        assertThat(ofPlayer.get(0)).contains("查看游戏账号登录记录", "游戏账号 " + player.accountId());
        assertThat(ofPlayer.get(1)).contains("查看玩家个人信息", "玩家 " + player.accountId());
        assertThat(rows(page(get("/console/admin/audit").param("staff", agent.id().toString()).param("to", firstDay)
                .with(as(admin))))).hasSize(1);
        assertThat(rows(page(get("/console/admin/audit").param("staff", agent.id().toString()).param("from", lastDay)
                .param("to", lastDay).with(as(admin))))).hasSize(2);
    }

    @Test
    void theActionFilterOffersPlayersDataRequestsAndSingleSignOnAndFiltersByThem() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = member(StaffRole.ADMIN, "隐私管理员");
        StaffMember lead = member(StaffRole.SUPERVISOR, "隐私组长", game);
        audit.record(lead, game.id(), "privacy.erase", "privacy-request", java.util.UUID.randomUUID().toString(),
                "account e-1: {tickets=1}");
        audit.record(lead, game.id(), "privacy.deadline", "game", game.id().toString(), "30 days");

        Document english = page(get("/console/admin/audit").param("lang", "en").with(as(admin)));
        assertThat(english.select("#audit-action option[value='privacy.erase']").text())
                .isEqualTo("Erased a player's data on request");
        assertThat(english.select("#audit-action option[value='staff.sso.link']").text())
                .isEqualTo("Linked a staff account to the identity provider");
        Document chinese = page(get("/console/admin/audit").param("lang", "zh-CN").with(as(admin)));
        assertThat(chinese.select("#audit-action option[value='privacy.export.download']").text())
                .isEqualTo("下载玩家数据导出");
        assertThat(chinese.select("#audit-action option[value='staff.sso.enrol']").text()).isEqualTo("单点登录时新建员工账号");
        // retention: a change of a game's periods, a run from the page
        assertThat(english.select("#audit-action option[value='privacy.retention']").text())
                .isEqualTo("Changed a game's retention periods");
        assertThat(english.select("#audit-action option[value='privacy.retention.run']").text())
                .isEqualTo("Ran the retention sweep from the console");
        assertThat(chinese.select("#audit-action option[value='privacy.retention']").text()).isEqualTo("修改游戏的保存期限");
        assertThat(chinese.select("#audit-action option[value='privacy.retention.run']").text())
                .isEqualTo("在控制台手动执行数据清理");

        Document erasures = page(get("/console/admin/audit").param("staff", lead.id().toString())
                .param("action", "privacy.erase").param("lang", "en").with(as(admin)));
        assertThat(erasures.select("#audit-action option[selected]").attr("value")).isEqualTo("privacy.erase");
        assertThat(rows(erasures)).singleElement().satisfies(row -> assertThat(row)
                .containsSubsequence("隐私组长", "Erased a player's data on request", game.name()));
    }

    @Test
    void pagesFiftyEntriesAtATimeNewestFirstWithoutRepeatsOrGaps() throws Exception {
        StaffMember admin = member(StaffRole.ADMIN, "管理员甲");
        StaffMember lead = member(StaffRole.SUPERVISOR, "组长乙");
        for (int i = 0; i < 120; i++) {
            audit.record(lead, null, "pay.view", "staff", admin.id().toString(), "entry " + i);
            if (i % 7 == 0) {
                clock.shift(Duration.ofMillis(1)); // some entries share a millisecond, some do not
            }
        }
        List<String> seen = new ArrayList<>();
        String next = "/console/admin/audit?staff=" + lead.id();
        int pages = 0;
        while (next != null) {
            Document page = page(get(next).with(as(admin)));
            rows(page).forEach(row -> seen.add(row.get(5)));
            next = page.select("[data-testid=audit-next]").attr("href");
            next = next.isEmpty() ? null : next;
            pages++;
            if (pages == 2) {
                assertThat(page.select("[data-testid=audit-first]")).hasSize(1);
            }
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 119; i >= 0; i--) {
            expected.add("entry " + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void exportsTheFilteredEntriesAsCsvWithBilingualHeadersAndTheReadersWords() throws Exception {
        GameInfo game = workspace.game();
        StaffMember admin = member(StaffRole.ADMIN, "导出管理员");
        StaffMember agent = member(StaffRole.AGENT_L2, "=HYPERLINK(\"x\")", game);
        PlayerSummary player = players.matchOrCreate(game.id(), new PlayerIdentity(TestWorkspace.unique("acct"), null,
                null, null), null);
        audit.record(agent, game.id(), "pii.view", "player", player.id().toString(), "phone, \"mobile\"");
        audit.record(agent, game.id(), "game.ban", "account", player.accountId(), "7 days");

        String english = mvc.perform(get("/console/admin/audit/export.csv").param("staff", agent.id().toString())
                .param("lang", "en").with(as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = english.split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF\"时间（UTC） / Time (UTC)\",\"员工 / Staff member\",\"操作 / Action\"")
                .contains("\"客户端地址 / Client address\"");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"x\"\")\"", "\"Banned a game account\"", "\"" + game.name() + "\"",
                "\"Game account " + player.accountId() + "\"", "\"7 days\"");
        assertThat(lines[2]).contains("\"Viewed a player's personal data\"", "\"Player " + player.accountId() + "\"",
                "\"phone, \"\"mobile\"\"\"");
        assertThat(english).doesNotContain(agent.id().toString()).doesNotContain(player.id().toString());

        String chinese = mvc.perform(get("/console/admin/audit/export.csv").param("staff", agent.id().toString())
                .param("action", "pii.view").param("lang", "zh-CN").with(as(admin))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese.split("\r\n")).hasSize(2);
        assertThat(chinese).contains("\"查看玩家个人信息\"", "\"玩家 " + player.accountId() + "\"");

        AuditLog.Entry exported = audit.search(new AuditLog.Filter(admin.id(), "audit.export", null, null, null, null),
                null, 5).getFirst();
        assertThat(exported.detail()).contains("action=pii.view");
    }

    @Test
    void anAgentMayNeitherReadNorExportTheLogNorSeeItsLink() throws Exception {
        StaffMember agent = member(StaffRole.AGENT_L2, "客服丙");

        mvc.perform(get("/console/admin/audit").with(as(agent))).andExpect(status().isForbidden());
        mvc.perform(get("/console/admin/audit/export.csv").with(as(agent))).andExpect(status().isForbidden());
        assertThat(page(get("/console/tickets").with(as(agent))).select("[data-testid=nav-audit]")).isEmpty();
        assertThat(page(get("/console/tickets").with(as(member(StaffRole.ADMIN, "管理员丁"))))
                .select("[data-testid=nav-audit]")).hasSize(1);
    }

    @Test
    void readingTheLogIsWrittenToTheLogWithWhereTheRequestCameFrom() throws Exception {
        StaffMember admin = member(StaffRole.ADMIN, "管理员戊");

        page(get("/console/admin/audit").param("action", "pii.view").with(as(admin)).with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        }));

        List<AuditLog.Entry> mine = audit.search(new AuditLog.Filter(admin.id(), null, null, null, null, null), null, 5);
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().action()).isEqualTo("audit.view");
        assertThat(mine.getFirst().clientAddress()).isEqualTo("203.0.113.7");
        assertThat(mine.getFirst().detail()).isEqualTo("action=pii.view");
        // and the page shows it, with its address
        assertThat(rows(page(get("/console/admin/audit").param("staff", admin.id().toString()).param("lang", "en")
                .with(as(admin)))).getLast()).contains("Viewed the audit log", "203.0.113.7");
    }

    @Test
    void aSupervisorReadsOnlyTheEntriesOfTheGamesTheyServe() throws Exception {
        GameInfo served = workspace.game();
        GameInfo other = workspace.game();
        StaffMember lead = member(StaffRole.SUPERVISOR, "组长己", served);
        StaffMember agent = member(StaffRole.AGENT_L2, "客服庚", served, other);
        audit.record(agent, served.id(), "game.notify", "account", "a-served", null);
        audit.record(agent, other.id(), "game.notify", "account", "a-other", null);
        audit.record(agent, null, "staff.password.change", "staff", agent.id().toString(), null);

        List<List<String>> seen = rows(page(get("/console/admin/audit").param("staff", agent.id().toString())
                .param("lang", "en").with(as(lead))));
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst()).contains("Game account a-served");
    }

    @Test
    void refusesBadFiltersFieldByFieldInBothLanguages() throws Exception {
        StaffMember admin = member(StaffRole.ADMIN, "管理员辛");
        String[][] languages = { { "en", "Please choose a member of staff from the list.", "at most 64 characters",
                "lower-case letters", "is not a date like", "start again from the newest entries" },
                { "zh-CN", "请从列表中选择员工。", "64", "小写字母", "不是", "请从最新记录重新开始" } };
        for (String[] language : languages) {
            String html = mvc.perform(get("/console/admin/audit").param("lang", language[0])
                    .param("staff", "not-a-member").param("player", "x".repeat(65)).param("action", "DROP TABLE")
                    .param("from", "2026-13-40").param("to", "yesterday").param("after", "nonsense").with(as(admin)))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(html);
            assertThat(page.select("[data-testid=audit-error-staff]").text()).isEqualTo(language[1]);
            assertThat(page.select("[data-testid=audit-error-player]").text()).contains(language[2]);
            assertThat(page.select("[data-testid=audit-error-action]").text()).contains(language[3]);
            assertThat(page.select("[data-testid=audit-error-from]").text()).contains(language[4]).contains("2026-13-40");
            assertThat(page.select("[data-testid=audit-error-to]").text()).contains(language[4]).contains("yesterday");
            assertThat(page.select("[data-testid=audit-error-after]").text()).contains(language[5]);
            assertThat(page.select("[data-testid=audit-entry]")).isEmpty();
        }
        mvc.perform(get("/console/admin/audit").param("from", "2030-05-02").param("to", "2030-05-01").with(as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/admin/audit/export.csv").param("from", "someday").with(as(admin)))
                .andExpect(status().isBadRequest());
        // a refused filter reads nothing, so it writes no entry
        assertThat(audit.search(new AuditLog.Filter(admin.id(), null, null, null, null, null), null, 5)).isEmpty();
    }

}
