package org.playerdesk.announcement.web;

import java.util.List;
import java.util.Locale;

import org.playerdesk.announcement.Announcements;
import org.playerdesk.announcement.PublishedAnnouncement;
import org.playerdesk.channel.HelpPageContent;
import org.playerdesk.game.GameInfo;
import org.springframework.stereotype.Component;

/**
 * A game's help-center home shows the announcements published now, pinned first, in the reader's
 * language, as {@code helpAnnouncements} in the page's model, which the layout renders with the
 * fragment {@code announcement/help}.
 */
@Component
class HelpCenterAnnouncements implements HelpPageContent {

    static final String ATTRIBUTE = "helpAnnouncements";

    private final Announcements announcements;

    HelpCenterAnnouncements(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public String attribute() {
        return ATTRIBUTE;
    }

    @Override
    public boolean homeOnly() {
        return true;
    }

    @Override
    public List<PublishedAnnouncement> shown(GameInfo game, Locale locale) {
        return announcements.shown(game.id(), locale);
    }
}
