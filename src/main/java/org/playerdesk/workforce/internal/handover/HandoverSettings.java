package org.playerdesk.workforce.internal.handover;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.workforce.handover.*}: the handover's alert and shift log email. The handover
 * window itself is the rosters' ({@code playerdesk.workforce.handover-window}, {@code
 * Rosters.handoverWindow()}).
 *
 * @param acknowledgeWithin how long after the incoming shift starts (the outgoing shift's end, or
 *        the submission when later or when the agent has no roster) a submitted handover may stay
 *        unacknowledged before the on-duty lead is alerted (default 15 minutes)
 * @param sweepInterval how often overdue handovers are looked for (default one minute)
 * @param publicUrl the address staff open the console at, for the link in the shift log email
 *        (default {@code http://localhost:8080})
 * @param mailFrom the sender of the shift log email (default {@code playerdesk@localhost})
 */
@ConfigurationProperties("playerdesk.workforce.handover")
public record HandoverSettings(Duration acknowledgeWithin, Duration sweepInterval, String publicUrl,
        String mailFrom) {

    public HandoverSettings {
        acknowledgeWithin = acknowledgeWithin == null ? Duration.ofMinutes(15) : acknowledgeWithin;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom.strip();
        if (acknowledgeWithin.isNegative()
                || sweepInterval.isZero() || sweepInterval.isNegative()) {
            throw new IllegalArgumentException("playerdesk.workforce.handover: "
                    + "acknowledge-within not negative, sweep-interval positive");
        }
    }
}
