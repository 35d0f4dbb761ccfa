package org.playerdesk.outreach.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.outreach.*}: how campaigns are worked (docs/campaigns.md).
 *
 * @param publicUrl where players open PlayerDesk, for the unsubscribe links in emails
 * @param tick how often each node looks for recipients due (default 5 s)
 * @param batchSize how many recipients a worker claims at once (default 200)
 * @param lease how long a claim is held before a node is taken for dead (default 10 min)
 * @param attemptGroup how many recipients a worker marks as being sent in one transaction, with the
 *        outcomes of the group before (default 20): the most that a node dying mid-send leaves
 *        uncertain ({@code interrupted}) on email and SMS; 1 commits once a message
 * @param sms the generic SMS gateway: its URL, the shared secret that signs calls both ways, and how
 *        long after a campaign's SMS a player's answer from that number is taken as a reply to it
 *        ({@code reply-window}, default 30 days); {@code max-length}, when set, the most characters
 *        the gateway takes in one message, and what becomes of an agent's longer answer on an SMS
 *        ticket ({@code too-long}: {@code cut}, the default, or {@code refuse}); how often the ids
 *        of inbound texts older than the reply window are purged ({@code purge-interval}, default
 *        1 hour) and how many rows a transaction deletes ({@code purge-batch}, default 1000)
 */
@ConfigurationProperties("playerdesk.outreach")
record OutreachProperties(String publicUrl, Duration tick, Integer batchSize, Duration lease, Integer attemptGroup,
        Sms sms) {

    record Sms(String url, String secret, Duration timeout, Duration replyWindow, Integer maxLength, String tooLong,
            Duration purgeInterval, Integer purgeBatch) {

        Sms {
            url = url == null || url.isBlank() ? null : url.strip();
            secret = secret == null || secret.isBlank() ? null : secret;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            replyWindow = replyWindow == null ? Duration.ofDays(30) : replyWindow;
            maxLength = maxLength == null || maxLength < 1 ? null : maxLength;
            tooLong = tooLong == null || tooLong.isBlank() ? "cut" : tooLong.strip().toLowerCase(java.util.Locale.ROOT);
            if (!tooLong.equals("cut") && !tooLong.equals("refuse")) {
                throw new IllegalArgumentException("playerdesk.outreach.sms.too-long must be cut or refuse");
            }
            purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
            purgeBatch = purgeBatch == null || purgeBatch < 1 ? 1000 : purgeBatch;
        }

        /** Whether an agent's answer longer than {@code max-length} is refused rather than cut. */
        boolean refuseTooLong() {
            return tooLong.equals("refuse");
        }
    }

    OutreachProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        attemptGroup = attemptGroup == null || attemptGroup < 1 ? 20 : attemptGroup;
        sms = sms == null ? new Sms(null, null, null, null, null, null, null, null) : sms;
    }
}
