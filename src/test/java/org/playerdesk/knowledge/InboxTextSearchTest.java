package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketTextSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The inbox's own search box finds words in messages and nicknames through the knowledge module's ticket index. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class InboxTextSearchTest {

    private static final Pattern ROW = Pattern.compile("data-testid=\"ticket-row\"\\s+data-ticket-number=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketTextSearch textSearch;

    @Test
    void inboxSearchFindsWordsInMessagesNotesAndNicknamesWithinTheReadersGames() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        Opened refund = open(game, "acc-1", "铁血战神", "充值没到账", "昨天买了月卡，一直没有发放");
        desk.note(refund.ticket().id(), Actor.agent(UUID.randomUUID(), "客服"), "渠道确认 chargeback pending", null);
        Opened login = open(game, "acc-2", "小明", "Cannot log in", "The launcher crashes at the loading screen");
        Opened elsewhere = open(other, "acc-3", "路人", "充值没到账", "月卡 chargeback 也没有发放");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(textSearch.matching(Set.of(game.id()), "chargeback", 10)).containsExactly(refund.ticket().id()));

        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        // a word of a message (not the subject), of an internal note, of the nickname, a stemmed English word
        assertThat(rows("月卡", agent)).containsExactly(refund.ticket().number());
        assertThat(rows("chargeback", agent)).containsExactly(refund.ticket().number());
        assertThat(rows("铁血", agent)).containsExactly(refund.ticket().number());
        assertThat(rows("crashing launcher", agent)).containsExactly(login.ticket().number());
        // the subject still matches as before, and the number search is untouched
        assertThat(rows("log in", agent)).containsExactly(login.ticket().number());
        assertThat(rows("#" + login.ticket().number(), agent)).containsExactly(login.ticket().number());
        assertThat(rows("没有这种词 zzzqqq", agent)).isEmpty();
        // nothing of a game the agent does not serve
        assertThat(textSearch.matching(Set.of(), "chargeback", 10)).isEmpty();
        assertThat(textSearch.matching(null, "chargeback", 50)).contains(refund.ticket().id(), elsewhere.ticket().id());
    }

    private Opened open(GameInfo game, String account, String nickname, String subject, String body) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, nickname, "S1", null), "payment", "web",
                null, subject, body, null, Map.of(), false), List.of());
    }

    private List<Long> rows(String q, StaffUser reader) throws Exception {
        String html = mvc.perform(get("/console/tickets").param("view", "all").param("q", q).with(user(reader))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Long> numbers = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            numbers.add(Long.parseLong(row.group(1)));
        }
        return numbers;
    }
}
