package org.playerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Starting with the demo switched on: the newcomer's workspace is there and usable, and the
 * start-up log says which database PlayerDesk runs on. Its own context, started by this class, so
 * that the start-up log is there to read (the console crawl starts another one with the demo on).
 */
@SpringBootTest(properties = "playerdesk.demo=true")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DemoWorkspaceIntegrationTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Autowired
    GameCatalog games;
    @Autowired
    ApiKeys keys;
    @Autowired
    StaffDirectory staff;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TicketQueries tickets;
    @Autowired
    DataSource dataSource;
    @Autowired
    GameBackends backends;

    @Test
    void theNewcomersPagesOfTheDemoGameOpen() throws Exception {
        for (String page : new String[] { "/help/demo", "/help/demo/articles", "/chat/demo" }) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        }
        String chat = mvc.perform(get("/chat/demo").param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(chat).contains("data-lang=\"en\"", "data-signature=\"");
        assertThat(mvc.perform(get("/chat/demo").param("lang", "<script>")).andReturn().getResponse().getContentAsString())
                .contains("data-lang=\"zh-CN\"").doesNotContain("<script>\"");
    }

    @Autowired
    org.playerdesk.routing.RoutingSetup routing;

    @Test
    void theDemoGameRoutesTicketsThroughItsQueues() {
        GameInfo demo = games.byCode("demo").orElseThrow();

        assertThat(routing.queues(demo.id())).extracting(org.playerdesk.routing.QueueView::name)
                .containsExactly("二线处理", "充值问题", "一线综合");
        assertThat(routing.skills(staff.byUsername("agent2").orElseThrow().id()).weeklyShifts())
                .contains("mon 09:00-18:00");
    }

    @Autowired
    ChatDemo chatDemo;
    @Autowired
    org.playerdesk.chat.ChatRulebook chatRules;

    @Test
    void theDemoGamesChatSecretIsItsOwnAndAPublishedOneIsReplaced() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        org.playerdesk.chat.ChatIdentity probe = new org.playerdesk.chat.ChatIdentity("demo", "p", null, null, null, 0L,
                null);
        String published = probe.signedWith(ChatDemo.PUBLISHED_SECRET).signature();
        assertThat(chatRules.signForDemo(demo.id(), probe)).hasValueSatisfying(
                signed -> assertThat(signed.signature()).isNotEqualTo(published));

        var before = chatRules.rules(demo.id());
        chatRules.configure(demo.id(), ChatDemo.PUBLISHED_SECRET, before.guestsAllowed(), before.hoursFrom(),
                before.hoursTo(), before.timeZone(), before.maxWaitSeconds(), null);
        chatDemo.replacePublishedSecret(demo);

        assertThat(chatRules.signForDemo(demo.id(), probe)).hasValueSatisfying(
                signed -> assertThat(signed.signature()).isNotEqualTo(published));
        assertThat(chatRules.rules(demo.id()).guestsAllowed()).isEqualTo(before.guestsAllowed());
    }

    @Test
    void seedsTheDemoGameWithItsKey() {
        GameInfo demo = games.byCode("demo").orElseThrow();

        assertThat(keys.authenticate("demo-key")).hasValueSatisfying(client -> assertThat(client.gameId())
                .isEqualTo(demo.id()));
        // a short key's prefix would be the whole key: the console shows none
        assertThat(keys.all()).filteredOn(k -> k.gameId().equals(demo.id())).extracting(k -> k.prefix())
                .containsOnly("");
        assertThat(tickets.search(new TicketFilter(null, demo.id(), null, null, null, null, null, false, null, null,
                null, null), 0, 100).getContent()).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void theDemoGameIsServedByTheSimulatedGameWhoseAccountsAreTheTicketsPlayers() {
        GameInfo demo = games.byCode("demo").orElseThrow();

        assertThat(backends.connected(demo.id())).isTrue();
        assertThat(backends.of(demo.id()).profile("10001").nickname()).isEqualTo("夜雨听风");
        assertThat(tickets.search(new TicketFilter(null, demo.id(), null, null, null, null, null, false, null, null,
                null, null), 0, 100).getContent()).extracting(t -> t.type().code()).contains("scam");
        assertThat(tickets.search(new TicketFilter(null, demo.id(), null, null, null, null, null, false, null, null,
                null, null), 0, 100).getContent()).hasSizeGreaterThanOrEqualTo(13);
    }

    @Autowired
    org.playerdesk.knowledge.ArticleSearch articles;
    @Autowired
    org.playerdesk.knowledge.SimilarQuestions similarQuestions;

    @Test
    void theDemoHelpCentersArticlesCarryTheirSimilarQuestions() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        var stolen = articles.search(demo.id(), "zh-CN", "账号被盗怎么办", false, 1).getFirst();

        assertThat(stolen.title()).isEqualTo("账号被盗怎么办");
        assertThat(similarQuestions.of(stolen.id())).extracting(org.playerdesk.knowledge.SimilarQuestions.Question::text)
                .contains("号被人登了东西全没了", "someone logged into my account and took my stuff");
    }

    @Test
    void seedsTheFiveStaffAccountsWithTheDemoPassword() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        Map<String, StaffRole> roles = Map.of("admin", StaffRole.ADMIN, "lead", StaffRole.SUPERVISOR,
                "agent1", StaffRole.AGENT_L1, "agent2", StaffRole.AGENT_L2, "vip1", StaffRole.AGENT_VIP);

        roles.forEach((username, role) -> {
            StaffMember member = staff.byUsername(username).orElseThrow();
            assertThat(member.role()).as(username).isEqualTo(role);
            assertThat(member.serves(demo.id())).as(username + " serves the demo game").isTrue();
            UserDetails login = staff.loadUserByUsername(username);
            assertThat(passwords.matches("playerdesk", login.getPassword())).as(username + " signs in").isTrue();
            assertThat(login.isEnabled()).isTrue();
        });
        assertThat(staff.servingGame(demo.id())).extracting(StaffMember::username)
                .containsAll(Set.of("lead", "agent1", "agent2", "vip1"));
    }

    @Test
    void startUpLogNamesTheDatabase(CapturedOutput output) throws Exception {
        String product;
        String url;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName();
            url = meta.getURL();
        }

        assertThat(output).contains("Database: " + product);
        assertThat(output).containsAnyOf("Demo data: seeded the demo workspace", "Demo data: the demo workspace is already present");
        if (url.startsWith("jdbc:h2:")) {
            assertThat(output).contains("the embedded H2 database is meant for evaluation");
        } else {
            assertThat(output).doesNotContain("the embedded H2 database");
        }
    }

    @Autowired
    org.playerdesk.vip.VipService vip;

    @Test
    void vip1ManagesTheDemoGamesVipPlayers() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        java.util.UUID vip1 = staff.byUsername("vip1").orElseThrow().id();

        assertThat(vip.managerOf(demo.id(), "10008")).contains(vip1);
        assertThat(vip.inactiveValuable(demo.id())).extracting(i -> i.vip().accountId()).contains("10008");
    }

    @Test
    void theDemoHasAnUnansweredChatWhoseFirstResponseClockRuns() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        var chats = tickets.search(new TicketFilter(null, demo.id(), null, null, null,
                org.playerdesk.ticket.TicketChannel.CHAT, null, false, null, null, SlaDemo.SUBJECT,
                TicketFilter.Order.DUE), 0, 5).getContent();
        assertThat(chats).hasSize(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> tickets.head(chats.getFirst().id()).slaDueAt() != null);
        var chat = tickets.head(chats.getFirst().id());
        assertThat(java.time.Duration.between(chat.createdAt(), chat.slaDueAt())).isEqualTo(java.time.Duration.ofMinutes(5));
    }

    @Autowired
    org.playerdesk.department.Departments departments;
    @Autowired
    org.playerdesk.department.Transfers transfers;

    @Test
    void theDemoGameHasItsDepartmentsAndTech1HasAQuestionToAnswer() throws Exception {
        GameInfo demo = games.byCode("demo").orElseThrow();
        assertThat(departments.availableTo(demo.id())).extracting(org.playerdesk.department.DepartmentView::name)
                .contains("技术部", "运营部", "安全部", "财务部", "发货/履约");
        StaffMember tech1 = staff.byUsername("tech1").orElseThrow();

        assertThat(transfers.worklist(tech1.id())).singleElement().satisfies(question -> {
            assertThat(question.request().departmentName()).isEqualTo("安全部");
            assertThat(question.ticket().subject()).isEqualTo("举报玩家使用加速外挂");
            assertThat(question.ticket().status()).isEqualTo(org.playerdesk.ticket.TicketStatus.PENDING_INTERNAL);
        });
        String inbox = mvc.perform(get("/console/departments/inbox").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(new org.playerdesk.access.StaffUser(tech1, ""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("举报玩家使用加速外挂", "疾风一号");
    }

    @Autowired
    org.playerdesk.incident.Incidents incidents;

    @Test
    void theDemoGameHasAnOpenIncidentWithItsNoticeAndAStormProposalForTheLead() throws Exception {
        GameInfo demo = games.byCode("demo").orElseThrow();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> incidents
                .list(Set.of(demo.id()), Set.of(org.playerdesk.incident.IncidentStatus.PROPOSED), 0).getContent()
                .stream().anyMatch(i -> i.proposed() == 24));
        assertThat(incidents.list(Set.of(demo.id()), Set.of(org.playerdesk.incident.IncidentStatus.OPEN), 0)
                .getContent()).extracting(org.playerdesk.incident.IncidentView::linked).containsExactly(3L);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/help/demo"))
                .andReturn().getResponse().getContentAsString()).contains("data-testid=\"incident-notice\"", "部分玩家无法登录");
    }

    @Test
    void theDemoGameHasAnnouncementsInBothLanguagesOnItsHelpCenter() throws Exception {
        String chinese = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/help/demo").param("lang", "zh-CN")).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("data-testid=\"help-announcement\"", "全服停服维护公告", "冬至登录活动开启");
        String english = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/help/demo").param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Maintenance on all servers", "Winter solstice login event");
        assertThat(english.indexOf("Maintenance on all servers")).as("pinned first")
                .isLessThan(english.indexOf("Winter solstice login event"));
    }

    @Autowired
    org.playerdesk.enforcement.Enforcement enforcement;
    @Autowired
    org.playerdesk.enforcement.AccountActions actions;

    @Test
    void theDemoGameHasGmWorkAndTwoRequestsWaitingForTheLead() {
        GameInfo demo = games.byCode("demo").orElseThrow();
        StaffMember lead = staff.byUsername("lead").orElseThrow();

        assertThat(enforcement.recent(Set.of(demo.id()), 50)).extracting(v -> v.accountId())
                .contains("30001", "30002", "30003", "10050", "20002");
        assertThat(actions.awaitingApproval(lead)).filteredOn(a -> a.gameId().equals(demo.id()))
                .extracting(a -> a.kind().code() + " " + a.accountId())
                .containsExactlyInAnyOrder("ban 30001", "compensate 10001");
        assertThat(actions.requestedBy(staff.byUsername("vip1").orElseThrow().id(), 10))
                .extracting(a -> a.state().code()).containsExactly("rejected");
    }

    @Test
    void theQualityDeskHasTodaysDrawADisputeForTheLeadAndQa1ToScore() throws Exception {
        StaffMember lead = staff.byUsername("lead").orElseThrow();
        StaffMember qa1 = staff.byUsername("qa1").orElseThrow();
        StaffMember agent1 = staff.byUsername("agent1").orElseThrow();
        assertThat(qa1.role()).isEqualTo(StaffRole.QA);
        assertThat(qa1.serves(games.byCode("demo").orElseThrow().id())).isTrue();
        assertThat(passwords.matches("playerdesk", staff.loadUserByUsername("qa1").getPassword())).isTrue();

        // the day the demo drew (its "today" in the game's zone when it was seeded, which may be
        // yesterday by now: the suite's database keeps the first seeding)
        LocalDate drawn = jdbc.queryForObject("select draw_day from qa_draw where game_id = ? order by drawn_at fetch first 1 rows only",
                LocalDate.class, games.byCode("demo").orElseThrow().id());
        String desk = mvc.perform(get("/console/quality").param("game", "demo").param("day", drawn.toString())
                .with(user(new StaffUser(lead, ""))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(desk).contains("data-testid=\"sample\"", "data-testid=\"dispute\"", "data-testid=\"agent-result\"");
        String mine = mvc.perform(get("/console/quality/mine").with(user(new StaffUser(agent1, ""))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains("data-state=\"disputed\"");
    }

    @Test
    void vip1HasAFollowUpDueWithTheQuietVeteran() {
        GameInfo demo = games.byCode("demo").orElseThrow();

        assertThat(vip.dueFollowUps(Set.of(demo.id()), java.time.Instant.now().plus(java.time.Duration.ofDays(7))))
                .extracting(v -> v.accountId()).containsExactly("10008");
    }

    @Autowired
    org.playerdesk.workforce.Rosters rosters;

    @Test
    void theDemoTeamOnThreeShiftsHasSomeoneOnShiftAtEveryHourAndTheLeadSeesItsBoard() throws Exception {
        List<UUID> team = java.util.stream.Stream.of("shift1", "shift2", "shift3", "shift4")
                .map(u -> staff.byUsername(u).orElseThrow().id()).toList();
        for (int hour = 0; hour < 24; hour++) {
            java.time.Instant at = Instant.now().plus(java.time.Duration.ofHours(hour));
            assertThat(rosters.onDuty(at)).as("on duty in %d hours", hour).extracting(r -> r.staffId())
                    .containsAnyElementsOf(team);
        }
        StaffMember lead = staff.byUsername("lead").orElseThrow();
        String board = mvc.perform(get("/console/roster").with(user(new StaffUser(lead, ""))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(board).contains("小周（早晚班）", "早班", "data-testid=\"roster-swap\"");
    }

    @Autowired
    List<org.playerdesk.routing.WorkPause> pauses;

    @Test
    void theTraineeIsKeptFromLiveWorkByTheOnboardingGateAndNoOtherDemoAccountIs() throws Exception {
        List<UUID> demoStaff = java.util.stream.Stream.of("admin", "lead", "agent1", "agent2", "vip1", "tech1", "qa1",
                "shift1", "trainee").map(u -> staff.byUsername(u).orElseThrow().id()).toList();
        java.util.Set<UUID> paused = new java.util.HashSet<>();
        pauses.forEach(p -> paused.addAll(p.pausedAmong(demoStaff, Instant.now())));
        StaffMember trainee = staff.byUsername("trainee").orElseThrow();
        assertThat(paused).as("only the onboarding gate's new hire; nobody has chosen a presence yet")
                .containsExactly(trainee.id());
        StaffMember lead = staff.byUsername("lead").orElseThrow();
        String gate = mvc.perform(get("/console/training/gate").with(user(new StaffUser(lead, ""))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(gate).contains("小陈（新员工）", "data-blocked=\"true\"", "入职考试：服务规范", "打字测试");
    }
}
