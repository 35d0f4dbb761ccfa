package org.playerdesk.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatStarted;
import org.playerdesk.chat.ChatSurvey;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.NotificationView;
import org.playerdesk.notification.Notifications;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyTotals;
import org.playerdesk.survey.Surveys;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Satisfaction surveys end to end, on every channel: the help center's private ticket page, the
 * game API with an API key, email over a real SMTP server (GreenMail in this process) with the
 * signed link it carries, and a live chat's rating; with a clock the test moves past the game's
 * delay and the survey's expiry. Forged, expired and replayed answers are refused and count nothing.
 */
@SpringBootTest(properties = { "playerdesk.surveys.sweep-interval=1d", // the test asks when it wants
        "playerdesk.surveys.public-url=https://help.example.com/" })
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, SurveysTest.Clocks.class })
class SurveysTest {

    static final GreenMail MAIL = TestMail.started();
    static final Pattern SURVEY_ACTION = Pattern.compile("action=\"(/help/[^\"]+/survey/[^\"]+)\"");

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    Surveys surveys;
    @Autowired
    SurveyStore store;
    @Autowired
    Asking asking;
    @Autowired
    FollowUps followUps;
    @Autowired
    SurveySettingsStore settings;
    @Autowired
    Notifications notifications;
    @Autowired
    ChatDesk chats;
    @Autowired
    ChatQueue chatQueue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook chatRules;
    @Autowired
    StoppedClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** A game with an agent, a lead and an administrator. */
    record Desk(GameInfo game, StaffMember agent, StaffMember lead, StaffMember admin) {
    }

    Desk desk() {
        GameInfo game = workspace.game();
        return new Desk(game, workspace.staff(StaffRole.AGENT_L1, game), workspace.staff(StaffRole.SUPERVISOR, game),
                workspace.staff(StaffRole.ADMIN));
    }

    static Actor actor(StaffMember member) {
        return Actor.agent(member.id(), member.displayName());
    }

    static StaffUser as(StaffMember member) {
        return new StaffUser(member, "");
    }

