package org.playerdesk.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.contract.OpenApiContract;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Phone calls: an agent logs a call (a new phone ticket, then a second call by the remembered
 * number onto it), bad input refused field by field in both languages, the telephony system's
 * reports of a call (offered, answered, ended) recorded with the wait and the recording and linked
 * to the ticket it was logged to, the caller's card for the answering agent only, and every
 * refusal of the CTI webhook.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class PhoneCallsTest {

    static final String SECRET = "cti-secret-0123456789abcdef0123456789";
    static final OpenApiContract CONTRACT = contract();

    static OpenApiContract contract() {
        try {
            OpenApiContract contract = OpenApiContract.ofFile(java.nio.file.Path.of("docs/phone-cti.openapi.yaml"));
            assertThat(contract.unknownKeywords()).isEmpty();
            return contract;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketQueries tickets;
    @Autowired
    PlayerDirectory players;
    @Autowired
    StoppedClock clock;
    @Autowired
    FigureRollUp rollUp;

    GameInfo game;
    StaffMember admin;
    StaffMember ada;
    StaffMember bo;
    String account;

    @BeforeEach
    void aGameWithAgents() throws Exception {
        game = workspace.game();
        admin = workspace.staff(StaffRole.ADMIN, game);
        ada = workspace.staff(StaffRole.AGENT_L1, game);
        bo = workspace.staff(StaffRole.AGENT_L1, game);
        account = TestWorkspace.unique("p");
        mvc.perform(post("/console/admin/phone/games/{code}/secret", game.code()).param("secret", SECRET)
                .with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "phone.admin.secretSet"));
    }

    @Test
    void loggingACallOpensAPhoneTicketAndTheNextCallFromTheNumberIsAddedToIt() throws Exception {
        mvc.perform(logCall(ada).param("account", account).param("phone", "138-1234-5678")
                .param("duration", "3:20").param("outcome", "ticket_opened").param("notes", "充值 648 元未到账"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "phone.logged.opened"));

        PlayerSummary player = players.find(game.id(), account).orElseThrow();
        List<TicketView> own = tickets.byPlayer(game.id(), player.id(), 10);
        assertThat(own).hasSize(1);
        TicketView ticket = own.getFirst();
        assertThat(ticket.channel()).isEqualTo(TicketChannel.PHONE);
        TicketDetails details = tickets.details(ticket.id(), true);
        assertThat(details.messages().getFirst().body()).isEqualTo("充值 648 元未到账");
        assertThat(notes(details)).singleElement().asString().contains("呼入").contains("3:20").contains("已建工单跟进");

        // the number is remembered: the player's next call is found by it and added to the ticket
        mvc.perform(logCall(bo, "outbound").param("phone", "13812345678").param("ticket", "#" + ticket.number())
                .param("duration", "1").param("outcome", "resolved")
                .param("notes", "已补发，玩家确认到账"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "phone.logged.added"));
        assertThat(tickets.byPlayer(game.id(), player.id(), 10)).hasSize(1);
        assertThat(notes(tickets.details(ticket.id(), true))).hasSize(2).last().asString().contains("呼出")
                .contains("1:00").contains("通话中已解决").contains("已补发，玩家确认到账");

        String list = page(get("/console/calls").param("game", game.code()), ada, Locale.ENGLISH);
        assertThat(list).contains("data-testid=\"nav-calls\"").contains("138****5678")
                .contains("#" + ticket.number()).contains("Resolved on the call").contains("Ticket opened for follow-up");
        String resolved = page(get("/console/calls").param("game", game.code()).param("outcome", "resolved"), ada,
                Locale.ENGLISH);
        assertThat(resolved.split("data-testid=\"phone-call-row\"", -1)).hasSize(2);
    }

    @Test
    void badInputIsRefusedFieldByFieldInBothLanguagesAndNothingIsWritten() throws Exception {
        String english = mvc.perform(logCall(ada).param("phone", "13900000000").param("duration", "three minutes")
                .param("startedAt", "yesterday").param("ticket", "12ab").locale(Locale.ENGLISH))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("data-testid=\"phone-error-phone\"")
                .contains("No player is known by this number yet: give the game account.")
                .contains("Write the duration as minutes, or minutes:seconds (3:20).")
                .contains("Write the start as a date and time.")
                .contains("data-testid=\"phone-error-outcome\"").contains("data-testid=\"phone-error-ticket\"");

        String chinese = mvc.perform(post("/console/calls").param("game", "no-such-game").param("direction", "inbound")
                .param("account", "").param("phone", "").param("outcome", "resolved")
                .with(user(new StaffUser(ada, ""))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(chinese).contains("请选择您负责的游戏。").doesNotContain("data-testid=\"phone-error-outcome\"");

        String unknownTicket = mvc.perform(logCall(ada).param("account", account).param("outcome", "resolved")
                .param("ticket", "#424242").locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknownTicket).contains("来电者没有此编号的工单。");

        assertThat(players.find(game.id(), account)).isEmpty();
        assertThat(page(get("/console/calls").param("game", game.code()), ada, Locale.ENGLISH))
                .contains("data-testid=\"phone-calls-empty\"");
    }

    @Test
    void aReportedCallIsRecordedWithItsWaitAndRecordingAndLinkedToItsTicket() throws Exception {
        // a first call logged by hand makes the number known
        mvc.perform(logCall(ada).param("account", account).param("phone", "+8613812345678").param("outcome",
                "ticket_opened").param("notes", "账号被盗")).andExpect(status().is3xxRedirection());
        TicketView ticket = tickets.byPlayer(game.id(), players.find(game.id(), account).orElseThrow().id(), 1)
                .getFirst();
        mvc.perform(post("/console/admin/phone/extensions").param("extension", "8001").param("username", ada.username())
                .with(user(new StaffUser(admin, ""))).with(csrf())).andExpect(status().is3xxRedirection());

        Instant rang = clock.instant();
        String callId = TestWorkspace.unique("asterisk-1733");
        cti(game, """
                {"event":"offered","callId":"%s","at":"%s","caller":"+86 138 1234 5678","called":"4008001234","extension":"8001"}
                """.formatted(callId, rang)).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("offered"))
                .andExpect(jsonPath("$.replayed").value(false));
        // ringing on Ada's extension: her card shows the caller and the open ticket
        String adasCard = card(ada);
        assertThat(adasCard).contains("data-testid=\"phone-card\"").contains("data-state=\"offered\"")
                .contains(account).contains("#" + ticket.number()).contains("+86*******5678");
        assertThat(card(bo)).doesNotContain("phone-card\"");

        // Bo answers after 25 seconds: the card moves to him
        cti(game, """
                {"event":"answered","callId":"%s","at":"%s","agent":"%s"}
                """.formatted(callId, rang.plusSeconds(25), bo.username())).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("answered"));
        assertThat(card(ada)).doesNotContain("phone-card\"");
        String bosCard = card(bo);
        assertThat(bosCard).contains("data-state=\"answered\"").contains(account);
        String callUuid = between(bosCard, "data-call=\"", "\"");

        // the same event again is acknowledged and changes nothing
        cti(game, """
                {"event":"answered","callId":"%s","at":"%s","agent":"%s"}
                """.formatted(callId, rang.plusSeconds(40), ada.username())).andExpect(status().isOk())
                .andExpect(jsonPath("$.replayed").value(true));
        assertThat(card(ada)).doesNotContain("phone-card\"");

        // Bo logs it onto the ticket from the card's prefilled form
        String form = page(get("/console/calls").param("call", callUuid), bo, Locale.ENGLISH);
        assertThat(form).contains("value=\"" + callUuid + "\"").contains("value=\"" + account + "\"");
        mvc.perform(logCall(bo).param("call", callUuid).param("account", account).param("ticket",
                String.valueOf(ticket.number())).param("outcome", "call_back").param("notes", "明天回电"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "phone.logged.added"));
        assertThat(notes(tickets.details(ticket.id(), true))).last().asString().contains("25 秒").contains("明天回电");

        cti(game, """
                {"event":"ended","callId":"%s","at":"%s","talkSeconds":185,"recordingUrl":"https://pbx.example.com/rec/%s.wav","hangupBy":"caller"}
                """.formatted(callId, rang.plusSeconds(210), callId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ended"));
        assertThat(tickets.details(ticket.id(), true).history()).anySatisfy(entry -> assertThat(entry.newValue())
                .contains("等待 25 秒").contains("3:05").contains("https://pbx.example.com/rec/" + callId + ".wav"));
        String list = page(get("/console/calls").param("game", game.code()).param("mine", "true"), bo, Locale.ENGLISH);
        assertThat(list).contains("data-call=\"" + callUuid + "\"").contains("25 s").contains("3:05")
                .contains("https://pbx.example.com/rec/" + callId + ".wav");
        assertThat(card(bo)).doesNotContain("phone-card\"");
    }

    @Test
    void anUnknownCallerShowsAsUnknownWithTheNumber() throws Exception {
        String callId = TestWorkspace.unique("fs");
        cti(game, """
                {"event":"offered","callId":"%s","caller":"13900001111","agent":"%s"}
                """.formatted(callId, ada.username())).andExpect(status().isOk());
        assertThat(card(ada)).contains("data-testid=\"phone-card-unknown\"").contains("139****1111");
        // an answer that names nobody we know is refused field by field, and changes nothing
        cti(game, """
                {"event":"answered","callId":"%s","agent":"nobody-here"}
                """.formatted(callId)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agent"));
        assertThat(card(ada)).contains("data-state=\"offered\"");
    }

    @Test
    void theWebhookRefusesUnsignedWronglySignedStaleReplayedAndUnknownCalls() throws Exception {
        String body = "{\"event\":\"offered\",\"callId\":\"" + TestWorkspace.unique("c") + "\",\"caller\":\"13800000000\"}";
        String path = "/cti/" + game.code() + "/events";

        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.type").value(org.hamcrest.Matchers
                        .endsWith("cti-unsigned")));

        String now = String.valueOf(clock.instant().getEpochSecond());
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign("another-secret-0123456789abcdef0123", "POST", path,
                        now, body.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("cti-bad-signature")));

        String stale = String.valueOf(clock.instant().minus(Duration.ofMinutes(6)).getEpochSecond());
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header(SignedRequests.TIMESTAMP, stale)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SECRET, "POST", path, stale,
                        body.getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("cti-stale")));

        MockHttpServletRequestBuilder signed = post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header(SignedRequests.TIMESTAMP, now).header(SignedRequests.SIGNATURE,
                        SignedRequests.sign(SECRET, "POST", path, now, body.getBytes(StandardCharsets.UTF_8)));
        mvc.perform(signed).andExpect(status().isOk());
        mvc.perform(signed).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("cti-replayed")));

        cti(workspace.game(), body).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("cti-not-set-up")));
        mvc.perform(post("/cti/no-such-game/events").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(SignedRequests.TIMESTAMP, now).header(SignedRequests.SIGNATURE,
                        SignedRequests.sign(SECRET, "POST", "/cti/no-such-game/events", now,
                                body.getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("There is no such game."));

        cti(game, "{\"event\":\"rang\",\"caller\":\"not a number\",\"waitSeconds\":-1}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("event",
                        "callId", "caller", "waitSeconds")));
        cti(game, "[1,2").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aSignedReportRefusedForItsContentDoesNotUseUpItsSignatureAndIsTakenWhenSentAgainOnceFixed()
            throws Exception {
        String extension = "7" + (System.nanoTime() % 1_000_000);
        String callId = TestWorkspace.unique("c");
        String body = "{\"event\":\"answered\",\"callId\":\"" + callId + "\",\"caller\":\"13800000001\","
                + "\"extension\":\"" + extension + "\",\"waitSeconds\":12}";
        String path = "/cti/" + game.code() + "/events";
        String now = String.valueOf(clock.instant().getEpochSecond());
        MockHttpServletRequestBuilder signed = post(path).contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Accept-Language", "en").header(SignedRequests.TIMESTAMP, now)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(SECRET, "POST", path, now,
                        body.getBytes(StandardCharsets.UTF_8)));

        // the extension rings no one yet: refused with a problem detail naming the field
        mvc.perform(signed).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("extension"));

        mvc.perform(post("/console/admin/phone/extensions").param("extension", extension)
                .param("username", ada.username()).with(user(new StaffUser(admin, ""))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // the very same request, sent again, is taken: its refusal did not record its signature
        mvc.perform(signed).andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(false))
                .andExpect(jsonPath("$.state").value("answered"));
        // and now that it was acted on, a copy of it is a replay
        mvc.perform(signed).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("cti-replayed")));
    }

    @Test
    void theServiceLevelAndTheInsightFiguresComeFromEndedCalls() throws Exception {
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        mvc.perform(post("/console/sla/phone-target").param("game", game.code()).param("answerSeconds", "30")
                .with(user(new StaffUser(lead, ""))).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "sla.saved"));
        mvc.perform(post("/console/sla/phone-target").param("game", game.code()).param("answerSeconds", "2")
                .with(user(new StaffUser(lead, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("5")));

        // the dashboard's week is Monday to Sunday in the game's zone (Asia/Shanghai): the calls of
        // ten minutes ago are of this week at nine in the morning there, whatever the day
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        clock.moveTo(clock.instant().atZone(shanghai).toLocalDate().plusDays(1).atTime(9, 0).atZone(shanghai).toInstant());
        Instant start = clock.instant().minusSeconds(600);
        // answered after 20 s (met), after 45 s (breached); hung up after 50 s (breached) and after 10 s (neither)
        String[][] calls = {{"20", "60"}, {"45", "30"}, {"50", null}, {"10", null}};
        for (String[] call : calls) {
            String id = TestWorkspace.unique("sla");
            cti(game, """
                    {"event":"offered","callId":"%s","at":"%s","caller":"13700000000"}
                    """.formatted(id, start)).andExpect(status().isOk());
            int wait = Integer.parseInt(call[0]);
            if (call[1] != null) {
                cti(game, """
                        {"event":"answered","callId":"%s","at":"%s","agent":"%s"}
                        """.formatted(id, start.plusSeconds(wait), ada.username())).andExpect(status().isOk());
                cti(game, """
                        {"event":"ended","callId":"%s","at":"%s","hangupBy":"agent"}
                        """.formatted(id, start.plusSeconds(wait + Integer.parseInt(call[1])))).andExpect(status().isOk());
            } else {
                cti(game, """
                        {"event":"ended","callId":"%s","at":"%s","hangupBy":"caller"}
                        """.formatted(id, start.plusSeconds(wait))).andExpect(status().isOk());
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                page(get("/console/sla").param("game", game.code()), lead, Locale.ENGLISH))
                .contains("Last 7 days: 1 answered within the target, 2 breached, 2 hung up before an answer.")
                .contains("value=\"30\""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            rollUp.rollUp();
            String dashboard = page(get("/console/insight").param("game", game.code()).param("period", "week"), lead,
                    Locale.ENGLISH);
            assertThat(dashboard).contains("data-testid=\"insight-phone\"");
            assertThat(card(dashboard, "phone-calls")).isEqualTo("4");
            assertThat(card(dashboard, "phone-in-target")).isEqualTo("25%");
            assertThat(card(dashboard, "phone-wait")).isEqualTo("32.5");
            assertThat(card(dashboard, "phone-abandoned")).isEqualTo("2");
        });
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        String csv = mvc.perform(get("/console/insight/export/phone.csv").param("games", game.id().toString())
                .param("from", today.minusDays(2).toString()).param("to", today.plusDays(1).toString())
                .with(user(new StaffUser(lead, ""))).locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Share answered within the target").contains(game.name());
    }

    static String card(String page, String testId) {
        String from = page.substring(page.indexOf("data-testid=\"" + testId + "\""));
        return between(from, "data-testid=\"card-value\">", "<").strip();
    }

    @Test
    void onlyAdministratorsSetTheSecretAndOnlyThoseWhoWorkTicketsLogCalls() throws Exception {
        mvc.perform(get("/console/admin/phone").with(user(new StaffUser(ada, "")))).andExpect(status().isForbidden());
        mvc.perform(post("/console/admin/phone/games/{code}/secret", game.code()).param("secret", "x".repeat(40))
                .with(user(new StaffUser(ada, ""))).with(csrf())).andExpect(status().isForbidden());
        StaffMember qa = workspace.staff(StaffRole.QA, game);
        mvc.perform(get("/console/calls").with(user(new StaffUser(qa, "")))).andExpect(status().isForbidden());
        mvc.perform(logCall(qa).param("account", account).param("outcome", "resolved"))
                .andExpect(status().isForbidden());
        assertThat(players.find(game.id(), account)).isEmpty();

        // a secret too short is refused, and the one set before still signs
        mvc.perform(post("/console/admin/phone/games/{code}/secret", game.code()).param("secret", "short")
                .with(user(new StaffUser(admin, ""))).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("32")));
        cti(game, "{\"event\":\"offered\",\"callId\":\"" + TestWorkspace.unique("k") + "\"}")
                .andExpect(status().isOk());
        // a generated secret is shown once
        mvc.perform(post("/console/admin/phone/games/{code}/secret", game.code()).with(user(new StaffUser(admin, "")))
                .with(csrf())).andExpect(flash().attribute("generatedSecret", org.hamcrest.Matchers.matchesPattern(
                        "[0-9a-f]{48}")));
        cti(game, "{\"event\":\"offered\",\"callId\":\"" + TestWorkspace.unique("k") + "\"}")
                .andExpect(status().isUnauthorized());
        assertThat(page(get("/console/admin/phone"), admin, Locale.ENGLISH)).doesNotContain(SECRET);
    }

    /** A signed report to the game's webhook, signed now with the test secret. */
    ResultActions cti(GameInfo to, String body) throws Exception {
        String path = "/cti/" + to.code() + "/events";
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        byte[] content = body.strip().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(SignedRequests.TIMESTAMP, timestamp, SignedRequests.SIGNATURE,
                SignedRequests.sign(SECRET, "POST", path, timestamp, content));
        ResultActions answer = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(content)
                .header(SignedRequests.TIMESTAMP, headers.get(SignedRequests.TIMESTAMP))
                .header(SignedRequests.SIGNATURE, headers.get(SignedRequests.SIGNATURE)));
        // every request and answer keeps the published contract (docs/phone-cti.openapi.yaml)
        var response = answer.andReturn().getResponse();
        if (response.getStatus() == 200) {
            CONTRACT.assertRequest("POST", path, headers, "application/json", content);
        }
        CONTRACT.assertAnswer("POST", path, response.getStatus(), response.getContentType(),
                response.getContentAsByteArray());
        return answer;
    }

    MockHttpServletRequestBuilder logCall(StaffMember agent) {
        return logCall(agent, "inbound");
    }

    MockHttpServletRequestBuilder logCall(StaffMember agent, String direction) {
        return post("/console/calls").param("game", game.code()).param("direction", direction)
                .with(user(new StaffUser(agent, ""))).with(csrf());
    }

    String card(StaffMember agent) throws Exception {
        return page(get("/console/calls/card"), agent, Locale.SIMPLIFIED_CHINESE);
    }

    String page(MockHttpServletRequestBuilder request, StaffMember as, Locale locale) throws Exception {
        return mvc.perform(request.with(user(new StaffUser(as, ""))).locale(locale)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static List<String> notes(TicketDetails details) {
        return details.messages().stream().filter(m -> m.visibility() == Visibility.INTERNAL).map(MessageView::body)
                .toList();
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    static UUID id(String text) {
        return UUID.fromString(text);
    }
}
