package org.playerdesk.system.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.playbook.PlaybookView;
import org.playerdesk.playbook.Playbooks;
import org.playerdesk.vip.VipService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Forms sent back with everything wrong that they can be wrong about, once in English and once in
 * Chinese: every error is shown, and in the page's language. An English page shows no Chinese; a
 * Chinese page shows no English prose (codes, examples and numbers may stand in a sentence; two
 * English words in a row may not). The API's problem details follow Accept-Language the same way,
 * with the field names left as they are.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class FormErrorsInBothLanguagesTest {

    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");
    private static final Pattern LATIN_PROSE = Pattern.compile("\\b[A-Za-z]{2,}\\s+[A-Za-z]{2,}\\b");
    /** An error beside its field ({@code data-testid="error-subject"}) or in a list naming it ({@code data-field}). */
    private static final Pattern SHOWN_ERROR = Pattern.compile(
            "<(\\w+)[^>]*(?:data-testid=\"error-([^\"]*)\"|data-field=\"([^\"]*)\")[^>]*>([^<]*)</\\1>");
    /** An error the way the design system marks it beside its field. */
    private static final Pattern SHOWN_FEEDBACK = Pattern.compile(
            "<(\\w+)[^>]*(?:class=\"[^\"]*\\binvalid-feedback\\b[^\"]*\"|class=\"text-danger small\")[^>]*>([^<]*)</\\1>");
    /** A refusal a redirecting form leaves for the page it leads back to (the flash attribute {@code problem}). */
    private static final Pattern SHOWN_PROBLEM = Pattern.compile(
            "<div class=\"alert alert-danger\" role=\"alert\"[^>]*>([^<]*)</div>");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    Playbooks playbooks;
    @Autowired
    VipService vip;
    @Autowired
    MessageSource messages;

    /** An error as a page shows it: the field it is shown at, and its text. */
    record Shown(String field, String text) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theHelpCentersTicketForm(String language) throws Exception {
        GameInfo game = workspace.game();
        List<String> errors = new ArrayList<>(shown(multipart("/help/{game}/tickets", game.code()).with(csrf()),
                language));
        errors.addAll(shown(multipart("/help/{game}/tickets", game.code()).with(csrf())
                .param("type", "refund_me_now").param("subject", "s".repeat(500))
                .param("description", "第一行\u0007响铃").param("accountId", "acc-1").param("email", "not-an-email"),
                language));

        assertThat(errors).hasSizeGreaterThanOrEqualTo(8);
        inLanguage(errors, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theServiceLevelForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser lead = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        List<Shown> policy = shownByField(post("/console/sla/policy").param("game", game.code())
                .param("name", " ").param("channel", "fax").param("minTier", "platinum")
                .param("firstResponseMinutes", "abc").param("resolutionMinutes", "0").param("warningPercent", "150")
                .param("calendarId", UUID.randomUUID().toString()).param("breachActions", "call_the_police")
                .with(user(lead)).with(csrf()), language);
        List<Shown> calendar = shownByField(post("/console/sla/calendar").param("game", game.code()).param("name", "")
                .param("timeZone", "Mars/Olympus").param("hours.mon", "9 to 6").param("hours.tue", "18:00-09:00")
                .param("holidays", "2026-13-01").with(user(lead)).with(csrf()), language);

        assertThat(policy).extracting(Shown::field).containsExactlyInAnyOrder("name", "channel", "minTier",
                "firstResponseMinutes", "resolutionMinutes", "warningPercent", "calendarId", "breachActions");
        assertThat(calendar).extracting(Shown::field).containsExactlyInAnyOrder("name", "timeZone", "hours.mon",
                "hours.tue", "holidays");
        inLanguage(texts(policy), language);
        inLanguage(texts(calendar), language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theChatSettingsAndTheAutomationRuleForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        List<Shown> chat = shownByField(post("/console/chat/settings/{game}", game.id())
                .param("secret", "short").param("hoursFrom", "25:99").param("timeZone", "Mars/Base")
                .param("maxWaitSeconds", "5").param("closedDays", "someday").with(user(admin)).with(csrf()),
                language);
        List<Shown> rule = shownByField(post("/console/admin/automation/rules").param("game", game.code())
                .param("name", "").param("trigger", "sometimes").param("channels", "carrier-pigeon")
                .param("tagsPresent", "bad!tag").param("vipTiers", "platinum").param("hourFrom", "soon")
                .param("hourTo", "3").param("words", "a very long phrase ".repeat(10))
                .param("actionKind", "set_status", "assign", "add_note")
                .param("actionValue", "done", "nobody", " ")
                .with(user(admin)).with(csrf()), language);

        assertThat(chat).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rule).extracting(Shown::field).containsExactly("name", "trigger", "conditions.channels",
                "conditions.tagsPresent", "conditions.words", "conditions.vipTiers", "conditions.hourFrom",
                "actions[0].value", "actions[1].value", "actions[2].value");
        inLanguage(texts(chat), language);
        inLanguage(texts(rule), language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theRoutingForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser lead = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        List<String> problems = new ArrayList<>(problemShown(post("/console/routing/queues")
                .param("game", game.id().toString()).param("name", " ").param("position", "0")
                .param("strategy", "fastest").param("channel", "pigeon").param("type", "gripe")
                .param("language", "chinese").param("vipTier", "platinum").param("level", "top")
                .param("requiredTier", "l9").param("members", UUID.randomUUID().toString()), lead, language));
        problems.addAll(problemShown(post("/console/routing/agents/{staff}", agent.id())
                .param("game", game.id().toString()).param("tier", "boss").param("languages", "中文")
                .param("capacity", "500").param("timeZone", "Mars/Base").param("weeklyShifts", "someday 8-9")
                .param("exceptions", "2026-13-01 leave"), lead, language));
        problems.addAll(problemShown(post("/console/routing/path").param("game", game.id().toString())
                .param("levels", "first_line, boss, first_line"), admin, language));
        problems.addAll(problemShown(post("/console/routing/path").param("game", game.id().toString())
                .param("levels", "second_line"), admin, language));

        assertThat(problems).hasSize(4);
        // each field under the routing page's own label, never one another page gave the same name
        namingAs("routing.field.", problems.get(0), language, "name", "position", "strategy", "channel", "type",
                "language", "vipTier", "level", "requiredTier", "members");
        assertThat(problems.get(0)).contains("gripe").doesNotContain(
                messages.getMessage("gm.field.type", null, Locale.forLanguageTag(language)));
        namingAs("routing.field.", problems.get(1), language, "tier", "languages", "capacity", "timeZone",
                "weeklyShifts", "exceptions");
        assertThat(problems.get(1)).contains("boss");
        namingAs("routing.field.", problems.get(2), language, "levels");
        assertThat(problems.get(2)).contains("boss",
                messages.getMessage("ticket.level.first_line", null, Locale.forLanguageTag(language)));
        namingAs("routing.field.", problems.get(3), language, "levels");
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theKnowledgeArticleAndCategoryForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        List<String> errors = new ArrayList<>(shown(post("/console/knowledge/articles").param("game", game.code())
                .param("locale", "").param("audience", "everyone").param("categoryId", "none-of-these")
                .param("title", "t".repeat(201)).param("body", "正文\u0001").param("related", "not-an-id")
                .with(user(agent)).with(csrf()), language));
        // a category and related articles that are not the game's are found out once the rest is right
        errors.addAll(shown(post("/console/knowledge/articles").param("game", game.code()).param("locale", "en")
                .param("audience", "public").param("categoryId", UUID.randomUUID().toString()).param("title", "t")
                .param("body", "b").param("related", UUID.randomUUID().toString()).with(user(agent)).with(csrf()),
                language));
        List<String> problems = problemShown(post("/console/knowledge/categories").param("game", game.code())
                .param("name", " "), agent, language);

        assertThat(errors).hasSize(8);
        assertThat(problems).hasSize(1);
        inLanguage(errors, language);
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theReplyKitForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        List<String> problems = new ArrayList<>(problemShown(post("/console/knowledge/replies")
                .param("game", game.code()).param("stage", "shouting").param("title", "t".repeat(81))
                .param("body", "\u0007"), admin, language));
        problems.addAll(problemShown(post("/console/knowledge/macros").param("game", game.code()).param("name", "")
                .param("reply", " ").param("status", "done").param("type", "whatever").param("priority", "asap")
                .param("tags", "<b>"), admin, language));
        problems.addAll(problemShown(post("/console/knowledge/forbidden").param("game", game.code())
                .param("phrases", "长".repeat(101)), admin, language));

        assertThat(problems).hasSize(3);
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void thePlaybookEditorForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        PlaybookView playbook = playbooks.of(game.id()).getFirst();
        List<String> problems = new ArrayList<>(problemShown(post("/console/admin/playbooks/{id}", playbook.id())
                .param("ticketType", "riddle").param("title", " ").param("notice", "告示\u0001"), admin, language));
        problems.addAll(problemShown(post("/console/admin/playbooks/{id}/steps", playbook.id())
                .param("title", "t".repeat(201)).param("instructions", "说明\u0001").param("data", "horoscope")
                .param("action", "smite").param("windowHours", "0"), admin, language));

        assertThat(problems).hasSize(2);
        naming(problems.get(0), language, "ticketType", "title", "notice");
        naming(problems.get(1), language, "title", "instructions", "data", "action", "windowHours");
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void thePlayerProfileForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        UUID player = workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().playerId();
        List<String> errors = new ArrayList<>(shown(post("/console/players/{id}/tags", player)
                .param("tag", "<guild leader>").with(user(agent)).with(csrf()), language));
        errors.addAll(shown(post("/console/players/{id}/notes", player).param("body", " ").with(user(agent))
                .with(csrf()), language));

        assertThat(errors).hasSize(2);
        inLanguage(errors, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theVipForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffUser supervisor = new StaffUser(lead, "");
        UUID player = vip.assignManager(game.id(), TestWorkspace.unique("vip"), null, lead).id();
        List<String> problems = new ArrayList<>(problemShown(post("/console/vip/players")
                .param("game", game.id().toString()).param("account", " ")
                .param("manager", UUID.randomUUID().toString()), supervisor, language));
        problems.addAll(problemShown(post("/console/vip/players/{id}/follow-ups", player).param("outcome", "")
                .param("satisfaction", "9").param("notes", "备注\u0001"), supervisor, language));

        assertThat(problems).hasSize(2);
        naming(problems.get(0), language, "accountId", "manager");
        naming(problems.get(1), language, "outcome", "notes", "satisfaction");
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theDepartmentFormsAndAQuestionToADepartment(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        List<String> created = feedbackShown(post("/console/admin/departments").param("game", "not-a-game")
                .param("code", "bad code!").param("name", " ").param("delivery", "fax").param("email", "nobody")
                .param("webhookUrl", "ftp://example.com").param("answerHours", "0").param("members", "not-an-id")
                .with(user(admin)).with(csrf()), language);
        List<String> webhook = feedbackShown(post("/console/admin/departments").param("game", game.id().toString())
                .param("code", TestWorkspace.unique("d")).param("name", "名\u0007").param("delivery", "webhook")
                .param("webhookUrl", "not a url").param("answerHours", "many").with(user(admin)).with(csrf()),
                language);
        UUID ticket = workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id();
        List<String> asked = problemShown(post("/console/tickets/{id}/departments", ticket).param("department", "")
                .param("question", " "), agent, language);

        assertThat(created).hasSize(7);
        assertThat(webhook).hasSize(4);
        assertThat(asked).hasSize(1);
        naming(asked.getFirst(), language, "department", "question");
        inLanguage(created, language);
        inLanguage(webhook, language);
        inLanguage(asked, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theGameAndConnectorForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        List<String> registered = feedbackShown(post("/console/admin/games").param("code", "Bad Code!")
                .param("name", " ").param("defaultLocale", "klingon").param("timeZone", "Mars/Base")
                .param("businessHours", "sometimes").param("channels", "pigeon").with(user(admin)).with(csrf()),
                language);
        List<String> changed = feedbackShown(post("/console/admin/games/{id}/profile", game.id())
                .param("name", "n".repeat(201)).param("defaultLocale", "").param("timeZone", "")
                .param("businessHours", "").with(user(admin)).with(csrf()), language);
        List<String> connector = feedbackShown(post("/console/admin/games/{id}", game.id()).param("kind", "carrier")
                .param("baseUrl", "ftp://example.com").param("secret", "short").param("connectTimeoutMs", "0")
                .param("readTimeoutMs", "9999999").with(user(admin)).with(csrf()), language);
        List<String> timeout = feedbackShown(post("/console/admin/games/{id}", game.id()).param("kind", "http")
                .param("baseUrl", "https://example.com").param("connectTimeoutMs", "soon").with(user(admin))
                .with(csrf()), language);

        assertThat(registered).hasSize(5);
        assertThat(changed).hasSize(4);
        assertThat(connector).hasSize(5);
        assertThat(timeout).hasSize(1);
        inLanguage(registered, language);
        inLanguage(changed, language);
        inLanguage(connector, language);
        inLanguage(timeout, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theStaffEnrolmentAndApiKeyForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        // the role and the games are read first, then the rest
        List<String> roleAndGames = feedbackShown(post("/console/admin/staff").param("username", "someone")
                .param("displayName", "Someone").param("password", "a-good-long-password").param("role", "boss")
                .param("locale", "zh-CN").param("games", "not-a-game").with(user(admin)).with(csrf()), language);
        List<String> enrolment = feedbackShown(post("/console/admin/staff").param("username", "bad name!")
                .param("displayName", " ").param("password", "short").param("role", "agent_l1")
                .param("locale", "klingon").with(user(admin)).with(csrf()), language);
        List<String> apiKey = feedbackShown(post("/console/admin/api-keys").param("gameId", "not-a-game")
                .param("name", "名".repeat(101)).with(user(admin)).with(csrf()), language);

        assertThat(roleAndGames).hasSize(2);
        assertThat(enrolment).hasSize(3);
        assertThat(apiKey).hasSize(2);
        inLanguage(roleAndGames, language);
        inLanguage(enrolment, language);
        inLanguage(apiKey, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theGmForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        StaffUser gm = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        UUID ticket = workspace.ticket(game, TestWorkspace.unique("p"), "bug").ticket().id();
        // a group is reviewed with the game's data, so the page the sanction leads back to can show it
        GameInfo connected = workspace.simulatedGame();
        StaffUser connectedGm = new StaffUser(workspace.staff(StaffRole.AGENT_L1, connected), "");
        List<String> problems = new ArrayList<>(problemShown(post("/console/gm/violations")
                .param("game", game.id().toString()).param("account", "a".repeat(200)).param("type", "nosuch")
                .param("severity", "apocalyptic").param("note", "备注\u0007"), gm, language));
        problems.addAll(problemShown(post("/console/gm/types").param("game", game.id().toString()).param("code", " ")
                .param("name", "").param("ladderPenalty", "smite", "").param("ladderDays", "", "")
                .param("partnerPenalty", "ban", "").param("partnerDays", "forever", "")
                .param("minorStart", "0").param("normalStart", "99").param("severeStart", "soon"), admin, language));
        problems.addAll(problemShown(post("/console/gm/groups").param("game", connected.id().toString())
                .param("account", "30001").param("accounts", "30000", "someone-else").param("type", "nosuch")
                .param("severity", "apocalyptic").param("note", "备注\u0007").param("requestKey", "!!"),
                connectedGm, language));
        problems.addAll(problemShown(post("/console/tickets/{id}/account-actions", ticket).param("kind", "smite")
                .param("amount", "0").param("days", "99999").param("reason", "理由\u0007")
                .param("requestKey", "!!").param("currency", "beads"), gm, language));
        problems.addAll(problemShown(post("/console/tickets/{id}/account-actions", ticket).param("kind", "ban")
                .param("amount", "lots").param("reason", "理由"), gm, language));

        assertThat(problems).hasSize(5);
        namingAs("gm.field.", problems.get(0), language, "accountId", "note", "type", "severity");
        namingAs("gm.field.", problems.get(1), language, "code", "name", "ladder", "partnerLadder", "minorStart",
                "normalStart", "severeStart");
        namingAs("gm.field.", problems.get(2), language, "note", "type", "severity", "requestKey");
        naming(problems.get(3), language, "kind", "reason", "requestKey");
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theIncidentForms(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser lead = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        List<String> refusals = new ArrayList<>(refusalShown(post("/console/incidents")
                .param("game", game.id().toString()).param("title", " ").param("description", "说明\u0001")
                .param("servers", "s".repeat(1001)).param("noticeZh", "告示\u0001")
                .param("noticeEn", "n".repeat(5001)), lead, language));
        String incident = mvc.perform(post("/console/incidents").param("game", game.id().toString())
                .param("title", "登录失败").with(user(lead)).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl();
        refusals.addAll(refusalShown(post(incident + "/replies").param("message", " "), lead, language));
        refusals.addAll(refusalShown(post(incident).param("title", "t".repeat(201)), lead, language));
        refusals.addAll(refusalShown(post("/console/admin/incident-grouping").param("game", game.id().toString())
                .param("enabled", "true").param("windowMinutes", "soon").param("threshold", "0"), admin, language));

        assertThat(refusals).hasSize(4);
        naming(refusals.get(0), language, "title", "description", "servers", "noticeZh", "noticeEn");
        naming(refusals.get(2), language, "title");
        naming(refusals.get(3), language, "windowMinutes", "threshold");
        inLanguage(refusals, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theAssistSettingsForm(String language) throws Exception {
        GameInfo game = workspace.game();
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN, game), "");
        List<String> problems = problemShown(post("/console/assist").param("game", game.code())
                .param("botThreshold", "150").param("applyThreshold", "often"), admin, language);

        assertThat(problems).hasSize(1);
        inLanguage(problems, language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theApisProblemDetails(String language) throws Exception {
        String apiKey = workspace.apiKey(workspace.game());
        // fields the API does not know are answered first, on their own
        String unknown = open(apiKey, language, """
                {"player": {"accountId": "p1", "nickame": "x"}, "type": "bug", "subject": "s", "message": "m",
                 "colour": "red"}
                """);
        String bad = open(apiKey, language, """
                {"player": {"accountId": "p1\\u0007"}, "type": "bgu", "subject": "%s", "message": "",
                 "priority": "asap", "contactEmail": "nobody", "metadata": {"bad key!": "x"}}
                """.formatted("长".repeat(201)));
        String malformed = open(apiKey, language, "{\"player\": ");

        assertThat(JsonPath.<List<String>>read(unknown, "$.errors[*].field")).containsExactlyInAnyOrder(
                "player.nickame", "colour");
        assertThat(JsonPath.<List<String>>read(bad, "$.errors[*].field")).containsExactlyInAnyOrder(
                "player.accountId", "type", "subject", "message", "priority", "contactEmail", "metadata");
        for (String answer : List.of(unknown, bad)) {
            inLanguage(JsonPath.read(answer, "$.errors[*].message"), language);
            String detail = JsonPath.read(answer, "$.detail");
            for (String field : JsonPath.<List<String>>read(answer, "$.errors[*].field")) {
                detail = detail.replace(field + ": ", "");
            }
            inLanguage(List.of(detail), language);
        }
        inLanguage(List.of(JsonPath.<String>read(malformed, "$.detail")), language);
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "zh-CN" })
    void theApisAnswersBeforeAController(String language) throws Exception {
        String apiKey = workspace.apiKey(workspace.game());
        List<String> details = new ArrayList<>();
        // no key (401), no such path (404), a method the path does not take (405), not JSON (415), too large (413)
        details.add(detail(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("{}"), language,
                401));
        details.add(detail(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + apiKey), language, 404));
        details.add(detail(delete("/api/v1/tickets").header("Authorization", "Bearer " + apiKey), language, 405));
        details.add(detail(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.TEXT_PLAIN).content("hello"), language, 415));
        details.add(detail(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\": \"" + "x".repeat(300_000) + "\"}"),
                language, 413));

        assertThat(details).doesNotContainNull().doesNotHaveDuplicates();
        inLanguage(details, language);
    }

    private String detail(MockHttpServletRequestBuilder request, String language, int status) throws Exception {
        String answer = mvc.perform(request.header("Accept-Language", language)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JsonPath.<Integer>read(answer, "$.status")).as(answer).isEqualTo(status);
        return JsonPath.read(answer, "$.detail");
    }

    private String open(String apiKey, String language, String json) throws Exception {
        return mvc.perform(post("/api/v1/tickets").header("Authorization", "Bearer " + apiKey)
                        .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse().getContentAsString();
    }

    private List<String> shown(AbstractMockHttpServletRequestBuilder<?> request, String language) throws Exception {
        return texts(shownByField(request, language));
    }

    private List<Shown> shownByField(AbstractMockHttpServletRequestBuilder<?> request, String language)
            throws Exception {
        String page = mvc.perform(request.header("Accept-Language", language).locale(Locale.forLanguageTag(language)))
                .andReturn().getResponse().getContentAsString();
        List<Shown> shown = new ArrayList<>();
        Matcher matcher = SHOWN_ERROR.matcher(page);
        while (matcher.find()) {
            // a form keeps an empty place beside each field for its error
            if (!matcher.group(4).isBlank()) {
                shown.add(new Shown(matcher.group(2) != null ? matcher.group(2) : matcher.group(3),
                        matcher.group(4).strip()));
            }
        }
        return shown;
    }

    private static List<String> texts(List<Shown> shown) {
        return shown.stream().map(Shown::text).toList();
    }

    /**
     * What a form that redirects shows when it is refused: it is sent as {@code who}, and the page
     * it leads back to is read with what the form left for it.
     */
    private List<String> problemShown(AbstractMockHttpServletRequestBuilder<?> request, StaffUser who,
            String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        MvcResult sent = mvc.perform(request.with(user(who)).with(csrf()).header("Accept-Language", language)
                .locale(locale)).andReturn();
        assertThat(sent.getFlashMap().get("problem")).as("the refusal left for the next page").isNotNull();
        String page = mvc.perform(get(sent.getResponse().getRedirectedUrl()).flashAttrs(sent.getFlashMap())
                .with(user(who)).header("Accept-Language", language).locale(locale))
                .andReturn().getResponse().getContentAsString();
        List<String> texts = new ArrayList<>();
        Matcher matcher = SHOWN_PROBLEM.matcher(page);
        while (matcher.find()) {
            texts.add(matcher.group(1).strip());
        }
        return texts.stream().distinct().toList();
    }

    /**
     * What a page that marks each bad field the way the design system does ({@code invalid-feedback}
     * or {@code text-danger} beside the field) shows when the form is sent back.
     */
    private List<String> feedbackShown(AbstractMockHttpServletRequestBuilder<?> request, String language)
            throws Exception {
        String page = mvc.perform(request.header("Accept-Language", language).locale(Locale.forLanguageTag(language)))
                .andReturn().getResponse().getContentAsString();
        List<String> texts = new ArrayList<>();
        Matcher matcher = SHOWN_FEEDBACK.matcher(page);
        while (matcher.find()) {
            // a form keeps an empty place beside each field for its error
            if (!matcher.group(2).isBlank()) {
                texts.add(matcher.group(2).strip());
            }
        }
        return texts;
    }

    /** What a form that answers a refusal with a page of its own ({@code 400} or {@code 409}) shows. */
    private List<String> refusalShown(AbstractMockHttpServletRequestBuilder<?> request, StaffUser who,
            String language) throws Exception {
        String page = mvc.perform(request.with(user(who)).with(csrf()).header("Accept-Language", language)
                .locale(Locale.forLanguageTag(language))).andReturn().getResponse().getContentAsString();
        List<String> texts = new ArrayList<>();
        Matcher matcher = SHOWN_PROBLEM.matcher(page);
        while (matcher.find()) {
            texts.add(matcher.group(1).strip());
        }
        return texts.stream().distinct().toList();
    }

    /** The refusal names each field by its label in the page's language. */
    private void naming(String problem, String language, String... fields) {
        namingAs("field.", problem, language, fields);
    }

    /** Each field is named by the form's label ({@code <labels><field>}), or else the shared {@code field.<field>}. */
    private void namingAs(String labels, String problem, String language, String... fields) {
        for (String field : fields) {
            assertThat(problem).contains(messages.getMessage(new org.springframework.context.support
                    .DefaultMessageSourceResolvable(new String[] {labels + field, "field." + field}, null, null),
                    Locale.forLanguageTag(language)));
        }
    }

    private static void inLanguage(List<String> texts, String language) {
        if (language.equals("en")) {
            assertThat(texts).allSatisfy(text -> assertThat(CJK.matcher(text).find()).as(text).isFalse());
        } else {
            assertThat(texts).allSatisfy(text -> {
                assertThat(LATIN_PROSE.matcher(text).find()).as(text).isFalse();
                assertThat(CJK.matcher(text).find()).as(text).isTrue();
            });
        }
    }
}
