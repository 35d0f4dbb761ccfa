package org.playerdesk.outreach.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.ContactPreferences;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.ratelimit.RateLimit;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.playerdesk.system.ratelimit.RateLimiters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends running campaigns on every node. A worker claims a batch of due recipients in a
 * transaction of its own that commits before anything is sent (state {@code sending}, a claim token
 * of its own), so two nodes never send to the same recipient; then, for each, it checks the opt-out
 * as it is now, the player's quiet hours and the channel's per-minute limit, sends with the
 * recipient's idempotency key. Before a group of recipients goes out ({@code
 * playerdesk.outreach.attempt-group}, 20) it writes, in one transaction, what happened to the group
 * before and the mark that it is sending to this one. A claim a node died holding (older than
 * {@code playerdesk.outreach.lease}) goes back to the queue, except on email and SMS the recipients
 * of the group it was sending: those may or may not have had the message and become
 * {@code interrupted}, never sent blindly twice (a lead may resend them). In game they are sent
 * again with the same key, which the game applies once.
 */
@Component
class CampaignWorker {

    private static final Logger log = LoggerFactory.getLogger(CampaignWorker.class);
    private static final int STATE_CHECK = 25;

    private final CampaignStore store;
    private final ContactStore contacts;
    private final Map<OutreachChannel, Messenger> messengers = new EnumMap<>(OutreachChannel.class);
    private final RateLimiters limiters;
    private final Map<String, RateLimiter> limits = new ConcurrentHashMap<>();
    private final OutreachProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CampaignWorker(CampaignStore store, ContactStore contacts, List<Messenger> messengers, RateLimiters limiters,
            OutreachProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        messengers.forEach(m -> this.messengers.put(m.channel(), m));
        this.limiters = limiters;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${playerdesk.outreach.tick:5s}", fixedDelayString = "${playerdesk.outreach.tick:5s}")
    void tick() {
        try {
            workDue();
        } catch (RuntimeException e) {
            log.warn("Campaigns: this round failed and the next will try again: {}", e.toString());
        }
    }

    /** Works every running campaign until nothing more is due now; the number of messages sent. */
    int workDue() {
        int sent = 0;
        for (UUID campaignId : store.running()) {
            sent += work(campaignId);
        }
        return sent;
    }

    /** Works one campaign until nothing more of it is due now (or the channel's limit is reached). */
    int work(UUID campaignId) {
        CampaignStore.CampaignRow campaign = store.campaign(campaignId).orElseThrow();
        Messenger messenger = messengers.get(campaign.channel());
        Instant now = clock.instant();
        transaction.executeWithoutResult(s -> store.recover(campaignId, now.minus(properties.lease()),
                messenger.resendable(), now));
        OutreachSettings settings = contacts.settings(campaign.gameId());
        int sent = 0;
        while (true) {
            UUID claim = Ids.next();
            List<CampaignStore.Claimed> batch = transaction
                    .execute(s -> store.claim(campaignId, clock.instant(), properties.batchSize(), claim));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            Round round = send(campaign, messenger, settings, claim, batch);
            sent += round.sent;
            if (round.stop) {
                break;
            }
        }
        transaction.executeWithoutResult(s -> {
            if (store.open(campaignId) == 0) {
                store.move(campaignId, CampaignState.RUNNING, CampaignState.FINISHED, clock.instant());
            }
        });
        return sent;
    }

    private record Round(int sent, boolean stop) {
    }

    /**
     * Sends one claimed batch, a group at a time: the outcomes of a group are committed with the
     * mark of the next group's attempt, in one transaction, before the next group's first message
     * goes out, so at any moment at most one group has attempts without their outcomes written (one
     * commit a message would cost more than the sending itself when nothing throttles it).
     */
    private Round send(CampaignStore.CampaignRow campaign, Messenger messenger, OutreachSettings settings, UUID claim,
            List<CampaignStore.Claimed> batch) {
        Map<UUID, ContactPreferences> prefs = contacts.of(batch.stream().map(CampaignStore.Claimed::playerId).toList());
        QuietHours quiet = new QuietHours(settings.quietFrom(), settings.quietUntil());
        RateLimiter limiter = limiter(campaign.channel(), settings.perMinute(campaign.channel()));
        List<CampaignStore.Outcome> outcomes = new ArrayList<>();
        int sent = 0;
        boolean stop = false;
        int attemptedTo = 0;
        Set<UUID> mine = Set.of();
        try {
            for (int i = 0; i < batch.size(); i++) {
                CampaignStore.Claimed r = batch.get(i);
                Instant now = clock.instant();
                if (i % STATE_CHECK == 0 && store.state(campaign.id()) != CampaignState.RUNNING) {
                    release(claim, batch.subList(i, batch.size()), now);
                    stop = true;
                    break;
                }
                if (i >= attemptedTo) {
                    attemptedTo = Math.min(batch.size(), i + properties.attemptGroup());
                    List<UUID> group = batch.subList(i, attemptedTo).stream().map(CampaignStore.Claimed::id).toList();
                    mine = transaction.execute(s -> {
                        store.settle(claim, outcomes);
                        return store.attempt(claim, group, now);
                    });
                    outcomes.clear();
                }
                ContactPreferences p = prefs.get(r.playerId());
                if (p != null && p.optedOut(campaign.channel())) {
                    outcomes.add(new CampaignStore.Outcome(r.id(), RecipientState.OPTED_OUT, now, null, "opted out"));
                    continue;
                }
                Instant quietEnd = quiet.endAround(now, ZoneId.of(r.timeZone()));
                if (quietEnd != null) {
                    store.release(claim, List.of(r.id()), quietEnd);
                    continue;
                }
                RateLimiter.Admission admission = limiter.take(campaign.gameId().toString());
                if (!admission.admitted()) {
                    release(claim, batch.subList(i, batch.size()), now.plusSeconds(admission.retryAfterSeconds()));
                    stop = true;
                    break;
                }
                if (mine == null || !mine.contains(r.id())) {
                    continue; // taken over by another node after this claim's lease: not this node's to send
                }
                try {
                    String reference = messenger.deliver(outgoing(campaign, r));
                    outcomes.add(new CampaignStore.Outcome(r.id(), RecipientState.SENT, now, reference, null));
                    sent++;
                } catch (Messenger.Undelivered e) {
                    if (e.later) {
                        release(claim, batch.subList(i, batch.size()), now.plus(Duration.ofMinutes(1)));
                        stop = true;
                        break;
                    }
                    outcomes.add(new CampaignStore.Outcome(r.id(), RecipientState.FAILED, now, null,
                            CampaignStore.clip(e.getMessage(), 500)));
                }
            }
        } finally {
            transaction.executeWithoutResult(s -> store.settle(claim, outcomes));
        }
        return new Round(sent, stop);
    }

    private void release(UUID claim, List<CampaignStore.Claimed> rest, Instant dueAt) {
        store.release(claim, rest.stream().map(CampaignStore.Claimed::id).toList(), dueAt);
    }

    private RateLimiter limiter(OutreachChannel channel, int perMinute) {
        if (perMinute <= 0) {
            return RateLimiter.UNLIMITED;
        }
        String name = "outreach-" + channel.code() + "-" + perMinute;
        return limits.computeIfAbsent(name,
                n -> limiters.limiter(RateLimit.perWindow(n, perMinute, Duration.ofMinutes(1))));
    }

    Messenger.Outgoing outgoing(CampaignStore.CampaignRow c, CampaignStore.Claimed r) {
        boolean english = "en".equals(r.locale());
        return new Messenger.Outgoing(r.id(), c.gameId(), r.accountId(), r.address(), r.locale(), c.name(),
                english ? c.subjectEn() : c.subjectZh(), english ? c.textEn() : c.textZh(),
                unsubscribeUrl(r.id(), c.secret()));
    }

    String unsubscribeUrl(UUID recipientId, String secret) {
        return properties.publicUrl() + "/outreach/unsubscribe/" + UnsubscribeTokens.token(recipientId, secret);
    }

    static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }
}
