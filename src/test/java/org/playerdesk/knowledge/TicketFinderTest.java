package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Console ticket search finds tickets by subject, by later messages and by nickname, in the reader's games only. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketFinderTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketFinder finder;

    @Test
    void findsTicketsBySubjectMessagesAndNicknameWithinTheServedGames() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        Opened opened = desk.open(new NewTicket(game.id(), new PlayerIdentity("acc-1", "剑圣无名", "S1", null), "payment",
                "web", null, "充值没到账", "昨天充值了648", null, Map.of(), false), List.of());
        desk.note(opened.ticket().id(), Actor.agent(java.util.UUID.randomUUID(), "客服"), "已联系支付渠道 refund pending", null);
        desk.open(new NewTicket(other.id(), new PlayerIdentity("acc-2", "路人", "S1", null), "payment", "web", null,
                "充值没到账", "别的游戏", null, Map.of(), false), List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(finder.find(Set.of(game.id()), "refund", 10)).hasSize(1));
        assertThat(finder.find(Set.of(game.id()), "充值", 10)).extracting(TicketHit::number)
                .containsExactly(opened.ticket().number());
        assertThat(finder.find(Set.of(game.id()), "剑圣", 10)).hasSize(1);
        assertThat(finder.find(Set.of(), "充值", 10)).isEmpty();
        assertThat(finder.find(Set.of(game.id()), "！！", 10)).isEmpty();

        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        String page = mvc.perform(get("/console/knowledge/tickets").param("q", "充值").with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"kb-ticket-hit\"", "#" + opened.ticket().number());
        assertThat(page.split("data-testid=\"kb-ticket-hit\"", -1)).hasSize(2);
    }
}