    /** A ticket from the help center's form, with its private link. */
    Opened webTicket(GameInfo game, String accountId, String type) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(accountId, "玩家" + accountId, "S1", null), type,
                "web", null, "帮助中心工单 " + type, "玩家的问题描述", accountId + "@players.example.com", Map.of(), true),
                List.of());
    }

    /** An agent resolves the ticket; its survey is made (after commit, by the listener). */
    SurveyRow resolve(UUID ticketId, StaffMember agent) {
        desk.changeStatus(ticketId, TicketStatus.RESOLVED, actor(agent));
        return await().until(() -> store.byTicket(ticketId), Optional::isPresent).orElseThrow();
    }

    /** Moves past the game's delay (30 minutes by default) and asks what is due. */
    int askAfterTheDelay() {
        clock.shift(Duration.ofMinutes(31));
        return asking.askDue(clock.instant());
    }

    String page(String path, StaffMember reader) throws Exception {
        var request = get(path);
        if (reader != null) {
            request = request.with(user(as(reader)));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    static String surveyAction(String page) {
        Matcher found = SURVEY_ACTION.matcher(page);
        assertThat(found.find()).as("a survey form on the page").isTrue();
        return found.group(1);
    }

    List<String> kinds(StaffMember member) {
        return notifications.recent(member.id(), 50).stream().map(NotificationView::kind).toList();
    }

    @Test
    void theHelpCenterPageAsksAfterTheDelayAndTheAnswerCountsOnceTowardTheAgentWhoResolved() throws Exception {
        Desk d = desk();
        Opened opened = webTicket(d.game(), "10001", "payment");
        UUID ticketId = opened.ticket().id();
        String privatePage = "/help/" + d.game().code() + "/t/" + opened.followToken();
        desk.assign(ticketId, d.agent().id(), actor(d.agent()));
        SurveyRow survey = resolve(ticketId, d.agent());
        assertThat(survey.channel()).isEqualTo(SurveyChannel.HELP_CENTER);
        assertThat(survey.resolvedBy()).isEqualTo(d.agent().id());

        assertThat(asking.askDue(clock.instant())).as("not before the game's delay").isZero();
        assertThat(page(privatePage, null)).doesNotContain("data-testid=\"survey\"");
        assertThat(askAfterTheDelay()).isEqualTo(1);
        assertThat(asking.askDue(clock.instant())).as("asked once").isZero();

        String asked = page(privatePage, null);
        assertThat(asked).contains("data-testid=\"survey-form\"", SurveySettings.QUESTION_ZH, "等待时间太长");
        assertThat(page(privatePage + "?lang=en", null)).contains(SurveySettings.QUESTION_EN.replace("(", "").substring(0, 40),
                "I waited too long");
        String action = surveyAction(asked);

        mvc.perform(post(action).param("score", "2").param("comment", "等了两个小时").param("reasons", "slow")
                .param("reasons", "not-solved").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(action))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("thanks", true));
        assertThat(mvc.perform(get(action).flashAttr("thanks", true)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("data-testid=\"survey-thanks\"", "您给了 2 分");
        assertThat(page(privatePage, null)).contains("data-testid=\"survey-answered\"").doesNotContain("survey-form");

        String replayed = mvc.perform(post(action).param("score", "5").with(csrf())).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(replayed).contains("data-refusal=\"survey.answered\"", "本次调查已经评价过了");

        SurveyAnswer answer = surveys.answerOf(ticketId).orElseThrow();
        assertThat(answer.score()).as("the first answer, not the replay").isEqualTo(2);
        assertThat(answer.comment()).isEqualTo("等了两个小时");
        assertThat(answer.reasons()).containsExactly(ReasonCode.SLOW, ReasonCode.NOT_SOLVED);
        assertThat(answer.via()).isEqualTo(SurveyChannel.HELP_CENTER);
        assertThat(answer.resolvedBy()).isEqualTo(d.agent().id());
        assertThat(surveys.scoresOf(List.of(ticketId, UUID.randomUUID()))).containsExactly(Map.entry(ticketId, 2));

        // a low score (2 is the default threshold) opens a follow-up, told to the game's lead
        assertThat(followUps.ofTicket(ticketId)).isPresent();
        assertThat(kinds(d.lead())).contains("survey.low");

        String ticketPage = page("/console/tickets/" + ticketId, d.agent());
        assertThat(ticketPage).contains("data-testid=\"survey-answer\"", "data-score=\"2\"", "等了两个小时", "等待时间太长");

        List<SurveyTotals> byAgent = surveys.totalsByAgent(List.of(d.game().id()), clock.instant().minusSeconds(3600),
                clock.instant().plusSeconds(1));
        assertThat(byAgent).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo(d.agent().id());
            assertThat(t.asked()).isEqualTo(1);
            assertThat(t.answered()).isEqualTo(1);
            assertThat(t.satisfied()).isZero();
            assertThat(t.dissatisfied()).isEqualTo(1);
            assertThat(t.csat()).isEqualTo(0.0);
        });

        // the lead follows it up
        String list = page("/console/quality/surveys/follow-ups", d.lead());
        assertThat(list).contains("data-testid=\"survey-follow-up\"", "等了两个小时");
        mvc.perform(get("/console/quality/surveys/follow-ups").with(user(as(d.agent())))).andExpect(status().isForbidden());
        UUID followUp = followUps.ofTicket(ticketId).orElseThrow().id();
        mvc.perform(post("/console/quality/surveys/follow-ups/{id}/done", followUp).param("outcome", "已电话回访，玩家表示理解")
                .with(user(as(d.lead()))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(followUps.get(followUp).orElseThrow().done()).isTrue();
        assertThat(page("/console/quality/surveys/follow-ups", d.lead())).contains("已电话回访，玩家表示理解");
    }

    @Test
    void theGameAsksThroughTheApiAndForgedOrRepeatedAnswersAreRefused() throws Exception {
        Desk d = desk();
        String key = workspace.apiKey(d.game());
        Opened opened = desk.open(new NewTicket(d.game().id(), new PlayerIdentity("20002", "风之子", "S1", null),
                "payment", "in_game", null, "充值未到账", "钻石没到账", null, Map.of(), false), List.of());
        UUID ticketId = opened.ticket().id();
        String path = "/api/v1/tickets/" + ticketId + "/survey";

        mvc.perform(get(path).header("Authorization", "Bearer " + key)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("survey.none"));
        resolve(ticketId, d.agent());
        askAfterTheDelay();

        JsonNode shown = json.readTree(mvc.perform(get(path).header("Authorization", "Bearer " + key)
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(shown.get("state").asString()).isEqualTo("open");
        assertThat(shown.get("question").asString()).isEqualTo(SurveySettings.QUESTION_EN);
        assertThat(shown.get("reasons").get(0).get("label").asString()).isEqualTo("I waited too long");
        String token = shown.get("token").asString();

        String other = workspace.apiKey(workspace.game());
        mvc.perform(get(path).header("Authorization", "Bearer " + other)).andExpect(status().isNotFound());

        String forged = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        mvc.perform(answer(path, key, forged, 5)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("survey.forged"));
        mvc.perform(answer(path, key, "not-a-token", 5)).andExpect(status().isForbidden());
        mvc.perform(post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token + "\", \"score\": 6, \"reasons\": [\"bored\"], \"mood\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("mood")));
        mvc.perform(post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token + "\", \"score\": 6, \"comment\": \"" + "长".repeat(1001)
                        + "\", \"reasons\": [\"bored\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("score", "comment", "reasons")));
        assertThat(surveys.answerOf(ticketId)).as("nothing counted").isEmpty();

        mvc.perform(answer(path, key, token, 5)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("answered"))
                .andExpect(jsonPath("$.answer.score").value(5))
                .andExpect(jsonPath("$.answer.channel").value("game_api"))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(answer(path, key, token, 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("survey.answered"));
        assertThat(surveys.answerOf(ticketId).orElseThrow().score()).isEqualTo(5);
        assertThat(followUps.ofTicket(ticketId)).as("a good score opens no follow-up").isEmpty();

        // another ticket's token is not this ticket's
        Opened second = desk.open(new NewTicket(d.game().id(), new PlayerIdentity("20003", "火之子", "S1", null),
                "bug", "in_game", null, "卡住了", "进不去副本", null, Map.of(), false), List.of());
        resolve(second.ticket().id(), d.agent());
        askAfterTheDelay();
        String secondToken = json.readTree(mvc.perform(get("/api/v1/tickets/" + second.ticket().id() + "/survey")
                .header("Authorization", "Bearer " + key)).andReturn().getResponse().getContentAsString())
                .get("token").asString();
        mvc.perform(answer(path, key, secondToken, 3)).andExpect(status().isForbidden());
        assertThat(surveys.answerOf(second.ticket().id())).isEmpty();
    }

    private static org.springframework.test.web.servlet.RequestBuilder answer(String path, String key, String token,
            int score) {
        return post(path).header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": \"" + token + "\", \"score\": " + score + "}");
    }

    @Test
    void anEmailTicketIsAskedByEmailWithASignedLinkThatAnswersOnce() throws Exception {
        Desk d = desk();
        String address = TestWorkspace.unique("player") + "@players.example.com";
        Opened opened = desk.open(new NewTicket(d.game().id(), new PlayerIdentity("30003", "水之子", "S1", null),
                "account_stolen", "email", null, "账号被盗", "我的账号被盗了", address, Map.of("language", "en"), false),
                List.of());
        UUID ticketId = opened.ticket().id();
        SurveyRow survey = resolve(ticketId, d.agent());
        assertThat(survey.channel()).isEqualTo(SurveyChannel.EMAIL);
        // the key the links are signed with is sealed in its row (docs/audit.md, secrets at rest)
        assertThat(jdbc.queryForObject("select secret from survey where id = ?", String.class, survey.id()))
                .startsWith("enc:").doesNotContain(survey.secret());
        askAfterTheDelay();

        MimeMessage mail = await().until(() -> java.util.Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals(address)).findFirst(), Optional::isPresent).orElseThrow();
        String body = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertThat(mail.getSubject()).contains("#" + opened.ticket().number());
        assertThat(body).contains(SurveySettings.QUESTION_EN.substring(0, 30));
        Matcher link = Pattern.compile("https://help\\.example\\.com(/help/[^/\\s]+/survey/[0-9a-f.\\-a-z_]+)").matcher(body);
        assertThat(link.find()).as("a signed link in " + body).isTrue();
        String path = link.group(1);

        String form = page(path + "?lang=en", null);
        assertThat(form).contains("data-testid=\"survey-form\"", "How did we do?");
        mvc.perform(post(path).param("score", "4").with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(path).param("score", "1").with(csrf())).andExpect(status().isConflict());
        SurveyAnswer answer = surveys.answerOf(ticketId).orElseThrow();
        assertThat(answer.score()).isEqualTo(4);
        assertThat(answer.via()).isEqualTo(SurveyChannel.EMAIL);

        // the sweep asks once, and the mail goes once
        assertThat(asking.askDue(clock.instant())).isZero();
        assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).equals(address)))
                .hasSize(1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anExpiredLinkIsRefusedInThePlayersLanguageAndCountsNothing() throws Exception {
        Desk d = desk();
        Opened opened = webTicket(d.game(), "40004", "consultation");
        resolve(opened.ticket().id(), d.agent());
        askAfterTheDelay();
        String action = surveyAction(page("/help/" + d.game().code() + "/t/" + opened.followToken(), null));

        clock.shift(Duration.ofDays(7));
        String refused = mvc.perform(post(action).param("score", "5").param("lang", "en").with(csrf()))
                .andExpect(status().isGone()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("data-refusal=\"survey.expired\"", "This survey has closed");
        assertThat(mvc.perform(get(action)).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("data-testid=\"survey-expired\"");
        assertThat(surveys.answerOf(opened.ticket().id())).isEmpty();
        assertThat(page("/help/" + d.game().code() + "/t/" + opened.followToken(), null))
                .contains("data-testid=\"survey-expired\"").doesNotContain("survey-form");
    }

    @Test
    void aForgedLinkIsRefusedAndATamperedExpiryIsForgedToo() throws Exception {
        Desk d = desk();
        Opened opened = webTicket(d.game(), "50005", "consultation");
        resolve(opened.ticket().id(), d.agent());
        askAfterTheDelay();
        String action = surveyAction(page("/help/" + d.game().code() + "/t/" + opened.followToken(), null));
        String[] parts = action.substring(action.lastIndexOf('/') + 1).split("\\.");
        String base = action.substring(0, action.lastIndexOf('/') + 1);

        String longer = base + parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400 * 30) + "." + parts[3];
        String wrongSignature = base + parts[0] + "." + parts[1] + "." + parts[2] + "." + "0".repeat(64);
        String unknownSurvey = base + UUID.randomUUID() + "." + parts[1] + "." + parts[2] + "." + parts[3];
        for (String forged : List.of(longer, wrongSignature, unknownSurvey, base + "garbage")) {
            String page = mvc.perform(post(forged).param("score", "5").with(csrf())).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("data-refusal=\"survey.forged\"", "此调查链接无效");
        }
        // a genuine link under another game's help center is not that help center's
        GameInfo other = workspace.game();
        mvc.perform(post(action.replace("/help/" + d.game().code() + "/", "/help/" + other.code() + "/"))
                .param("score", "5").with(csrf())).andExpect(status().isForbidden());
        assertThat(surveys.answerOf(opened.ticket().id())).isEmpty();

        // a bad answer is refused field by field, and the link still works after it
        String bad = mvc.perform(post(action).param("reasons", "bored").param("comment", "x".repeat(1001)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("data-testid=\"survey-error-score\"", "data-testid=\"survey-error-reasons\"",
                "data-testid=\"survey-error-comment\"");
        mvc.perform(post(action).param("score", "5").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(surveys.answerOf(opened.ticket().id()).orElseThrow().score()).isEqualTo(5);
    }

    @Test
    void reopeningBeforeTheAskHoldsItAndResolvingAgainAsksOnceForTheNewResolution() throws Exception {
        Desk d = desk();
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L2, d.game());
        Opened opened = webTicket(d.game(), "60006", "bug");
        UUID ticketId = opened.ticket().id();
        SurveyRow first = resolve(ticketId, d.agent());
        desk.changeStatus(ticketId, TicketStatus.OPEN, actor(d.agent()));
        assertThat(askAfterTheDelay()).as("reopened: not asked").isZero();
        assertThat(store.byTicket(ticketId).orElseThrow().dueAt()).isNull();

        desk.changeStatus(ticketId, TicketStatus.RESOLVED, actor(colleague));
        await().until(() -> store.byTicket(ticketId).orElseThrow().dueAt() != null);
        SurveyRow again = store.byTicket(ticketId).orElseThrow();
        assertThat(again.id()).as("one survey per ticket").isEqualTo(first.id());
        assertThat(again.resolvedBy()).isEqualTo(colleague.id());
        assertThat(askAfterTheDelay()).isEqualTo(1);

        // resolved a third time after it was asked: still the one survey, not asked again
        desk.changeStatus(ticketId, TicketStatus.OPEN, actor(d.agent()));
        desk.changeStatus(ticketId, TicketStatus.RESOLVED, actor(d.agent()));
        await().until(() -> d.agent().id().equals(store.byTicket(ticketId).orElseThrow().resolvedBy()));
        assertThat(askAfterTheDelay()).isZero();
    }

    @Test
    void aLiveChatsRatingIsTheSurveyAnswerOfItsTicket() {
        Desk d = desk();
        chatRules.configure(d.game().id(), "chat-secret-0123456789abcdef", true, null, null, null, null);
        ChatStarted started = chats.start(d.game().code(), null, "游客", "c-1", "在线等，充值没到账");
        UUID chat = started.chat().id();
        seats.setPresence(d.agent(), Presence.ONLINE, 3);
        chatQueue.accept(chat, as(d.agent()));
        chats.end(chat, Sender.agent(as(d.agent())));
        chats.rate(chat, 1, "等太久了", List.of("slow"));
        UUID ticketId = started.chat().ticketId();

        SurveyAnswer answer = await().until(() -> surveys.answerOf(ticketId), Optional::isPresent).orElseThrow();
        assertThat(answer.score()).isEqualTo(1);
        assertThat(answer.comment()).isEqualTo("等太久了");
        assertThat(answer.via()).isEqualTo(SurveyChannel.LIVE_CHAT);
        assertThat(answer.reasons()).containsExactly(ReasonCode.SLOW);
        assertThat(answer.resolvedBy()).isEqualTo(d.agent().id());
        assertThat(followUps.ofTicket(ticketId)).isPresent();

        // the chat's ticket resolved later is not asked again on another channel
        desk.changeStatus(ticketId, TicketStatus.RESOLVED, actor(d.agent()));
        assertThat(askAfterTheDelay()).isZero();
    }

    @Test
    void aChannelTheGameTurnedOffDoesNotAsk() throws Exception {
        Desk d = desk();
        SurveySettings defaults = SurveySettings.defaults();
        settings.save(d.game().id(), new SurveySettings(java.util.EnumSet.of(SurveyChannel.EMAIL), 0, 7,
                defaults.questionZh(), defaults.questionEn(), 2, defaults.reasons()));
        Opened web = webTicket(d.game(), "70007", "consultation");
        Opened email = desk.open(new NewTicket(d.game().id(), new PlayerIdentity("70008", "土之子", "S1", null),
                "consultation", "email", null, "问题", "问题描述", "p70008@players.example.com", Map.of(), false), List.of());
        resolve(email.ticket().id(), d.agent());
        desk.changeStatus(web.ticket().id(), TicketStatus.RESOLVED, actor(d.agent()));
        await().until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
                + "and listener_id like '%survey.internal.Asking%'", Integer.class) == 0);
        assertThat(asking.askDue(clock.instant())).as("no delay: the email survey at once").isEqualTo(1);
        assertThat(store.byTicket(web.ticket().id())).isEmpty();

        // live chat is not among the game's channels: the widget asks nothing and a rating is refused
        chatRules.configure(d.game().id(), "chat-secret-0123456789abcdef", true, null, null, null, null);
        UUID chat = chats.start(d.game().code(), null, "游客", "c-1", "在线等").chat().id();
        seats.setPresence(d.agent(), Presence.ONLINE, 3);
        chatQueue.accept(chat, as(d.agent()));
        chats.end(chat, Sender.agent(as(d.agent())));
        assertThat(chats.endQuestion(chat, Locale.ENGLISH)).isEmpty();
        assertThatThrownBy(() -> chats.rate(chat, 5, null, List.of()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.code()).isEqualTo("chat.rate.not-asked"));
    }

    @Test
    void theLiveChatWidgetAsksTheGamesOwnQuestionAndOffersItsReasons() throws Exception {
        Desk d = desk();
        settings.save(d.game().id(), new SurveySettings(java.util.EnumSet.allOf(SurveyChannel.class), 0, 7,
                "这次聊天帮到您了吗？", "Did this chat help you?", 2, List.of(ReasonCode.SLOW, ReasonCode.NOT_SOLVED)));
        chatRules.configure(d.game().id(), "chat-secret-0123456789abcdef", true, null, null, null, null);
        UUID chat = chats.start(d.game().code(), null, "游客", "c-1", "在线等").chat().id();
        seats.setPresence(d.agent(), Presence.ONLINE, 3);
        chatQueue.accept(chat, as(d.agent()));
        chats.end(chat, Sender.agent(as(d.agent())));

        ChatSurvey.Question zh = chats.endQuestion(chat, Locale.SIMPLIFIED_CHINESE).orElseThrow();
        assertThat(zh.text()).isEqualTo("这次聊天帮到您了吗？");
        assertThat(zh.reasons()).extracting(ChatSurvey.Reason::label).containsExactly("等待时间太长", "问题没有解决");
        ChatSurvey.Question en = chats.endQuestion(chat, Locale.ENGLISH).orElseThrow();
        assertThat(en.text()).isEqualTo("Did this chat help you?");
        assertThat(en.reasons()).extracting(ChatSurvey.Reason::code).containsExactly("slow", "not-solved");

        assertThatThrownBy(() -> chats.rate(chat, 2, null, List.of("unfriendly"))).as("a reason the game does not offer")
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactly("reasons"));
        chats.rate(chat, 2, "还是没解决", List.of("not-solved"));
        UUID ticketId = chats.view(chat).ticketId();
        SurveyAnswer answer = await().until(() -> surveys.answerOf(ticketId), Optional::isPresent).orElseThrow();
        assertThat(answer.reasons()).containsExactly(ReasonCode.NOT_SOLVED);
        assertThat(answer.score()).isEqualTo(2);
    }

    @Test
    void administratorsSetEachGamesSurveyAndBadValuesAreRefusedFieldByField() throws Exception {
        Desk d = desk();
        String path = "/console/quality/surveys?game=" + d.game().code();
        assertThat(page(path, d.admin())).contains("data-testid=\"survey-settings-form\"", SurveySettings.QUESTION_ZH);
        mvc.perform(get(path).with(user(as(d.lead())))).andExpect(status().isForbidden());

        String refused = mvc.perform(post("/console/quality/surveys").param("game", d.game().code())
                .param("channels", "help_center").param("channels", "fax").param("delayMinutes", "abc")
                .param("validDays", "0").param("questionZh", " ").param("questionEn", "Rate us")
                .param("lowScore", "5").param("reasons", "bored").with(user(as(d.admin()))).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String field : List.of("channels", "delayMinutes", "validDays", "questionZh", "lowScore", "reasons")) {
            assertThat(refused).as(field).containsPattern("data-testid=\"error-" + field + "\"[^>]*>[^<]+<");
        }
        assertThat(refused).contains("必须是整数", "Rate us");
        assertThat(settings.of(d.game().id())).as("nothing saved").isEqualTo(SurveySettings.defaults());

        mvc.perform(post("/console/quality/surveys").param("game", d.game().code()).param("channels", "game_api")
                .param("delayMinutes", "0").param("validDays", "3").param("questionZh", "满意吗？")
                .param("questionEn", "Happy with us?").param("lowScore", "3").param("reasons", "slow")
                .with(user(as(d.admin()))).with(csrf()))
                .andExpect(redirectedUrl("/console/quality/surveys?game=" + d.game().code()));
        SurveySettings saved = settings.of(d.game().id());
        assertThat(saved.channels()).containsExactly(SurveyChannel.GAME_API);
        assertThat(saved.lowScore()).isEqualTo(3);
        assertThat(saved.reasons()).containsExactly(ReasonCode.SLOW);

        // the new wording in both languages, in the game
        String key = workspace.apiKey(d.game());
        Opened opened = desk.open(new NewTicket(d.game().id(), new PlayerIdentity("80008", "金之子", "S1", null),
                "payment", "in_game", null, "充值", "没到账", null, Map.of(), false), List.of());
        resolve(opened.ticket().id(), d.agent());
        asking.askDue(clock.instant());
        String survey = "/api/v1/tickets/" + opened.ticket().id() + "/survey";
        mvc.perform(get(survey).header("Authorization", "Bearer " + key).header("Accept-Language", "zh-CN"))
                .andExpect(jsonPath("$.question").value("满意吗？"))
                .andExpect(jsonPath("$.reasons[0].label").value("等待时间太长"));
        MvcResult english = mvc.perform(get(survey).header("Authorization", "Bearer " + key)
                .header("Accept-Language", "en")).andReturn();
        assertThat(json.readTree(english.getResponse().getContentAsString()).get("question").asString())
                .isEqualTo("Happy with us?");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}
