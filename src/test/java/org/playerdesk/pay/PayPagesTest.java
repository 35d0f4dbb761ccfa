package org.playerdesk.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.review.MonthlyReviews;
import org.playerdesk.review.Review;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pay pages with reviews shared this month: who sees whose pay (an agent only their own), the
 * audit of every view, the rules changed for next month leaving this month as it was, the rules'
 * field errors in both languages, and the payroll export read back from CSV and Excel.
 * This month: Ada (marks 5/4/5, result 93: 1,500.00; bonus marks 12: 640.00) and Bo (all 3s,
 * result 60: 300.00; bonus marks 9: 480.00) in one team: results 1,800.00, team award 180.00, 90.00 each.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class PayPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    Teams teams;
    @Autowired
    MonthlyReviews reviews;
    @Autowired
    AuditLog audit;

    StaffMember admin;
    StaffMember lead;
    StaffMember ada;
    StaffMember bo;
    StaffMember outsider;
    TeamView team;
    YearMonth month;

    @BeforeEach
    void aMonthReviewed() {
        admin = workspace.staff(StaffRole.ADMIN);
        lead = workspace.staff(StaffRole.AGENT_L2);
        ada = workspace.staff(StaffRole.AGENT_L1);
        bo = workspace.staff(StaffRole.AGENT_L1);
        outsider = workspace.staff(StaffRole.AGENT_L1);
        team = teams.define(null, TestWorkspace.unique("晚班"), lead.id(), List.of(ada.id(), bo.id()), admin);
        month = reviews.thisMonth();
        List<Review> drafted = reviews.draft(List.of(ada.id(), bo.id()), month, lead);
        reviews.assess(drafted.get(0).id(), new MonthlyReviews.Assessment("5", "4", "5", "4", "3", null), lead);
        reviews.share(drafted.get(0).id(), lead);
        reviews.assess(drafted.get(1).id(), new MonthlyReviews.Assessment("3", "3", "3", "3", "3", null), lead);
        reviews.share(drafted.get(1).id(), lead);
    }

    @Test
    void anAgentSeesOnlyTheirOwnPayAndEveryViewIsAudited() throws Exception {
        String own = page(get("/console/pay").param("month", month.toString()), ada, Locale.ENGLISH);
        assertThat(line(own, ada)).contains("4,000.00").contains("1,500.00").contains("640.00").contains("90.00")
                .contains("6,230.00");
        assertThat(own).doesNotContain("data-agent=\"" + bo.id() + "\"").doesNotContain("data-testid=\"pay-teams\"")
                .doesNotContain("pay-export-csv").contains("data-testid=\"nav-pay\"");

        for (String refused : List.of("/console/pay?agent=" + bo.id(), "/console/pay/ranking", "/console/pay/rules",
                "/console/pay/export?format=csv")) {
            mvc.perform(get(refused).with(user(new StaffUser(ada, "")))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/pay").param("agent", ada.id().toString()).with(user(new StaffUser(outsider, ""))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/pay/excellent").param("month", month.toString()).param("kind", "employee")
                .param("subject", ada.id().toString()).with(user(new StaffUser(lead, ""))).with(csrf()))
                .andExpect(status().isForbidden());

        // the team's lead sees their members and the team's awards, no one else
        String led = page(get("/console/pay").param("month", month.toString()), lead, Locale.ENGLISH);
        assertThat(line(led, bo)).contains("300.00").contains("480.00").contains("4,870.00");
        assertThat(led).contains("data-agent=\"" + ada.id() + "\"").doesNotContain("data-agent=\"" + outsider.id() + "\"")
                .contains("data-team=\"" + team.id() + "\"").contains("180.00");

        // a supervisor, with the pay permission, sees everyone, in Chinese too
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        String all = page(get("/console/pay").param("month", month.toString()), supervisor, Locale.SIMPLIFIED_CHINESE);
        assertThat(all).contains("data-agent=\"" + outsider.id() + "\"").contains("绩效工资").contains("团队进步奖励");
        assertThat(line(all, outsider)).contains("未考核").contains("4,000.00");

        assertThat(audit.about("staff", ada.id().toString(), 50)).filteredOn(e -> e.action().equals("pay.view"))
                .extracting(AuditLog.Entry::actorId).contains(ada.id(), lead.id(), supervisor.id());
    }

    @Test
    void theQuartersRankingHelpsTheLeadPickTheExcellentEmployee() throws Exception {
        String ranking = page(get("/console/pay/ranking").param("month", month.toString()), admin, Locale.ENGLISH);
        assertThat(ranking.indexOf("data-agent=\"" + ada.id() + "\"")).isPositive()
                .isLessThan(ranking.indexOf("data-agent=\"" + bo.id() + "\""));
        mvc.perform(post("/console/pay/excellent").param("month", month.toString()).param("kind", "employee")
                .param("subject", ada.id().toString()).with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "pay.excellent.picked"));
        assertThat(page(get("/console/pay/ranking").param("month", month.toString()), admin, Locale.ENGLISH))
                .contains("Picked (take back)");
    }

    @Test
    void aMonthIsComputedWithTheRulesInForceThenAfterTheRulesChanged() throws Exception {
        YearMonth next = month.plusMonths(1);
        mvc.perform(post("/console/pay/rules").param("from", next.toString()).param("baseSalary", "4200")
                .param("bands", "90:1800\n60:300").param("bonusMax", "800").param("excellentEmployee", "20")
                .param("teamAward", "10").param("teamImprovement", "10").param("excellentTeam", "20")
                .with(user(new StaffUser(admin, ""))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "pay.rules.saved"));

        String thisMonth = page(get("/console/pay").param("month", month.toString()), admin, Locale.ENGLISH);
        assertThat(line(thisMonth, ada)).contains("4,000.00").contains("1,500.00").contains("6,230.00");
        assertThat(thisMonth).contains("rules of version 1");
        String nextMonth = page(get("/console/pay").param("month", next.toString()), admin, Locale.ENGLISH);
        assertThat(line(nextMonth, ada)).contains("4,200.00").contains("no review");
        assertThat(nextMonth).doesNotContain("rules of version 1 ");
        assertThat(page(get("/console/pay/rules"), admin, Locale.ENGLISH)).contains("data-testid=\"pay-version\"")
                .contains("90 and over: 1,800.00");
    }

    @Test
    void theRulesAreCheckedFieldByFieldInBothLanguages() throws Exception {
        MockHttpServletRequestBuilder bad = post("/console/pay/rules").param("from", month.minusMonths(1).toString())
                .param("baseSalary", "four thousand").param("bands", "90-1500").param("bonusMax", "-1")
                .param("excellentEmployee", "120").param("teamAward", "10").param("teamImprovement", "10.555")
                .param("excellentTeam", "20");
        String english = page(bad, admin, Locale.ENGLISH);
        assertThat(english).contains("A month gone by keeps its rules: choose " + month + " or later.")
                .contains("This must be an amount of at least 0 with at most two decimals")
                .contains("Write one \u201clowest result:amount\u201d".replace("\u201c", "&quot;").replace("\u201d", ""))
                .contains("This must be a percentage from 0 to 100 with at most two decimals.")
                .contains("data-testid=\"error-baseSalary\"").contains("value=\"four thousand\"");
        String chinese = page(bad, admin, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).contains("已过去的月份保留原规则").contains("请填写不小于 0、最多两位小数的金额")
                .contains("每行一条「最低分:金额」").contains("请填写 0 到 100 之间、最多两位小数的百分比。");
    }

    @Test
    void thePayrollExportReadsBackFromCsvAndExcel() throws Exception {
        byte[] csv = mvc.perform(get("/console/pay/export").param("month", month.toString()).param("format", "csv")
                .with(user(new StaffUser(admin, ""))).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records.getFirst().toList()).startsWith("Agent", "User name", "Month", "Currency", "Result", "Base salary");
        assertThat(records.getFirst().get(1)).isEqualTo("User name");
        CSVRecord row = records.stream().filter(r -> r.get(1).equals(ada.username())).findFirst().orElseThrow();
        assertThat(row.toList()).containsExactly(ada.displayName(), ada.username(), month.toString(), "CNY", "93", "4000.00", "1500.00",
                "640.00", "0.00", "90.00", "0.00", "0.00", "6230.00", row.get(13), "1");

        byte[] xlsx = mvc.perform(get("/console/pay/export").param("month", month.toString()).param("format", "xlsx")
                .with(user(new StaffUser(admin, ""))).locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("基本工资");
            Row bos = null;
            for (Row r : sheet) {
                if (r.getCell(1).getStringCellValue().equals(bo.username())) {
                    bos = r;
                }
            }
            assertThat(bos).isNotNull();
            assertThat(bos.getCell(6).getNumericCellValue()).isEqualTo(300.0);
            assertThat(bos.getCell(7).getNumericCellValue()).isEqualTo(480.0);
            assertThat(bos.getCell(12).getNumericCellValue()).isEqualTo(4870.0);
        }
        assertThat(audit.about("staff", bo.id().toString(), 50)).extracting(AuditLog.Entry::action).contains("pay.view");
    }

    private static String line(String page, StaffMember agent) {
        int start = page.indexOf("data-agent=\"" + agent.id() + "\"");
        assertThat(start).as("a line of " + agent.displayName()).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember as, Locale locale) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(as, ""))).with(csrf()).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
