package org.playerdesk.insight.internal;

import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.insight.DailyVolume;
import org.playerdesk.ticket.InboxPanel;
import org.springframework.stereotype.Component;

/**
 * Today's counts (UTC day) of the games the reader serves, at the top of the inbox. A panel, so
 * that the dependency runs from insight to ticket: insight listens to ticket events, and the
 * ticket module must not call it back.
 */
@Component
class TodayInMyGames implements InboxPanel {

    private final DailyVolume volume;

    TodayInMyGames(DailyVolume volume) {
        this.volume = volume;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/today";
    }

    @Override
    public Optional<Object> data(StaffUser viewer) {
        return Optional.of(volume.today(viewer.gameScope()));
    }
}
