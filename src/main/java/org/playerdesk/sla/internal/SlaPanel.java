package org.playerdesk.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.playerdesk.access.StaffUser;
import org.playerdesk.sla.TimerView;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/** The ticket page's side panel: each target of the ticket, its state and the time left. */
@Component
class SlaPanel implements TicketPanel {

    private final SlaClocks clocks;
    private final Clock clock;

    SlaPanel(SlaClocks clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    /** One target as shown: labels are message keys with their amount. */
    record Line(TimerView timer, String stateKey, String colour, String leftKey, long leftAmount) {
    }

    record Data(List<Line> lines) {
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String template() {
        return "sla/ticket-panel";
    }

    @Override
    public String title() {
        return "sla.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        try {
            List<Line> lines = clocks.timersOf(ticket.id(), clock.instant()).stream().map(SlaPanel::line).toList();
            return Optional.of(new Data(lines));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Line line(TimerView timer) {
        String state;
        String colour;
        if (timer.running()) {
            state = "sla.timer.running";
            colour = timer.breachedAt() != null ? "breached" : timer.warnedAt() != null ? "warning" : "on_track";
        } else if (timer.paused()) {
            state = "sla.timer.paused";
            colour = "paused";
        } else {
            state = timer.met() ? "sla.timer.met" : "sla.timer.missed";
            colour = timer.met() ? "met" : "breached";
        }
        Label label = Label.of(timer.left());
        return new Line(timer, state, colour, label.key(), label.amount());
    }

    /** "12 min left" or "overdue 3 h", in the largest whole unit. */
    record Label(String key, long amount) {

        static Label of(Duration left) {
            boolean overdue = left.isNegative();
            Duration size = left.abs();
            String prefix = overdue ? "sla.overdue." : "sla.left.";
            if (size.toDays() > 0) {
                return new Label(prefix + "days", size.toDays());
            }
            if (size.toHours() > 0) {
                return new Label(prefix + "hours", size.toHours());
            }
            long minutes = overdue ? Math.max(1, size.toMinutes()) : size.toMinutes();
            return new Label(prefix + "minutes", minutes);
        }
    }
}
