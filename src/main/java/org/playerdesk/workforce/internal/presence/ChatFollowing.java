package org.playerdesk.workforce.internal.presence;

import java.time.Clock;
import java.time.Instant;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.chat.AgentPresenceChanged;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.Presence;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.workforce.PresenceState;
import org.playerdesk.workforce.PresenceView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The agent's state follows a presence chosen in the live-chat console. It reads the presence live
 * chat holds now, not the one the event carries, so that events late or twice change nothing: a
 * state that already goes with it (a break is away in live chat) is left as it is, and a state set
 * here never goes back to live chat, so the two cannot chase each other.
 */
@Component
class ChatFollowing {

    private final PresenceLedger ledger;
    private final ChatSeats seats;
    private final StaffDirectory staff;
    private final Clock clock;
    private final ConflictRetry conflicts;

    ChatFollowing(PresenceLedger ledger, ChatSeats seats, StaffDirectory staff, Clock clock, ConflictRetry conflicts) {
        this.conflicts = conflicts;
        this.clock = clock;
        this.ledger = ledger;
        this.seats = seats;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(AgentPresenceChanged changed) {
        conflicts.run(() -> follow(changed));
    }

    private void follow(AgentPresenceChanged changed) {
        // the state first, under its lock: a change of state made meanwhile sets live chat in the same
        // transaction, so what live chat holds is read after that change, never before it
        PresenceView now = ledger.lock(changed.staffId());
        Presence inChat = seats.seat(staff.get(changed.staffId())).presence();
        if (!now.recorded()) {
            // no row to lock yet: the first state is live chat's unless a state was chosen meanwhile,
            // which is then read again under its lock (with what it set in live chat)
            if (ledger.first(changed.staffId(), PresenceState.following(inChat), moment(changed, inChat, now),
                    PresenceLedger.Cause.CHAT, changed.staffId())) {
                return;
            }
            now = ledger.lock(changed.staffId());
            inChat = seats.seat(staff.get(changed.staffId())).presence();
        }
        if (now.state().inChat() == inChat) {
            return;
        }
        ledger.move(changed.staffId(), PresenceState.following(inChat), moment(changed, inChat, now),
                PresenceLedger.Cause.CHAT, changed.staffId());
    }

    /** The moment the agent chose it, when the event still tells what live chat holds; else now. */
    private Instant moment(AgentPresenceChanged changed, Presence inChat, PresenceView now) {
        return inChat == changed.presence() && (now.since() == null || changed.at().isAfter(now.since()))
                ? changed.at() : clock.instant();
    }
}
