package org.playerdesk.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.internal.AuditRecord;
import org.playerdesk.access.internal.AuditRecordRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who saw or did what to whom: every view of a player's unmasked personal data and every action
 * on a game account is written here, in the caller's transaction when there is one (so that an
 * action and its audit entry stand or fall together), else in its own.
 *
 * <p>{@code action} is a short code such as {@code pii.view} or {@code game.ban}; {@code subjectKind}
 * and {@code subjectId} name what it concerned (for example {@code player} and the player's id);
 * {@code detail} is free text for people, never a secret.
 */
@Service
public class AuditLog {

    private final AuditRecordRepository records;
    private final java.time.Clock clock;

    AuditLog(AuditRecordRepository records, java.time.Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(StaffMember actor, UUID gameId, String action, String subjectKind, String subjectId,
            String detail) {
        records.save(new AuditRecord(actor == null ? null : actor.id(),
                actor == null ? "PlayerDesk" : actor.username(), gameId, action, subjectKind, subjectId,
                detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                clock.instant()));
    }

    /** The newest entries about one subject, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> about(String subjectKind, String subjectId, int limit) {
        return records.findBySubjectKindAndSubjectIdOrderByAtDesc(subjectKind, subjectId, PageRequest.of(0, limit))
                .stream().map(AuditRecord::entry).toList();
    }

    /** The newest entries of the games in scope ({@code null} for all), newest first. */
    @Transactional(readOnly = true)
    public List<Entry> latest(java.util.Set<UUID> gameScope, int limit) {
        var page = PageRequest.of(0, limit);
        var found = gameScope == null ? records.findAllByOrderByAtDesc(page)
                : records.findByGameIdInOrderByAtDesc(gameScope, page);
        return found.stream().map(AuditRecord::entry).toList();
    }

    public record Entry(UUID id, Instant at, UUID actorId, String actorName, UUID gameId, String action,
            String subjectKind, String subjectId, String detail) {
    }
}
