package org.playerdesk.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.privacy.internal.ExportArchives;
import org.playerdesk.privacy.internal.PrivacyProperties;
import org.playerdesk.privacy.internal.PrivacyStore;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Players' data requests: received from the console or the game API (with the API's
 * idempotency key), each due by its game's deadline (15 days unless the game sets another, 30
 * under GDPR) and flagged overdue after it; an export written in the background into the file
 * store and downloaded by staff who may handle such requests (each download audited); an erasure
 * carried out by such a member, each module erasing its own data per the erasure settings, the
 * request recording who did it, when, and the rows per data kind.
 */
@Service
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyRequests {

    public static final int DEADLINE_MIN = 1;
    public static final int DEADLINE_MAX = 90;
    static final String NOTES = "notes";
    static final String TAGS = "tags";
    static final String PROFILE = "profile";

    private final PrivacyStore store;
    private final PlayerDirectory players;
    private final PlayerProfiles profiles;
    private final List<PersonalDataHolder> holders;
    private final ObjectProvider<ExportArchives> archives;
    private final AuditLog audit;
    private final PrivacyProperties properties;
    private final Clock clock;

    PrivacyRequests(PrivacyStore store, PlayerDirectory players, PlayerProfiles profiles,
            List<PersonalDataHolder> holders, ObjectProvider<ExportArchives> archives, AuditLog audit,
            PrivacyProperties properties, Clock clock) {
        this.store = store;
        this.players = players;
        this.profiles = profiles;
        this.holders = holders;
        this.archives = archives;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A request as received, and whether an earlier call with the same idempotency key made it. */
    public record Received(PrivacyRequestView request, boolean replayed, String requestHash) {
    }

    /**
     * Receives a request: {@code kind} {@code export} or {@code erase}, the player's account id in the
     * game (1 to 64 characters, one line); each bad field named. With an idempotency key, a second
     * call finds the request of the first ({@code replayed}, with that call's request hash, for the
     * caller to compare). An export starts being written at once.
     */
    public Received receive(UUID gameId, String accountId, String kind, String source, String requestedBy,
            String idempotencyKey, String requestHash) {
        List<InvalidInput.FieldError> errors = check(accountId, kind);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String account = accountId.strip();
        RequestKind requestKind = Coded.fromCode(RequestKind.class, kind.strip());
        Instant now = clock.instant();
        if (idempotencyKey != null) {
            Optional<PrivacyStore.Row> earlier = store.byIdempotencyKey(gameId, idempotencyKey, now);
            if (earlier.isPresent()) {
                return new Received(earlier.get().view(), true, earlier.get().requestHash());
            }
        }
        UUID id = Ids.next();
        try {
            store.insert(id, gameId, account, requestKind, source, requestedBy, now,
                    now.plus(Duration.ofDays(deadlineDays(gameId))), idempotencyKey, requestHash);
        } catch (DuplicateKeyException concurrent) {
            PrivacyStore.Row earlier = store.byIdempotencyKey(gameId, idempotencyKey, now).orElseThrow(() -> concurrent);
            return new Received(earlier.view(), true, earlier.requestHash());
        }
        // the answer is what was written, read before a worker may take the request
        Received received = new Received(store.get(id, now).orElseThrow().view(), false, requestHash);
        if (requestKind == RequestKind.EXPORT) {
            archives.ifAvailable(ExportArchives::wake);
        }
        return received;
    }

    /** What is wrong with a request's account id and kind, field by field (nothing when both are good). */
    public List<InvalidInput.FieldError> check(String accountId, String kind) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String account = accountId == null ? null : accountId.strip();
        if (account == null || account.isEmpty()) {
            errors.add(new InvalidInput.FieldError("accountId", "invalid.blank"));
        } else if (account.length() > PlayerDirectory.ACCOUNT_ID_MAX) {
            errors.add(new InvalidInput.FieldError("accountId", "invalid.tooLong", PlayerDirectory.ACCOUNT_ID_MAX));
        } else if (account.chars().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidInput.FieldError("accountId", "invalid.control"));
        }
        boolean known = false;
        for (RequestKind each : RequestKind.values()) {
            known |= kind != null && each.code().equals(kind.strip());
        }
        if (!known) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.choose"));
        }
        return errors;
    }

    /** The request, if it is of this game. */
    public Optional<PrivacyRequestView> find(UUID gameId, UUID id) {
        return store.get(id, clock.instant()).map(PrivacyStore.Row::view).filter(r -> r.gameId().equals(gameId));
    }

    /** The newest requests of the games the member serves, newest first. */
    public List<PrivacyRequestView> recent(StaffMember by, Set<UUID> games, int limit) {
        allowed(by, null);
        return store.recent(games.stream().filter(by::serves).toList(), clock.instant(), limit);
    }

    /** The game's deadline for data requests, in days. */
    public int deadlineDays(UUID gameId) {
        return store.deadlineDays(gameId).orElse(properties.deadlineDays());
    }

    /** Sets the game's deadline (1 to 90 days: 15 under PIPL, 30 under GDPR). */
    @Transactional
    public void setDeadlineDays(UUID gameId, Integer days, StaffMember by) {
        allowed(by, gameId);
        if (days == null || days < DEADLINE_MIN || days > DEADLINE_MAX) {
            throw InvalidInput.of("deadlineDays", "invalid.range", DEADLINE_MIN, DEADLINE_MAX);
        }
        store.setDeadlineDays(gameId, days, by.username(), clock.instant());
        audit.record(by, gameId, "privacy.deadline", "game", gameId.toString(), days + " days");
    }

    /**
     * Carries out an erasure request: each module erases the player's data per the erasure
     * settings, then the player's notes, tags and record; the request records who did it, when and
     * the rows per data kind, and the audit log the same. A request done already is refused.
     */
    @Transactional
    public PrivacyRequestView erase(UUID id, StaffMember by) {
        PrivacyRequestView request = request(id, by);
        if (request.kind() != RequestKind.ERASE || request.state() != RequestState.RECEIVED) {
            throw new RuleViolation("privacy.not-open", "the request is not an erasure waiting to be carried out");
        }
        Instant now = clock.instant();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Optional<PlayerSummary> player = players.find(request.gameId(), request.accountId());
        if (player.isPresent()) {
            DataSubject subject = new DataSubject(player.get().id(), request.gameId(), request.accountId());
            ErasurePolicy policy = policy(now);
            holders.forEach(holder -> holder.erase(subject, policy).forEach((kind, n) -> counts.merge(kind, n, Integer::sum)));
            counts.put(NOTES, policy.rule(NOTES).treatment() == Treatment.KEEP ? 0 : profiles.eraseNotes(subject.playerId()));
            counts.put(TAGS, policy.rule(TAGS).treatment() == Treatment.KEEP ? 0 : profiles.eraseTags(subject.playerId()));
            counts.put(PROFILE, policy.rule(PROFILE).treatment() == Treatment.KEEP ? 0
                    : players.anonymise(subject.playerId()) ? 1 : 0);
        }
        if (!store.finishErasure(id, by.username(), counts, now)) {
            throw new RuleViolation("privacy.not-open", "the request is not an erasure waiting to be carried out");
        }
        audit.record(by, request.gameId(), "privacy.erase", "privacy-request", id.toString(),
                "account " + request.accountId() + ": " + counts);
        return store.get(id, now).orElseThrow().view();
    }

    /** What to send for an export's download: the archive and its file name. */
    public record Download(Resource content, String fileName, long size) {
    }

    /** The archive of a fulfilled export, for a member who handles data requests of its game; audited. */
    @Transactional
    public Download download(UUID id, StaffMember by) {
        PrivacyRequestView request = request(id, by);
        PrivacyStore.Row row = store.get(id, clock.instant()).orElseThrow();
        if (!request.downloadable() || row.fileKey() == null) {
            throw new NotFoundException("privacy-export", id);
        }
        Resource content = archives.getObject().open(row.fileKey())
                .orElseThrow(() -> new NotFoundException("privacy-export", id));
        audit.record(by, request.gameId(), "privacy.export.download", "privacy-request", id.toString(),
                "account " + request.accountId());
        return new Download(content, "player-data-" + id + ".zip", request.fileSize());
    }

    /** The erasure rule of each data kind as the settings have it, at {@code now}. */
    public ErasurePolicy policy(Instant now) {
        Map<String, ErasureRule> rules = new LinkedHashMap<>();
        properties.erasure().forEach((kind, erasure) -> rules.put(kind, new ErasureRule(erasure.treatment(),
                erasure.keepDays() > 0 ? now.minus(Duration.ofDays(erasure.keepDays())) : null)));
        return new ErasurePolicy(rules);
    }

    private PrivacyRequestView request(UUID id, StaffMember by) {
        PrivacyRequestView request = store.get(id, clock.instant()).map(PrivacyStore.Row::view)
                .orElseThrow(() -> new NotFoundException("privacy-request", id));
        allowed(by, request.gameId());
        return request;
    }

    /** Only members who may handle data requests, and of the games they serve; others as if it were absent. */
    private static void allowed(StaffMember by, UUID gameId) {
        if (!by.can(Permission.HANDLE_PRIVACY_REQUESTS)) {
            throw new org.springframework.security.access.AccessDeniedException("privacy requests");
        }
        if (gameId != null && !by.serves(gameId)) {
            throw new NotFoundException("game", gameId);
        }
    }
}
