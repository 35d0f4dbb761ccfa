package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.ticket.Opened;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The top bar's search: a number opens its ticket, an account its player, words list tickets; never another game's. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ConsoleSearchTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    PlayerDirectory players;
    @Autowired
    TicketFinder finder;

    @Test
    void aNumberOpensItsTicketAndAnAccountItsPlayer() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened first = workspace.ticket(game, "search-a", "bug");
        Opened second = workspace.ticket(game, "search-b", "bug");
        String account = TestWorkspace.unique("acc");
        workspace.ticket(game, account, "bug");
        StaffUser me = new StaffUser(agent, "");

        mvc.perform(get("/console/search").param("q", " #" + second.ticket().number() + " ").with(user(me)))
                .andExpect(redirectedUrl("/console/tickets/" + second.ticket().id()));
        mvc.perform(get("/console/search").param("q", String.valueOf(first.ticket().number())).with(user(me)))
                .andExpect(redirectedUrl("/console/tickets/" + first.ticket().id()));
        mvc.perform(get("/console/search").param("q", account).with(user(me)))
                .andExpect(redirectedUrl("/console/players/" + players.find(game.id(), account).orElseThrow().id()));
    }

    @Test
    void aNumberThatIsAlsoAnAccountListsBoth() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened first = workspace.ticket(game, "1", "bug");

        String page = page("1", agent, Locale.ENGLISH);
        assertThat(page).contains("data-testid=\"search-player\"").contains("data-testid=\"search-ticket\"")
                .contains("/console/tickets/" + first.ticket().id());
        mvc.perform(get("/console/search").param("q", "#1").with(user(new StaffUser(agent, ""))))
                .andExpect(redirectedUrl("/console/tickets/" + first.ticket().id()));
    }

    @Test
    void nothingOfAnotherGameIsFound() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        String account = TestWorkspace.unique("elsewhere");
        Opened foreign = workspace.ticket(other, account, "bug");
        await().atMost(Duration.ofSeconds(30)).until(() -> !finder.find(Set.of(other.id()), account, 5).isEmpty());

        assertThat(page(account, agent, Locale.ENGLISH)).contains("data-testid=\"search-none\"")
                .doesNotContain(foreign.ticket().id().toString());
        assertThat(page("#" + foreign.ticket().number() + "0", agent, Locale.SIMPLIFIED_CHINESE))
                .contains("在你负责的游戏中没有找到");
        assertThat(page("", agent, Locale.ENGLISH)).contains("data-testid=\"search-hint\"");
        assertThat(page("x".repeat(5000), agent, Locale.ENGLISH)).contains("data-testid=\"search-none\"");
    }

    private String page(String q, StaffMember member, Locale locale) throws Exception {
        return mvc.perform(get("/console/search").param("q", q).locale(locale).with(user(new StaffUser(member, ""))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
