package org.playerdesk.training.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The training pages: a lead defines a course and an exam through the forms (errors field by
 * field in both languages), a trainee reads, sits and evaluates, a new hire sees why they get no
 * live work; agents are refused the leads' pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class TrainingPagesTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    Teams teams;
    @Autowired
    OnboardingGate gate;
    @Autowired
    ExamSittings sittings;
    @Autowired
    MockMvc mvc;

    GameInfo game;
    StaffMember admin;
    StaffMember lead;
    StaffMember agent;
    UUID team;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        admin = workspace.staff(StaffRole.ADMIN);
        lead = workspace.staff(StaffRole.SUPERVISOR, game);
        agent = workspace.staff(StaffRole.AGENT_L1, game);
        team = teams.define(null, TestWorkspace.unique("新人组"), lead.id(), List.of(agent.id()), admin).id();
    }

    @Test
    void agentsAreRefusedTheLeadsPagesAndEveryoneHasTheirOwn() throws Exception {
        for (String page : List.of("/console/training/manage", "/console/training/gate", "/console/training/scoring")) {
            mvc.perform(get(page).with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(user(new StaffUser(lead, "")))).andExpect(status().isOk());
        }
        mvc.perform(post("/console/training/manage/courses").param("title", "新人培训").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
        mvc.perform(post("/console/training/gate/new-hires").param("staffId", agent.id().toString()).with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(status().isForbidden());
        assertThat(page(get("/console/training"), agent, Locale.ENGLISH)).contains("data-testid=\"training\"",
                "No course for you yet.").doesNotContain("data-testid=\"training-manage\"");
        assertThat(page(get("/console/training"), lead, Locale.SIMPLIFIED_CHINESE)).contains("课程与考试", "入职门槛");
        mvc.perform(get("/console/training/courses/" + UUID.randomUUID()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/training/attempts/not-an-id").with(user(new StaffUser(agent, ""))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theFormsRefuseBadInputFieldByFieldInBothLanguages() throws Exception {
        String english = mvc.perform(post("/console/training/manage/courses").param("title", " ")
                .param("articles", "退款流程").with(csrf()).with(user(new StaffUser(lead, ""))).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("data-testid=\"course-error-title\">Please write something.",
                "No article of the knowledge base is \u201c退款流程\u201d.",
                "Choose whom it is for: a role, a team or new hires.");
        String chinese = mvc.perform(post("/console/training/manage/courses").param("title", " ")
                .param("articles", "退款流程").with(csrf()).with(user(new StaffUser(lead, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(chinese).contains("知识库中没有“退款流程”这篇文章。", "请选择适用对象：角色、团队或新员工。");

        String exam = mvc.perform(post("/console/training/manage/exams").param("title", "打字测试").param("kind", "typing")
                .param("timeLimitMinutes", "五").param("passPercent", "101").param("roles", "agent_l1").with(csrf())
                .with(user(new StaffUser(lead, ""))).locale(Locale.ENGLISH)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(exam).contains("data-testid=\"exam-error-timeLimitMinutes\">This must be a whole number.");
        String chineseExam = mvc.perform(post("/console/training/manage/exams").param("title", "打字测试")
                .param("kind", "typing").param("timeLimitMinutes", "5").param("passPercent", "101")
                .param("roles", "agent_l1").with(csrf()).with(user(new StaffUser(lead, "")))
                .locale(Locale.SIMPLIFIED_CHINESE)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(chineseExam).contains("data-testid=\"exam-error-passPercent\">必须在 1 到 100 之间。",
                "data-testid=\"exam-error-typingText\">");
    }

    @Test
    void aLeadDefinesACourseAndAnExamAndATraineeReadsSitsAndEvaluates() throws Exception {
        UUID first = articles.publishInternal(game, "zh-CN", "退款流程", "先核实订单，再提交退款申请。");
        UUID second = articles.publish(game, "zh-CN", "服务用语", "您好，很高兴为您服务。");
        String created = mvc.perform(post("/console/training/manage/courses").param("title", "新人入职培训")
                .param("articles", "/console/knowledge/articles/" + first + "\n" + second)
                .param("teams", team.toString()).param("trainer", lead.id().toString()).with(csrf())
                .with(user(new StaffUser(lead, "")))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        String course = page(get(created), agent, Locale.SIMPLIFIED_CHINESE);
        assertThat(course).contains("新人入职培训", "退款流程", "服务用语", "已读 0 / 2",
                "培训师：" + lead.displayName());
        mvc.perform(post(created + "/articles/" + first + "/read").with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/console/training"), agent, Locale.ENGLISH)).contains("1 of 2 read");

        String invalid = mvc.perform(post(created + "/evaluation").param("content", "6").param("arrangement", "4")
                .with(csrf()).with(user(new StaffUser(agent, ""))).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("data-testid=\"evaluation-error-content\">This must be from 1 to 5.",
                "data-testid=\"evaluation-error-trainer\">This must be given.");
        mvc.perform(post(created + "/evaluation").param("content", "5").param("arrangement", "4").param("trainer", "4")
                .param("remark", "案例再多一些").with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(created), agent, Locale.ENGLISH)).contains("data-testid=\"evaluated\"");
        assertThat(page(get(created), lead, Locale.ENGLISH)).contains("Evaluations (1)", "案例再多一些",
                "data-testid=\"average-content\">5.0");
        // the trainer mark is the named trainer's: the leads see it among the trainers' marks
        String manage = page(get("/console/training/manage"), lead, Locale.ENGLISH);
        String row = manage.substring(manage.indexOf("data-testid=\"trainer-marks\""));
        assertThat(row).contains(lead.displayName(), "data-testid=\"trainer-mean\">4.0");
        String noTrainer = mvc.perform(post("/console/training/manage/courses").param("title", "另一门课")
                .param("articles", first.toString()).param("teams", team.toString())
                .param("trainer", UUID.randomUUID().toString()).with(csrf()).with(user(new StaffUser(lead, "")))
                .locale(Locale.ENGLISH)).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(noTrainer).contains("data-testid=\"course-error-trainer\">Choose a member of staff as the trainer.");

        String examUrl = mvc.perform(post("/console/training/manage/exams").param("title", "服务规范考试")
                .param("kind", "quiz").param("drawCount", "2").param("timeLimitMinutes", "15").param("passPercent", "50")
                .param("gate", "true").param("teams", team.toString()).with(csrf())
                .with(user(new StaffUser(lead, "")))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        String bad = mvc.perform(post(examUrl + "/questions").param("kind", "single").param("promptEn", "Which?")
                .param("promptZh", "哪个？").param("optionsEn", "A\nB").param("optionsZh", "甲\n乙").param("answer", "3")
                .param("points", "1").with(csrf()).with(user(new StaffUser(lead, ""))).locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Give the number of the one correct option (1 to 2).");
        mvc.perform(post(examUrl + "/questions").param("kind", "true_false")
                .param("promptEn", "Greet the player first.").param("promptZh", "先向玩家问好。").param("answer", "true")
                .param("points", "1").with(csrf()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(examUrl), lead, Locale.ENGLISH)).contains("Question bank (1)", "先向玩家问好。");

        gate.markNewHire(agent.id(), lead);
        assertThat(page(get("/console/training"), agent, Locale.ENGLISH)).contains("data-testid=\"gate-blocked\"",
                "服务规范考试");
        assertThat(page(get("/console/training/gate"), lead, Locale.SIMPLIFIED_CHINESE))
                .contains("data-blocked=\"true\"", "受限", "服务规范考试");

        UUID examId = UUID.fromString(examUrl.substring(examUrl.lastIndexOf('/') + 1));
        String attemptUrl = mvc.perform(post("/console/training/exams/" + examId + "/start").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        String sitting = page(get(attemptUrl), agent, Locale.ENGLISH);
        assertThat(sitting).contains("data-testid=\"attempt-form\"", "Greet the player first.");
        UUID question = sittings.attempt(UUID.fromString(attemptUrl.substring(attemptUrl.lastIndexOf('/') + 1)), agent)
                .questionIds().getFirst();
        mvc.perform(post(attemptUrl).param("q-" + question, "true").with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(attemptUrl), agent, Locale.SIMPLIFIED_CHINESE)).contains("data-status=\"passed\"",
                "得分 1 / 1");
        String twice = mvc.perform(post(attemptUrl).param("q-" + question, "false").with(csrf())
                .with(user(new StaffUser(agent, ""))).locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection()).andReturn()
                .getFlashMap().get("problem").toString();
        assertThat(twice).isEqualTo("This attempt was submitted already.");
        assertThat(page(get("/console/training"), agent, Locale.ENGLISH)).doesNotContain("data-testid=\"gate-blocked\"");
        assertThat(page(get("/console/training/gate"), lead, Locale.ENGLISH)).contains("data-blocked=\"false\"");
    }

    @Test
    void theTypingTestIsSatOnItsPageAndItsResultShowsTheSpeedAndAccuracyAndANewHiresNextIsRefused()
            throws Exception {
        String text = "您好，很高兴为您服务。请提供您的角色名和区服，我们马上为您查询充值记录。";
        String examUrl = mvc.perform(post("/console/training/manage/exams").param("title", "打字测试")
                .param("kind", "typing").param("timeLimitMinutes", "5").param("passPercent", "90")
                .param("typingText", text).param("typingMinCpm", "20").param("gate", "true")
                .param("teams", team.toString()).with(csrf()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID examId = UUID.fromString(examUrl.substring(examUrl.lastIndexOf('/') + 1));
        gate.markNewHire(agent.id(), lead);
        String refused = mvc.perform(post("/console/tickets/next").with(csrf()).with(user(new StaffUser(agent, "")))
                .locale(Locale.ENGLISH)).andExpect(status().is3xxRedirection()).andReturn().getFlashMap()
                .get("problem").toString();
        assertThat(refused).startsWith("You take no new tickets right now");

        String attemptUrl = mvc.perform(post("/console/training/exams/" + examId + "/start").with(csrf())
                .with(user(new StaffUser(agent, "")))).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(page(get(attemptUrl), agent, Locale.SIMPLIFIED_CHINESE)).contains("data-testid=\"typing-text\"",
                text, "每分钟至少 20 个正确字符");
        mvc.perform(post(attemptUrl).param("typed", text).with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().is3xxRedirection());
        String result = page(get(attemptUrl), agent, Locale.ENGLISH);
        assertThat(result).contains("data-status=\"passed\"", "data-testid=\"typing-speed\"",
                "data-testid=\"typing-accuracy\">100 % (at least 90 %)");
        mvc.perform(post("/console/tickets/next").with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getFlashMap().get("problem")).as("released").isNull());
    }

    @Test
    void aLeadAddsFilesToACourseThatOnlyItsTraineesDownloadAndAFileOfAnotherKindIsRefused() throws Exception {
        UUID article = articles.publishInternal(game, "zh-CN", "充值问题处理", "先核实订单号。");
        String course = mvc.perform(post("/console/training/manage/courses").param("title", "充值专项培训")
                .param("articles", article.toString()).param("teams", team.toString()).with(csrf())
                .with(user(new StaffUser(lead, "")))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(course + "/files").file(new MockMultipartFile("file", "../充值手册.pdf", "text/html", pdf))
                .with(csrf()).with(user(new StaffUser(lead, "")))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "training.notice.fileAdded"));
        // what the file is comes from its bytes, not from its name or the type the browser claims
        mvc.perform(multipart(course + "/files").file(new MockMultipartFile("file", "notes.pdf", "application/pdf",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).with(csrf())
                .with(user(new StaffUser(lead, ""))).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("problem",
                        org.hamcrest.Matchers.containsString("不支持此类文件")));
        mvc.perform(multipart(course + "/files").file(new MockMultipartFile("file", "slides.zip", "application/zip",
                new byte[] { 'P', 'K', 3, 4, 0, 0 })).with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());

        String page = page(get(course), agent, Locale.SIMPLIFIED_CHINESE);
        assertThat(page).contains("data-testid=\"course-file\"", "充值手册.pdf", "课程资料")
                .doesNotContain("notes.pdf", "data-testid=\"course-file-form\"", "data-testid=\"course-file-remove\"");
        String fileId = page.replaceFirst("(?s).*data-file=\"([0-9a-f-]{36})\".*", "$1");
        mvc.perform(get(course + "/files/" + fileId).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf)).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
        StaffMember outsider = workspace.staff(StaffRole.AGENT_L1, game);
        mvc.perform(get(course + "/files/" + fileId).with(user(new StaffUser(outsider, ""))))
                .andExpect(status().isNotFound());
        mvc.perform(post(course + "/files/" + fileId + "/remove").with(csrf()).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isForbidden());

        assertThat(page(get(course), lead, Locale.ENGLISH)).contains("data-testid=\"course-file-form\"");
        mvc.perform(post(course + "/files/" + fileId + "/remove").with(csrf()).with(user(new StaffUser(lead, ""))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get(course), agent, Locale.ENGLISH)).doesNotContain("data-testid=\"course-file\"")
                .contains("No files of its own");
        mvc.perform(get(course + "/files/" + fileId).with(user(new StaffUser(agent, ""))))
                .andExpect(status().isNotFound());
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember who, Locale locale) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(who, ""))).locale(locale)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
