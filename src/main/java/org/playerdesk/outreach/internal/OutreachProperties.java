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
 * @param sms the generic SMS gateway: its URL, the shared secret that signs calls both ways, and how
 *        long after a campaign's SMS a player's answer from that number is taken as a reply to it
 *        ({@code reply-window}, default 30 days)
 */
@ConfigurationProperties("playerdesk.outreach")
record OutreachProperties(String publicUrl, Duration tick, Integer batchSize, Duration lease, Sms sms) {

    record Sms(String url, String secret, Duration timeout, Duration replyWindow) {
        Sms {
            url = url == null || url.isBlank() ? null : url.strip();
            secret = secret == null || secret.isBlank() ? null : secret;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            replyWindow = replyWindow == null ? Duration.ofDays(30) : replyWindow;
        }
    }

    OutreachProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        tick = tick == null ? Duration.ofSeconds(5) : tick;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
        lease = lease == null ? Duration.ofMinutes(10) : lease;
        sms = sms == null ? new Sms(null, null, null, null) : sms;
    }
}
