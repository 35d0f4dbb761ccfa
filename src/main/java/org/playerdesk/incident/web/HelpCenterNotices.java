package org.playerdesk.incident.web;

import java.util.List;
import java.util.Locale;

import org.playerdesk.channel.HelpPageContent;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.HelpNotice;
import org.playerdesk.incident.Incidents;
import org.springframework.stereotype.Component;

/**
 * Every page of a game's help center (its home, a followed ticket, the answers) shows the notices
 * of the game's open incidents at the top, as {@code incidentNotices} in the page's model, which
 * the layout's help header renders with the fragment {@code incident/help-notice}.
 */
@Component
class HelpCenterNotices implements HelpPageContent {

    static final String ATTRIBUTE = "incidentNotices";

    private final Incidents incidents;

    HelpCenterNotices(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public boolean homeOnly() {
        return false;
    }

    @Override
    public List<HelpNotice> shown(GameInfo game, Locale locale) {
        return incidents.notices(game.id(), locale);
    }
}
