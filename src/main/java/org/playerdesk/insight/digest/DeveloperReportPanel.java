package org.playerdesk.insight.digest;

import java.time.Instant;
import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * Beside the conversation: when the ticket's group of alike reports was reported to the game's
 * developers, the tracker's reference (a link when it is an http or https address), so that the
 * agent can tell the player it is known and followed.
 */
@Component
class DeveloperReportPanel implements TicketPanel {

    private final DeveloperDigests digests;

    DeveloperReportPanel(DeveloperDigests digests) {
        this.digests = digests;
    }

    record Data(String reference, String url, String words, String reportedBy, Instant reportedAt) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 160;
    }

    @Override
    public String template() {
        return "insight/developer-report";
    }

    @Override
    public String title() {
        return "insight.digest.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        try {
            return digests.reportOn(ticket.id()).map(group -> new Data(group.reportedRef(),
                    DigestView.References.url(group.reportedRef()), group.words(), group.reportedBy(),
                    group.reportedAt()));
        } catch (org.springframework.dao.DataAccessException down) {
            // a panel must not fail the page
            return Optional.empty();
        }
    }
}
