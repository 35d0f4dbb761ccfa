package org.playerdesk.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.internal.TicketViewer;
import org.playerdesk.ticket.internal.TicketViewerRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has a ticket open right now, and who is writing a reply to it, so that two agents do not
 * answer the same player at once. Each open ticket page says so every {@link #HEARTBEAT}; a page
 * not heard from for {@link #EXPIRY} (closed, or its network lost) no longer counts. The rows are
 * in the database, so agents signed in to different nodes see one another, and the expiry is
 * read from the application's clock.
 */
@Service
public class TicketPresence {

    /** How often an open ticket page says it is still there. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Three heartbeats missed: the page is gone. */
    public static final Duration EXPIRY = HEARTBEAT.multipliedBy(3);

    /** What a member of staff is doing on the ticket. */
    public enum Activity implements Coded {
        VIEWING("viewing"), REPLYING("replying");

        private final String code;

        Activity(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** Another member of staff on the ticket, by the name colleagues know them by. */
    public record Colleague(UUID staffId, String name, Activity activity) {
    }

    private final TicketViewerRepository viewers;
    private final ConflictRetry retry;
    private final Clock clock;

    TicketPresence(TicketViewerRepository viewers, ConflictRetry retry, Clock clock) {
        this.viewers = viewers;
        this.retry = retry;
        this.clock = clock;
    }

    /**
     * The member is on the ticket, doing {@code activity}; answers who else is, as of now. Two
     * pages of the same member saying so at the same moment for the first time would both insert:
     * the second then refreshes the row the first made.
     */
    public List<Colleague> here(UUID ticketId, UUID staffId, String name, Activity activity) {
        return retry.call(() -> {
            Instant now = clock.instant();
            boolean replying = activity == Activity.REPLYING;
            if (viewers.refresh(ticketId, staffId, TicketViewer.name(name), replying, now) == 0) {
                viewers.saveAndFlush(new TicketViewer(ticketId, staffId, name, replying, now));
            }
            return present(ticketId, staffId, now);
        });
    }

    /** Who besides {@code staffId} is on the ticket now. */
    @Transactional(readOnly = true)
    public List<Colleague> besides(UUID ticketId, UUID staffId) {
        return present(ticketId, staffId, clock.instant());
    }

    /** The member closed the ticket's page: colleagues stop seeing them at once, not after the expiry. */
    @Transactional
    public void left(UUID ticketId, UUID staffId) {
        viewers.leave(ticketId, staffId);
    }

    /** Deletes the rows of pages gone for longer than the expiry; a plain delete by age that any node may run. */
    @Transactional
    public int forgetTheGone() {
        return viewers.forgetSilentSince(clock.instant().minus(EXPIRY));
    }

    private List<Colleague> present(UUID ticketId, UUID staffId, Instant now) {
        return viewers.presentBesides(ticketId, staffId, now.minus(EXPIRY)).stream()
                .map(v -> new Colleague(v.staffId(), v.staffName(),
                        v.replying() ? Activity.REPLYING : Activity.VIEWING))
                .toList();
    }
}
