package org.playerdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The monthly review as a team's lead and an agent go through it: drafting the month, marking it
 * (field by field errors in both languages), sharing it, the agent acknowledging it; who may see
 * and change what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class ReviewPagesTest {

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

    @Test
    void aLeadDraftsMarksAndSharesAndTheAgentAcknowledgesOnce() throws Exception {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L1);
        TeamView team = teams.define(null, TestWorkspace.unique("白班"), lead.id(), List.of(agent.id(), colleague.id()),
                admin);
        YearMonth month = reviews.thisMonth();

        mvc.perform(post("/console/reviews/draft").param("team", team.id().toString()).param("month", month.toString())
                .with(user(new StaffUser(lead, ""))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "review.drafted"));
        String board = page(get("/console/reviews").param("team", team.id().toString()), lead, Locale.ENGLISH);
        assertThat(board).contains("data-agent=\"" + agent.id() + "\"").contains("data-agent=\"" + colleague.id() + "\"")
                .contains("Draft").doesNotContain("data-agent=\"" + lead.id() + "\"");
        Review draft = reviews.counted(month, month).stream().filter(r -> r.agentId().equals(agent.id())).findFirst()
                .orElse(null);
        assertThat(draft).as("a draft does not count").isNull();
        Review review = reviews.draft(List.of(agent.id()), month, lead).getFirst();
        assertThat(review.state()).isEqualTo(ReviewState.DRAFT);

        // the agent does not see their draft; a colleague never sees it
        mvc.perform(get("/console/reviews/" + review.id()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/reviews/draft").param("team", team.id().toString()).param("month", month.toString())
                .with(user(new StaffUser(agent, ""))).with(csrf())).andExpect(status().isForbidden());

        // marks checked field by field, in the reader's language
        String wrong = page(post("/console/reviews/" + review.id() + "/assess").param("attitude", "7")
                .param("ability", "four").param("quality", "").param("satisfaction", "3").param("teamwork", "3")
                .param("comment", "x".repeat(2001)), lead, Locale.ENGLISH);
        assertThat(wrong).contains("This must be from 1 to 5.").contains("This must be a whole number.")
                .contains("This must be given.").contains("This is too long: at most 2,000 characters.")
                .contains("value=\"7\"").contains("value=\"four\"");
        String chinese = page(post("/console/reviews/" + review.id() + "/assess").param("attitude", "0")
                .param("ability", "four").param("quality", "").param("satisfaction", "3").param("teamwork", "3"),
                lead, Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).contains("必须在 1 到 5 之间。").contains("必须是整数。").contains("此项必须填写。")
                .contains("工作态度").contains("业务能力");

        mvc.perform(post("/console/reviews/" + review.id() + "/assess").param("attitude", "5").param("ability", "4")
                .param("quality", "5").param("satisfaction", "4").param("teamwork", "3").param("comment", "本月表现稳定")
                .param("share", "1").with(user(new StaffUser(lead, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "review.shared"));
        Review shared = reviews.counted(month, month).stream().filter(r -> r.id().equals(review.id())).findFirst()
                .orElseThrow();
        // no figures this month: the result is the marks' part, 14 of 15
        assertThat(shared.result()).isEqualTo(93);
        assertThat(shared.bonusPoints()).isEqualTo(12);

        // a shared review is not changed
        mvc.perform(post("/console/reviews/" + review.id() + "/assess").param("attitude", "1").param("ability", "1")
                .param("quality", "1").param("satisfaction", "1").param("teamwork", "1")
                .with(user(new StaffUser(lead, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "The review was shared already and is not changed."));

        String mine = page(get("/console/reviews/" + review.id()), agent, Locale.ENGLISH);
        assertThat(mine).contains("data-testid=\"review-acknowledge-form\"").contains("本月表现稳定")
                .contains("result 93 of 100");
        mvc.perform(get("/console/reviews/" + review.id()).with(user(new StaffUser(colleague, ""))))
                .andExpect(status().isNotFound());
        assertThat(page(get("/console/reviews"), agent, Locale.ENGLISH)).contains("data-testid=\"review-mine\"")
                .contains(month.toString());

        assertThat(page(post("/console/reviews/" + review.id() + "/acknowledge").param("comment", "y".repeat(2001)),
                agent, Locale.SIMPLIFIED_CHINESE)).contains("内容过长：最多 2,000 个字符。");
        mvc.perform(post("/console/reviews/" + review.id() + "/acknowledge").param("comment", "收到，会继续努力")
                .with(user(new StaffUser(agent, ""))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "review.acknowledgedNotice"));
        mvc.perform(post("/console/reviews/" + review.id() + "/acknowledge").param("comment", "again")
                .with(user(new StaffUser(agent, ""))).with(csrf()).locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "The review was acknowledged already."));
        String acknowledged = page(get("/console/reviews/" + review.id()), lead, Locale.ENGLISH);
        assertThat(acknowledged).contains("data-state=\"acknowledged\"").contains("收到，会继续努力")
                .doesNotContain("review-acknowledge-form").doesNotContain("data-testid=\"review-form\"")
                .contains("<dd class=\"col-sm-7\">4</dd>").contains("<dd class=\"col-sm-7\">3</dd>");

        assertThat(audit.about("staff", agent.id().toString(), 20)).extracting(AuditLog.Entry::action)
                .contains("review.draft", "review.assess", "review.share", "review.view", "review.acknowledge");
    }

    @Test
    void aMonthNotBegunIsNotDraftedAndTheBoardIsTheLeadsOnly() throws Exception {
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1);
        YearMonth next = reviews.thisMonth().plusMonths(1);
        mvc.perform(post("/console/reviews/draft").param("month", next.toString())
                .with(user(new StaffUser(supervisor, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem",
                        "Month: A month that has not begun is not reviewed yet."));
        assertThat(page(get("/console/reviews"), supervisor, Locale.ENGLISH)).contains("data-testid=\"review-board\"")
                .contains("data-agent=\"" + agent.id() + "\"");
        assertThat(page(get("/console/reviews"), agent, Locale.ENGLISH)).contains("No review has been shared with you yet.")
                .doesNotContain("review-board");
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember as, Locale locale) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(as, ""))).with(csrf()).locale(locale))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
