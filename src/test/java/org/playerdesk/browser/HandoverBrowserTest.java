package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.browser.ConsolePages.signIn;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.workforce.HandoverForm;
import org.playerdesk.workforce.HandoverView;
import org.playerdesk.workforce.Handovers;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Shift handover end to end, each person in a browser of their own: the outgoing agent files a
 * handover with a ticket handed to the incoming agent and waits for handover; the incoming agent
 * acknowledges it and the outgoing agent is free; the team's lead releases another agent whose
 * handover nobody acknowledged.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class HandoverBrowserTest {

    @RegisterExtension
    static final Chromium session = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    Teams teams;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Handovers handovers;

    @Test
    void theOutgoingAgentFilesTheIncomingAcknowledgesAndTheLeadReleasesAnother() {
        GameInfo game = workspace.game();
        StaffMember outgoing = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember incoming = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember other = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        teams.define(null, TestWorkspace.unique("夜班组"), lead.id(), List.of(outgoing.id(), incoming.id(), other.id()),
                admin);
        UUID ticket = workspace.ticket(game, "30001", "consultation").ticket().id();
        desk.assign(ticket, outgoing.id(), Actor.SYSTEM);
        String base = "http://localhost:" + port;

        // the outgoing agent files their handover
        BrowserContext outgoingDesk = session.desktop("en");
        Page out = signIn(outgoingDesk, base, outgoing);
        out.locator("[data-testid=nav-handover]").click();
        out.locator("[data-testid=handover-start]").click();
        Locator item = out.locator("[data-testid=handover-form] [data-testid=handover-item][data-kind=ticket]");
        assertThat(item).hasCount(1);
        assertThat(item).containsText("#");
        item.locator("[data-testid=item-note-input]").fill("The player waits for a refund; answer before 17:00");
        item.locator("[data-testid=item-disposition]").selectOption("assign");
        item.locator("[data-testid=item-target]").selectOption(incoming.id().toString());
        out.locator("[data-testid=incoming-choice][value='" + incoming.id() + "']").check();
        out.locator("[data-testid=handover-emergencies-input]").fill("Server restart at 17:00: post the notice first");
        out.locator("[data-testid=handover-submit]").click();
        assertThat(out.locator("[data-testid=waiting-for-handover]")).isVisible();
        assertThat(tickets.head(ticket).assigneeId()).isEqualTo(incoming.id());

        // the incoming agent acknowledges it, item by item
        BrowserContext incomingDesk = session.desktop("zh-CN");
        Page in = signIn(incomingDesk, base, incoming);
        in.navigate(base + "/console/handover");
        Locator addressed = in.locator("[data-testid=incoming-handovers] [data-testid=handover]");
        assertThat(addressed).hasCount(1);
        assertThat(addressed.locator("[data-testid=handover-emergencies]")).containsText("Server restart at 17:00");
        assertThat(addressed.locator("[data-testid=item-note]")).containsText("refund");
        addressed.locator("[data-testid=handover-item][data-kind=ticket] [data-testid=acknowledge]").click();
        assertThat(in.locator("[data-testid=incoming-handovers] [data-testid=handover]")).hasCount(0);
        assertThat(in.locator("[data-testid=shift-log] [data-testid=handover][data-state=acknowledged]"))
                .hasCount(1);

        out.reload();
        assertThat(out.locator("[data-testid=waiting-for-handover]")).hasCount(0);
        assertThat(out.locator("[data-testid=handover-start]")).isVisible();
        assertThat(out.locator("[data-testid=shift-log] [data-testid=handover][data-state=acknowledged]"))
                .hasCount(1);

        // another agent's handover is not acknowledged: the lead releases them
        HandoverView draft = handovers.openDraft(other);
        handovers.submit(draft.id(), new HandoverForm(null, "无人接班", List.of(incoming.id()), List.of()), other);
        BrowserContext leadDesk = session.desktop("zh-CN");
        Page lea = signIn(leadDesk, base, lead);
        lea.navigate(base + "/console/handover");
        Locator waiting = lea.locator("[data-testid=team-handovers] [data-testid=handover]");
        assertThat(waiting).hasCount(1);
        waiting.locator("[data-testid=release-reason]").fill("接班人临时请假");
        waiting.locator("[data-testid=release]").click();
        assertThat(lea.locator("[data-testid=team-handovers] [data-testid=handover]")).hasCount(0);
        lea.locator("[data-testid=handover-search]").fill("无人接班");
        lea.locator("[data-testid=handover-search-submit]").click();
        Locator found = lea.locator("[data-testid=shift-log] [data-testid=handover]");
        assertThat(found).hasCount(1);
        assertThat(found).hasAttribute("data-state", "released");
        assertThat(found.locator("[data-testid=released-by]")).containsText(lead.displayName());
        assertThat(handovers.waitingFor(other.id())).isFalse();

        outgoingDesk.close();
        incomingDesk.close();
        leadDesk.close();
    }
}
