package org.playerdesk.insight.digest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.assist.GameArea;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.TicketType;

/**
 * A game's digest for the days {@code from} to {@code to} (both included, in the game's time
 * zone): its groups, largest first. {@code truncated} when the period held more reports than a
 * digest reads.
 */
record DigestView(GameInfo game, LocalDate from, LocalDate to, int reports, boolean truncated,
        List<GroupView> groups) {

    /** A ticket shown as an example of its group. */
    record Sample(UUID ticketId, long number, String subject) {
    }

    /**
     * A group of alike reports: what it is (kind, area, client version, device family, its words),
     * how many reports and when, from which servers, examples and the players' own words, and
     * whether it was reported to the developers, with the tracker's reference.
     */
    record GroupView(UUID id, TicketType type, GameArea area, String clientVersion, String device, List<String> words,
            int count, Instant firstSeen, Instant lastSeen, List<String> servers, List<Sample> samples,
            List<String> quotes, String reportedRef, String reportedBy, Instant reportedAt) {

        public boolean reported() {
            return reportedRef != null;
        }

        /** The reference as a link when it is an http or https address; otherwise null. */
        public String referenceUrl() {
            return References.url(reportedRef);
        }
    }

    /** What tells a reference that is an address from a tracker's key such as {@code JIRA-123}. */
    static final class References {

        static final int MAX = 300;

        private References() {
        }

        /** Whether the reference is meant as an address (and so must be a good one). */
        static boolean looksLikeAddress(String reference) {
            String lower = reference.strip().toLowerCase(Locale.ROOT);
            return lower.contains("://") || lower.startsWith("www.") || lower.startsWith("http:")
                    || lower.startsWith("https:");
        }

        /** The reference when it is an absolute http or https address with a host; otherwise null. */
        static String url(String reference) {
            if (reference == null || !looksLikeAddress(reference) || reference.chars().anyMatch(Character::isWhitespace)) {
                return null;
            }
            try {
                URI uri = new URI(reference.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
    }
}
