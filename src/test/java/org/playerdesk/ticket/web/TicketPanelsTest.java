package org.playerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Other modules' panels appear on the ticket page in their place, escaped, only when they have something. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({TestWorkspace.class, TicketPanelsTest.Panels.class})
class TicketPanelsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;

    @Test
    void rendersEachPanelInItsColumnWithTheDataItGave() throws Exception {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        Opened opened = workspace.ticket(game, "panel-player", "bug");

        String page = mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(new StaffUser(agent, "")))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"main-panel\"", "<p>#" + opened.ticket().number() + " &lt;b&gt;main</p>");
        assertThat(page).contains("data-testid=\"side-panel\"", "<p>side for " + agent.username() + "</p>");
        assertThat(page).doesNotContain("never-shown");
        assertThat(page.indexOf("data-testid=\"main-panel\"")).isLessThan(page.indexOf("data-testid=\"side-panel\""));
    }

    record Data(String place, String text) {
    }

    @TestConfiguration
    static class Panels {

        @Bean
        TicketPanel mainPanel() {
            return panel(TicketPanel.Place.MAIN, 10,
                    (ticket, viewer) -> Optional.of(new Data("main-panel", "#" + ticket.number() + " <b>main")));
        }

        @Bean
        TicketPanel sidePanel() {
            return panel(TicketPanel.Place.SIDE, 10,
                    (ticket, viewer) -> Optional.of(new Data("side-panel", "side for " + viewer.getUsername())));
        }

        @Bean
        TicketPanel emptyPanel() {
            return panel(TicketPanel.Place.SIDE, 20, (ticket, viewer) -> Optional.empty());
        }

        private static TicketPanel panel(TicketPanel.Place place, int order,
                java.util.function.BiFunction<TicketView, StaffUser, Optional<Object>> data) {
            return new TicketPanel() {
                @Override
                public Place place() {
                    return place;
                }

                @Override
                public int order() {
                    return order;
                }

                @Override
                public String template() {
                    return "test/panel";
                }

                @Override
                public String title() {
                    return "ticket.metadata";
                }

                @Override
                public Optional<Object> data(TicketView ticket, StaffUser viewer) {
                    return data.apply(ticket, viewer);
                }
            };
        }
    }
}
