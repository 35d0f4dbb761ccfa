package org.playerdesk.privacy.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditRetention;
import org.playerdesk.privacy.RetentionTarget;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.entity.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies each game's retention periods: every {@code playerdesk.privacy.retention.interval}, the
 * node that takes the sweep's lease (one at a time, of all nodes) has each data kind's module
 * purge or anonymise the game's rows older than the period, a batch of
 * {@code playerdesk.privacy.retention.batch-size} rows per transaction, until none is left. The dry
 * run counts what a run would do now, per game and kind, and changes nothing. A game without a
 * period for a kind keeps it for ever (the default). A kind may be kept by several modules (chat
 * transcripts: on the tickets and in the live chat): each does its own rows, and a line counts
 * them all.
 */
@Component
public class RetentionSweep {

    /** The data kinds a retention period can be set for, in the order the page shows them. */
    public static final List<String> KINDS = List.of("closed-tickets", "chat-transcripts", "attachments",
            "audit-entries");

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final PrivacyStore store;
    private final Map<String, List<RetentionTarget>> targets = new LinkedHashMap<>();
    private final PrivacyProperties properties;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();

    RetentionSweep(PrivacyStore store, List<RetentionTarget> targets, PrivacyProperties properties, Clock clock) {
        this.store = store;
        targets.forEach(target -> this.targets.computeIfAbsent(target.kind(), kind -> new ArrayList<>()).add(target));
        this.properties = properties;
        this.clock = clock;
    }

    /** The audit log's entries as a data kind under retention (the audit log stays with {@code access}). */
    @Bean
    static RetentionTarget auditEntriesRetention(AuditRetention audit) {
        return new RetentionTarget() {
            @Override
            public String kind() {
                return "audit-entries";
            }

            @Override
            public long due(UUID gameId, Instant before) {
                return audit.olderThan(gameId, before);
            }

            @Override
            public int purge(UUID gameId, Instant before, int limit) {
                return audit.purge(gameId, before, limit);
            }
        };
    }

    /** One line of a dry run or a run: a game, a data kind, its period and the rows. */
    public record Line(UUID gameId, String kind, int days, long rows) {
    }

    /** What a run would purge or anonymise now, per game and kind, of the games given. */
    public List<Line> dryRun(Collection<UUID> games) {
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        for (PrivacyStore.Period period : store.periods()) {
            List<RetentionTarget> kept = targets.get(period.kind());
            if (kept != null && games.contains(period.gameId())) {
                Instant before = cutoff(now, period.days());
                lines.add(new Line(period.gameId(), period.kind(), period.days(),
                        kept.stream().mapToLong(target -> target.due(period.gameId(), before)).sum()));
            }
        }
        return lines;
    }

    @Scheduled(initialDelayString = "${playerdesk.privacy.retention.interval:1h}",
            fixedDelayString = "${playerdesk.privacy.retention.interval:1h}")
    void scheduled() {
        DatabaseUnavailable.tolerate(log, "Retention periods not applied yet", this::run);
    }

    /**
     * Runs the sweep on this node if no other node runs it; answers what it did per game and kind
     * (nothing when another node holds the lease).
     */
    public List<Line> run() {
        return run(properties.retention().batchSize());
    }

    /** As {@link #run()}, with batches of {@code batch} rows. */
    public List<Line> run(int batch) {
        return runIfFree(batch).orElse(List.of());
    }

    /**
     * As {@link #run()}, telling a run that did nothing because another holds the lease (empty)
     * from one that found no period (no lines).
     */
    public Optional<List<Line>> runIfFree() {
        return runIfFree(properties.retention().batchSize());
    }

    private Optional<List<Line>> runIfFree(int batch) {
        Instant now = clock.instant();
        // each run its own holder: a second run on this node waits for the next sweep like another node's
        String node = this.node + "/" + Ids.next();
        if (!store.lease(node, now, properties.retention().lease())) {
            return Optional.empty();
        }
        List<Line> done = new ArrayList<>();
        try {
            for (PrivacyStore.Period period : store.periods()) {
                List<RetentionTarget> kept = targets.get(period.kind());
                if (kept == null) {
                    continue;
                }
                Instant before = cutoff(now, period.days());
                long rows = 0;
                for (RetentionTarget target : kept) {
                    int purged;
                    do {
                        purged = target.purge(period.gameId(), before, batch);
                        rows += purged;
                        store.lease(node, clock.instant(), properties.retention().lease());
                    } while (purged == batch);
                }
                if (rows > 0) {
                    log.info("retention: {} {} of game {} older than {} days purged or anonymised", rows,
                            period.kind(), period.gameId(), period.days());
                }
                done.add(new Line(period.gameId(), period.kind(), period.days(), rows));
            }
        } finally {
            store.release(node);
        }
        return Optional.of(done);
    }

    private static Instant cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }
}
