package org.playerdesk.insight.export;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Exports of raw tickets as their owner sees them: asking for one (checked field by field, only
 * games the reader serves), following it, and downloading its file. Another reader's export is
 * not found, whoever asks.
 */
@Service
class TicketExports {

    /** How many of a reader's exports their page lists. */
    static final int LISTED = 20;

    private final ExportJobs jobs;
    private final ExportWorker worker;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    TicketExports(ExportJobs jobs, ExportWorker worker, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.worker = worker;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the page's form sends; texts as typed, checked by {@link #start}. */
    record Request(List<String> games, String from, String to, List<String> statuses, String type, String channel,
            boolean personalData) {
    }

    /** A finished export's file and the name to download it by. */
    record Download(Resource content, String fileName, long size) {
    }

    @Transactional
    ExportJob start(StaffUser reader, Request request, Locale locale) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Set<UUID> games = new LinkedHashSet<>();
        for (String text : request.games() == null ? List.<String>of() : request.games()) {
            try {
                UUID id = UUID.fromString(text.strip());
                if (!reader.serves(id)) {
                    throw new IllegalArgumentException("not served");
                }
                games.add(id);
            } catch (IllegalArgumentException notServed) {
                errors.add(new InvalidInput.FieldError("games", "invalid.game"));
                break;
            }
        }
        if (games.isEmpty() && errors.isEmpty()) {
            errors.add(new InvalidInput.FieldError("games", "invalid.game"));
        }
        ExportPeriod period = null;
        try {
            period = ExportPeriod.parse(request.from(), request.to());
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
        }
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String code : request.statuses() == null ? List.<String>of() : request.statuses()) {
            TicketStatus status = code(TicketStatus.class, code, "statuses", errors);
            if (status != null) {
                statuses.add(status);
            }
        }
        TicketType type = code(TicketType.class, request.type(), "type", errors);
        TicketChannel channel = code(TicketChannel.class, request.channel(), "channel", errors);
        // read afresh: a grant withdrawn since sign-in applies at once
        if (request.personalData() && !staff.get(reader.id()).can(Permission.VIEW_PERSONAL_DATA)) {
            errors.add(new InvalidInput.FieldError("personalData", "insight.export.error.personalData"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ExportJob job = new ExportJob(Ids.next(), reader.id(), reader.displayName(), locale, List.copyOf(games),
                period.from(), period.to(), statuses, type, channel, request.personalData(), ExportJob.State.QUEUED,
                0, null, null, null, clock.instant(), null, null);
        jobs.add(job);
        wakeAfterCommit();
        return job;
    }

    /** The reader's latest exports, newest first. */
    List<ExportJob> of(StaffUser reader) {
        return jobs.ofOwner(reader.id(), LISTED);
    }

    /** One of the reader's exports; anyone else's is not found. */
    ExportJob get(StaffUser reader, UUID id) {
        return jobs.find(id).filter(job -> job.ownerId().equals(reader.id()))
                .orElseThrow(() -> new NotFoundException("export", id));
    }

    /** The file of one of the reader's finished exports; a download with personal data unmasked is audited. */
    @Transactional
    Download download(StaffUser reader, UUID id) {
        ExportJob job = get(reader, id);
        if (job.state() != ExportJob.State.DONE || job.fileKey() == null) {
            throw new NotFoundException("export file", id);
        }
        Resource content = worker.store().get(job.fileKey()).orElseThrow(() -> new NotFoundException("export file", id));
        if (job.personalData()) {
            for (UUID gameId : job.games()) {
                audit.record(reader.member(), gameId, "pii.export.download", "ticket-export", id.toString(),
                        job.fileName() + " with contact emails unmasked");
            }
        }
        return new Download(content, job.fileName(), job.fileSize() == null ? -1 : job.fileSize());
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String code, String field,
            List<InvalidInput.FieldError> errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Coded.fromCode(type, code.strip());
        } catch (IllegalArgumentException unknown) {
            errors.add(new InvalidInput.FieldError(field, "invalid.choose"));
            return null;
        }
    }

    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            worker.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }
}
