package org.playerdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.internal.ChatTranscripts;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When the chat is open and who may be offered chats: an agent whose console falls silent goes
 * offline; a game's chat is closed on its holidays; players send images, and only images.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ChatAvailabilityTest {

    /** The smallest valid PNG: one transparent pixel. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired
    TestWorkspace workspace;
    @Autowired
    ChatDesk desk;
    @Autowired
    ChatQueue queue;
    @Autowired
    ChatSeats seats;
    @Autowired
    ChatRulebook rulebook;
    @Autowired
    ChatTranscripts transcripts;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;

    GameInfo game;

    @BeforeEach
    void setUp() {
        game = workspace.game();
        rulebook.configure(game.id(), null, true, null, null, null, null);
    }

    @Test
    void anAgentWhoseConsoleFallsSilentGoesOfflineAndAwayIsLeftAlone() {
        StaffMember silent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember beating = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember away = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(silent, Presence.ONLINE, 3);
        seats.setPresence(beating, Presence.BUSY, 3);
        seats.setPresence(away, Presence.AWAY, 3);

        seats.markAbsentAgentsOffline(clock.instant().plusSeconds(60));
        assertThat(seats.seat(silent).presence()).as("within the timeout").isEqualTo(Presence.ONLINE);

        seats.heartbeat(beating.id(), clock.instant().plusSeconds(60));
        seats.markAbsentAgentsOffline(clock.instant().plusSeconds(80));
        assertThat(seats.online(game.id())).extracting(AgentSeat::staffId).contains(silent.id());

        // 91 s after its last sign of life the silent console counts as gone; the beating one does not
        assertThat(seats.markAbsentAgentsOffline(clock.instant().plusSeconds(91))).isGreaterThanOrEqualTo(1);
        assertThat(seats.seat(silent).presence()).isEqualTo(Presence.OFFLINE);
        assertThat(seats.seat(beating).presence()).isEqualTo(Presence.BUSY);
        assertThat(seats.seat(away).presence()).isEqualTo(Presence.AWAY);
        assertThat(seats.online(game.id())).extracting(AgentSeat::staffId).doesNotContain(silent.id());
    }

    @Test
    void onAClosedDayTheChatIsATicketFromTheStartAndBadDatesAreRefused() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertThatThrownBy(() -> rulebook.configure(game.id(), null, true, null, null, "Asia/Shanghai", null,
                today + "\n2027-13-40")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().toString()).contains("closedDays"));
        assertThat(rulebook.rules(game.id()).closedDays()).as("a refused change keeps nothing").isEmpty();

        ChatRules rules = rulebook.configure(game.id(), null, true, null, null, "Asia/Shanghai", null,
                today.plusDays(1) + ", " + today + " " + today);
        assertThat(rules.closedDays()).containsExactly(today, today.plusDays(1));
        assertThat(desk.start(game.code(), null, "游客", "c-1", "春节有人吗").chat().status())
                .isEqualTo(ChatStatus.TICKET);

        assertThat(rulebook.configure(game.id(), null, true, null, null, "Asia/Shanghai", null).closedDays())
                .as("left out: kept").hasSize(2);
        rulebook.configure(game.id(), null, true, null, null, "Asia/Shanghai", null, " ");
        assertThat(desk.start(game.code(), null, "游客", "c-1", "现在呢").chat().status())
                .isEqualTo(ChatStatus.WAITING);
    }

    @Test
    void theTicketCatchesUpWithTheChatOnceInOrderWithEachLinesAuthorAndTime() {
        Opened opened = openWithAnAgentOnline("648 元没到账");
        ChatStarted started = opened.started();
        UUID chat = opened.chat();
        StaffUser me = opened.me();
        StaffMember agent = opened.agent();
        queue.accept(chat, me);
        ChatLine answer = desk.post(chat, Sender.agent(me), "a-1", "您好，我帮您查一下", null);
        desk.post(chat, Sender.player(chat), "c-2", "订单号 P2026", null);
        desk.post(chat, Sender.agent(me), "a-2", "已补发，请查收", null);

        transcripts.transcribe(chat);
        assertThat(transcripts.transcribe(chat)).as("nothing twice").isZero();
        var ticket = tickets.details(started.chat().ticketId(), true);
        assertThat(ticket.messages()).extracting(MessageView::body)
                .containsExactly("648 元没到账", "您好，我帮您查一下", "订单号 P2026", "已补发，请查收");
        assertThat(ticket.messages().get(1).authorId()).isEqualTo(agent.id());
        assertThat(ticket.messages().get(2).authorName()).isEqualTo("小雨");
        assertThat(ticket.ticket().firstResponseAt()).as("the first answer's own time").isEqualTo(answer.at());
        assertThat(transcripts.pendingTranscripts(10_000)).doesNotContain(chat);
    }

    @Test
    void aLiveChatsLinesWaitForTheirTicketUntilTheOldestHasWaitedTheTranscriptWait() {
        Opened opened = openWithAnAgentOnline("礼包码用不了");
        ChatStarted started = opened.started();
        UUID chat = opened.chat();
        StaffUser me = opened.me();
        queue.accept(chat, me);
        assertThat(transcripts.pendingTranscripts(10_000)).as("the first line opened the ticket").doesNotContain(chat);

        ChatLine first = desk.post(chat, Sender.player(chat), "c-2", "提示已过期", null);
        desk.post(chat, Sender.agent(me), "a-1", "请发一下截图", null);
        assertThat(transcripts.pendingTranscripts(10_000)).contains(chat);
        assertThat(transcripts.transcriptsDue(first.at().plusSeconds(29), 10_000)).as("within the wait")
                .doesNotContain(chat);
        assertThat(transcripts.transcriptsDue(first.at().plusSeconds(30), 10_000)).as("from the oldest line on")
                .contains(chat);
        assertThat(tickets.details(started.chat().ticketId(), true).messages()).hasSize(1);

        assertThat(transcripts.transcribe(chat)).isEqualTo(2);
        assertThat(transcripts.transcriptsDue(first.at().plusSeconds(60), 10_000)).doesNotContain(chat);
        assertThat(tickets.details(started.chat().ticketId(), true).messages()).extracting(MessageView::body)
                .containsExactly("礼包码用不了", "提示已过期", "请发一下截图");

        ChatLine later = desk.post(chat, Sender.player(chat), "c-3", "好的", null);
        assertThat(transcripts.transcriptsDue(later.at().plusSeconds(29), 10_000)).as("the wait starts again")
                .doesNotContain(chat);
    }

    @Test
    void theTicketPageOfALiveChatShowsTheLinesNotYetOnTheTicketAsText() throws Exception {
        Opened opened = openWithAnAgentOnline("角色卡住了");
        UUID chat = opened.chat();
        UUID ticket = opened.started().chat().ticketId();
        StaffUser me = opened.me();
        StaffMember agent = opened.agent();
        assertThat(page(ticket, me)).contains("data-testid=\"live-chat-panel\"", "Live chat, waiting for an agent");

        queue.accept(chat, me);
        desk.post(chat, Sender.player(chat), "c-2", "<script>alert(1)</script>卡在主城", null);
        String page = page(ticket, me);
        assertThat(page).contains("Live chat under way with " + agent.displayName(), "1 line said in the chat is",
                "&lt;script&gt;alert(1)&lt;/script&gt;卡在主城").doesNotContain("<script>alert(1)");

        transcripts.transcribe(chat);
        assertThat(page(ticket, me)).contains("Every line of the chat so far is in the conversation above.")
                .doesNotContain("data-testid=\"live-chat-lines\"");
        desk.end(chat, Sender.agent(me));
        assertThat(page(ticket, me)).as("an ended chat is all on the ticket").doesNotContain("live-chat-panel");
    }

    @Test
    void aResendIsDeliveredAgainOnlyToWhoMayWriteInTheChat() {
        Opened opened = openWithAnAgentOnline("充值没到账");
        ChatStarted other = desk.start(game.code(), null, "阿杰", "x-1", "我也是");
        assertThat(desk.post(opened.chat(), Sender.player(opened.chat()), "c-1", "充值没到账", null).seq())
                .as("the player's own resend comes back as stored").isEqualTo(1);
        assertThatThrownBy(() -> desk.post(opened.chat(), Sender.player(other.chat().id()), "c-1", "?", null))
                .as("another chat's player naming this chat's line").isInstanceOf(ChatRefused.class);
        assertThatThrownBy(() -> desk.post(opened.chat(), Sender.agent(opened.me()), "c-1", "?", null))
                .as("an agent who has not taken the chat").isInstanceOf(ChatRefused.class);
    }

    /** A chat of player 小雨, not yet accepted, and an agent of the game online with free seats. */
    private Opened openWithAnAgentOnline(String firstLine) {
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        seats.setPresence(agent, Presence.ONLINE, 3);
        ChatStarted started = desk.start(game.code(), null, "小雨", "c-1", firstLine);
        return new Opened(started, started.chat().id(), agent, new StaffUser(agent, ""));
    }

    private record Opened(ChatStarted started, UUID chat, StaffMember agent, StaffUser me) {
    }

    private String page(UUID ticket, StaffUser viewer) throws Exception {
        return mvc.perform(get("/console/tickets/" + ticket).with(user(viewer)).locale(java.util.Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aPlayerSendsAnImageWhichLandsOnTheTicketAndOnlyImagesAreTaken() throws Exception {
        ChatStarted started = desk.start(game.code(), null, "游客", "c-1", "截图在这里");
        String chat = started.chat().id().toString();

        mvc.perform(multipart("/chat/api/chats/" + chat + "/images").file(new MockMultipartFile("file", "shot.png",
                "image/png", PNG)).param("clientId", "img-1").header("X-Chat-Token", started.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.seq").value(2))
                .andExpect(jsonPath("$.imageId").isNotEmpty());
        UUID imageId = desk.history(started.chat().id(), 1).getFirst().imageId();
        mvc.perform(get("/chat/api/chats/" + chat + "/images/" + imageId).param("token", started.token()))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/chat/api/chats/" + chat + "/images/" + imageId).param("token", "wrong"))
                .andExpect(status().is4xxClientError());

        // a script named like a picture, declared as one: refused, nothing stored
        mvc.perform(multipart("/chat/api/chats/" + chat + "/images").file(new MockMultipartFile("file", "x.png",
                "image/png", "<script>alert(1)</script>".getBytes())).param("clientId", "img-2")
                .header("X-Chat-Token", started.token()))
                .andExpect(status().is4xxClientError());
        mvc.perform(multipart("/chat/api/chats/" + chat + "/images").file(new MockMultipartFile("file", "a.txt",
                "text/plain", "hello".getBytes())).param("clientId", "img-3").header("X-Chat-Token", started.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/chat/api/chats/" + chat + "/images").file(new MockMultipartFile("file", "shot.png",
                "image/png", PNG)).param("clientId", "img-4"))
                .andExpect(status().is4xxClientError());

        assertThat(desk.history(started.chat().id(), 0)).hasSize(2);
        assertThat(tickets.details(started.chat().ticketId(), false).messages()).hasSize(2)
                .last().satisfies((MessageView m) -> assertThat(m.attachments()).singleElement()
                        .satisfies(a -> assertThat(a.contentType()).isEqualTo("image/png")));
    }
}
