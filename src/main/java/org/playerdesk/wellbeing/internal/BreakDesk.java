package org.playerdesk.wellbeing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.ChatPause;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's short breaks: taken (suggested after hostile contacts in a row, or of their own
 * accord) for the configured minutes, or ended early. While one runs live chat offers the agent
 * no new chat: this is the chat module's {@link ChatPause}.
 */
@Service
@Transactional
class BreakDesk implements ChatPause {

    private final Breaks breaks;
    private final Exposures exposures;
    private final WellbeingSettings settings;
    private final Clock clock;

    BreakDesk(Breaks breaks, Exposures exposures, WellbeingSettings settings, Clock clock) {
        this.breaks = breaks;
        this.exposures = exposures;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a break now; the one under way when there is one (a second click takes no second break). */
    Break take(StaffMember agent) {
        Instant now = clock.instant();
        Optional<Break> running = breaks.running(agent.id(), now);
        if (running.isPresent()) {
            return running.get();
        }
        boolean suggested = exposures.of(agent, now).breakSuggested();
        return breaks.start(agent.id(), now, now.plus(Duration.ofMinutes(settings.breakMinutes())), suggested);
    }

    /** Ends the break under way now; false when there was none. */
    boolean endEarly(StaffMember agent) {
        return breaks.endEarly(agent.id(), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> pausedUntil(UUID staffId, Instant now) {
        return breaks.running(staffId, now).map(Break::endsAt);
    }
}
