package org.playerdesk.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.BenchTimings.loadAverage;
import static org.playerdesk.BenchTimings.ms;
import static org.playerdesk.BenchTimings.time;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
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

/**
 * The review board's benchmark: a team of 50 agents with a review in each month of the last
 * quarter (150 reviews, most shared, some acknowledged), as the team's lead opens the quarter
 * ({@code /console/reviews?team=…&quarter=…}: the controller, one read of the reviews, the audit
 * entry, the template), and the team's pay page of the quarter's last month, p50/p95/p99. Not part
 * of the test suite (its name does not end in Test): {@code bench/review-board} runs it (see
 * bench/README.md) and it writes bench/results/<date>-review-board.md. Target: the review page
 * under 300 ms at the 95th percentile.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ReviewBoardBenchmark {

    static final int AGENTS = 50;
    static final int WARM_UP = 30;
    static final int PAGES = 200;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Teams teams;
    @Autowired
    MonthlyReviews reviews;
    @Autowired
    MockMvc mvc;

    @Test
    void measure() throws Exception {
        String loadAtStart = loadAverage();
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        List<StaffMember> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(workspace.staff(StaffRole.AGENT_L1));
        }
        TeamView team = teams.define(null, TestWorkspace.unique("基准组"), lead.id(),
                agents.stream().map(StaffMember::id).toList(), admin);
        YearMonth thisMonth = reviews.thisMonth();
        YearMonth start = thisMonth.withMonth((thisMonth.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        String quarter = start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
        int n = 0;
        for (int m = 0; m < 3; m++) {
            List<Review> drafted = reviews.draft(agents.stream().map(StaffMember::id).toList(), start.plusMonths(m),
                    lead);
            for (Review review : drafted) {
                String mark = String.valueOf(1 + n++ % 5);
                reviews.assess(review.id(), new MonthlyReviews.Assessment(mark, "4", mark, "3", "5", "本月评语"), lead);
                if (n % 10 != 0) {
                    reviews.share(review.id(), lead);
                    if (n % 3 == 0) {
                        reviews.acknowledge(review.id(), "收到", agents.get((n - 1) % AGENTS));
                    }
                }
            }
        }

        StaffUser viewer = new StaffUser(lead, "");
        String first = board(team, quarter, viewer);
        assertThat(first.split("data-testid=\"review-row\"", -1).length - 1).isEqualTo(AGENTS);
        assertThat(first.split("data-testid=\"review-cell\"", -1).length - 1).isEqualTo(AGENTS * 3);
        // the team's members and the lead's own line
        assertThat(pay(start.plusMonths(2), viewer).split("data-testid=\"pay-line\"", -1).length - 1)
                .isEqualTo(AGENTS + 1);

        long[] boards = time(PAGES, WARM_UP, i -> board(team, quarter, viewer));
        long[] pays = time(PAGES, WARM_UP, i -> pay(start.plusMonths(2), viewer));
        String loadAtEnd = loadAverage();

        String commit = System.getProperty("bench.commit", "");
        String date = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String report = String.format(Locale.ROOT, """
                # Review board benchmark

                %s, commit %s; load average %s at the start, %s at the end; %d cores; embedded H2.

                Command: `bench/review-board` (runs `ReviewBoardBenchmark`, see bench/README.md).

                A team of %d agents, each with a review in every month of the quarter %s (%d reviews: nine in
                ten shared, a third of those acknowledged), as the team's lead opens
                `/console/reviews?team=…&quarter=%s` and the team's pay of %s; %d calls each, measured after
                %d not counted. Every page writes its audit entries, as in production.

                | measured | calls | p50 | p95 | p99 |
                | --- | --- | --- | --- | --- |
                | the review board (controller, one read of the quarter's reviews, audit, template) | %d | %.1f ms | %.1f ms | %.1f ms |
                | the team's pay page (the quarter's reviews, rules, teams; one audit entry per agent) | %d | %.1f ms | %.1f ms | %.1f ms |

                Target: the review page under 300 ms at the 95th percentile: %s.
                """, date, commit, loadAtStart, loadAtEnd, Runtime.getRuntime().availableProcessors(), AGENTS,
                quarter, AGENTS * 3, quarter, start.plusMonths(2), PAGES, WARM_UP, boards.length, ms(boards, 50),
                ms(boards, 95), ms(boards, 99), pays.length, ms(pays, 50), ms(pays, 95), ms(pays, 99),
                ms(boards, 95) < 300 ? "met" : "not met");
        Path out = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(out);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-review-board";
        Files.writeString(out.resolve(name + ".md"), report);
    }

    private String board(TeamView team, String quarter, StaffUser viewer) {
        return open(get("/console/reviews").param("team", team.id().toString()).param("quarter", quarter), viewer);
    }

    private String pay(YearMonth month, StaffUser viewer) {
        return open(get("/console/pay").param("month", month.toString()), viewer);
    }

    private String open(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            StaffUser viewer) {
        try {
            return mvc.perform(request.with(user(viewer)).locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
