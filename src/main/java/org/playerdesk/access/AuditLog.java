package org.playerdesk.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.internal.AuditRecord;
import org.playerdesk.access.internal.AuditRecordRepository;
import org.playerdesk.access.internal.AuditSearch;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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
    private final AuditSearch search;
    private final java.time.Clock clock;

    AuditLog(AuditRecordRepository records, AuditSearch search, java.time.Clock clock) {
        this.records = records;
        this.search = search;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(StaffMember actor, UUID gameId, String action, String subjectKind, String subjectId,
            String detail) {
        records.save(new AuditRecord(actor == null ? null : actor.id(),
                actor == null ? "PlayerDesk" : actor.username(), gameId, action, subjectKind, subjectId,
                detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail,
                clock.instant(), clientAddress()));
    }

    /**
     * Where the request that is being served came from ({@code server.forward-headers-strategy} decides
     * whether a proxy's forwarded address counts); none for work done outside a request.
     */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null || address.isBlank() ? null : address.length() > 64 ? address.substring(0, 64) : address;
        }
        return null;
    }

    /**
     * The entries a filter selects, newest first, starting after {@code after} (null: the newest); the
     * audit log viewer reads it a page at a time, and its export to the end.
     */
    @Transactional(readOnly = true)
    public List<Entry> search(Filter filter, Position after, int limit) {
        return search.find(filter, after, limit);
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

    /** One entry; {@code clientAddress} is where its request came from, null for background work and older entries. */
    public record Entry(UUID id, Instant at, UUID actorId, String actorName, UUID gameId, String action,
            String subjectKind, String subjectId, String detail, String clientAddress) {

        public Entry(UUID id, Instant at, UUID actorId, String actorName, UUID gameId, String action,
                String subjectKind, String subjectId, String detail) {
            this(id, at, actorId, actorName, gameId, action, subjectKind, subjectId, detail, null);
        }

        /** Where the next page starts. */
        public Position position() {
            return new Position(at, id);
        }
    }

    /** What an entry concerned, such as {@code player} and the player's id. */
    public record Subject(String kind, String id) {
    }

    /**
     * Which entries: by whom, which action, about any of these subjects, from (inclusive) until
     * (exclusive), of the games in scope; each null for any ({@code gameScope} null: all games and
     * entries of no game; an empty scope or subject list selects nothing).
     */
    public record Filter(UUID actorId, String action, List<Subject> subjects, Instant from, Instant until,
            Set<UUID> gameScope) {

        public static final Filter ALL = new Filter(null, null, null, null, null, null);
    }

    /** A place in the log, newest first: an entry's time and id. */
    public record Position(Instant at, UUID id) {
    }
}
