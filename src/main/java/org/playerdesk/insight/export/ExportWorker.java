package org.playerdesk.insight.export;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.files.FileStore;
import org.playerdesk.system.files.FileStores;
import org.playerdesk.system.files.FilesUnavailable;
import org.playerdesk.system.files.StoredFile;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the exports of raw tickets, on a thread of its own so that a long export never holds up
 * requests, listeners or other sweeps. Woken when an export is asked for on this node and every
 * {@code playerdesk.insight.export.poll-interval}; takes one waiting export at a time (or one whose
 * node died: its lease ran out), counts its tickets, and streams the CSV into the file store
 * (area {@value #AREA}) while writing its progress. The owner is read afresh first: someone no
 * longer serving a game, or no longer allowed to see personal data, gets neither in the file.
 */
@Component
@EnableConfigurationProperties(ExportProperties.class)
class ExportWorker implements DisposableBean {

    static final String AREA = "exports";

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

    private final ExportJobs jobs;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FileStores files;
    private final ExportProperties properties;
    private final Clock clock;
    private final TransactionTemplate apart;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ticket-export").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    ExportWorker(ExportJobs jobs, TicketQueries tickets, PlayerDirectory players, StaffDirectory staff,
            GameCatalog games, PersonalData personalData, AuditLog audit, MessageSource messages, FileStores files,
            ExportProperties properties, Clock clock, PlatformTransactionManager transactions) {
        // progress is committed at once, also while a database store writes the file in its own transaction
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jobs = jobs;
        this.tickets = tickets;
        this.players = players;
        this.staff = staff;
        this.games = games;
        this.personalData = personalData;
        this.audit = audit;
        this.messages = messages;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    FileStore store() {
        return files.area(AREA);
    }

    @Scheduled(initialDelayString = "${playerdesk.insight.export.poll-interval:10s}",
            fixedDelayString = "${playerdesk.insight.export.poll-interval:10s}")
    void poll() {
        wake();
    }

    /** Has this node's worker look for exports to write, unless it is about to already. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                DatabaseUnavailable.tolerate(log, "Ticket exports not written yet", this::work);
            });
        }
    }

    /** Takes and writes one export after another until none waits; answers how many were written. */
    int work() {
        int written = 0;
        Optional<ExportJob> job;
        while ((job = jobs.claimNext(node, clock.instant(), lease())).isPresent()) {
            if (write(job.get())) {
                written++;
            }
        }
        return written;
    }

    private Instant lease() {
        return clock.instant().plus(properties.lease());
    }

    /** Writes one export taken by this node; answers whether it was finished here. */
    private boolean write(ExportJob job) {
        StoredFile file = null;
        try {
            StaffMember owner = owner(job);
            if (owner == null) {
                return jobs.fail(job.id(), node, "insight.export.failed.owner", clock.instant());
            }
            if (!job.games().stream().allMatch(owner::serves)) {
                return jobs.fail(job.id(), node, "insight.export.failed.games", clock.instant());
            }
            boolean unmasked = job.personalData() && owner.can(Permission.VIEW_PERSONAL_DATA);
            Map<UUID, String> names = new HashMap<>();
            Map<UUID, ZoneId> zones = new HashMap<>();
            List<TicketRange.Window> windows = new ArrayList<>();
            for (UUID gameId : job.games()) {
                GameProfile game = games.profile(gameId);
                ZoneId zone = zone(game);
                names.put(gameId, game.name());
                zones.put(gameId, zone);
                windows.add(window(gameId, zone, job.from(), job.to(), job.createdAt()));
            }
            TicketRange range = new TicketRange(windows, job.statuses(), job.type(), job.channel());
            if (!jobs.counted(job.id(), node, tickets.count(range), lease())) {
                return false;
            }
            if (unmasked) {
                for (UUID gameId : job.games()) {
                    audit.record(owner, gameId, "pii.export", "ticket-export", job.id().toString(),
                            "tickets created " + job.from() + " to " + job.to() + " with contact emails unmasked");
                }
            }
            TicketCsv csv = new TicketCsv(tickets, players, staff, personalData, messages, range,
                    new TicketCsv.Setting(job.locale(), names, zones, unmasked), rows -> {
                        if (!Boolean.TRUE.equals(apart.execute(status -> jobs.progress(job.id(), node, rows, lease())))) {
                            throw new LeaseLost();
                        }
                    }, properties.progressEvery());
            file = store().put(csv);
            if (jobs.finish(job.id(), node, csv.rows(), file.key(), file.size(), clock.instant())) {
                log.info("ticket export {} written: {} tickets, {} bytes", job.id(), csv.rows(), file.size());
                return true;
            }
            store().delete(file.key());
            return false;
        } catch (LeaseLost lost) {
            log.info("ticket export {} was taken over by another node", job.id());
            return false;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                // the lease runs out and the export is written again, by this node or another
                throw e;
            }
            log.warn("ticket export {} failed", job.id(), e);
            if (file != null) {
                store().delete(file.key());
            }
            return jobs.fail(job.id(), node,
                    e instanceof FilesUnavailable ? "insight.export.failed.files" : "insight.export.failed.other",
                    clock.instant());
        }
    }

    /** The owner as they are now; null when gone or disabled. */
    private StaffMember owner(ExportJob job) {
        try {
            StaffMember owner = staff.get(job.ownerId());
            return owner.enabled() ? owner : null;
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private static ZoneId zone(GameProfile game) {
        try {
            return game.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(game.timeZone());
        } catch (java.time.DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * The game's tickets created on the days from {@code from} to {@code to} in its time zone, and
     * before the export was asked for: tickets arriving while it is written do not change it.
     */
    static TicketRange.Window window(UUID gameId, ZoneId zone, LocalDate from, LocalDate to, Instant asked) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new TicketRange.Window(gameId, start, end.isAfter(asked) ? asked : end);
    }

    /** Removes the files and rows of exports finished longer ago than {@code playerdesk.insight.export.keep}. */
    @Scheduled(initialDelayString = "${playerdesk.insight.export.sweep-interval:1h}",
            fixedDelayString = "${playerdesk.insight.export.sweep-interval:1h}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Old ticket exports not removed yet", () -> {
            int removed = sweep(clock.instant().minus(properties.keep()));
            if (removed > 0) {
                log.info("removed {} ticket exports finished more than {} ago", removed, properties.keep());
            }
        });
    }

    /** Removes exports finished before {@code before}, file first; answers how many. */
    int sweep(Instant before) {
        int removed = 0;
        List<ExportJob> old;
        while (!(old = jobs.finishedBefore(before, 100)).isEmpty()) {
            for (ExportJob job : old) {
                if (job.fileKey() != null) {
                    store().delete(job.fileKey());
                }
                if (jobs.remove(job.id())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }

    /** The export was taken over by another node after this one's lease ran out. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }
}
