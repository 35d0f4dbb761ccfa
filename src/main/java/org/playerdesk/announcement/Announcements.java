package org.playerdesk.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.announcement.internal.AnnouncementSettings;
import org.playerdesk.announcement.internal.AnnouncementStore;
import org.playerdesk.system.markdown.SafeMarkdown;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's announcements: written as a draft or published (at once or at a set time), edited,
 * withdrawn; and what readers see of them now — the game's players on the help center and in the
 * game, agents as a banner in the console. Only members of staff with
 * {@link Permission#PUBLISH_ANNOUNCEMENTS} who serve the game change them; each change checks its
 * input field by field and is stored whole or not at all.
 */
@Service
@Transactional
public class Announcements {

    public static final int PAGE_SIZE = 50;

    private final AnnouncementStore store;
    private final SafeMarkdown markdown;
    private final InputValidation validation;
    private final AnnouncementSettings settings;
    private final Clock clock;

    Announcements(AnnouncementStore store, SafeMarkdown markdown, InputValidation validation,
            AnnouncementSettings settings, Clock clock) {
        this.store = store;
        this.markdown = markdown;
        this.validation = validation;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new announcement of the game: a draft, or published ({@code publish}) from its publish time or now. */
    public AnnouncementView create(UUID gameId, AnnouncementDraft draft, boolean publish, StaffMember by) {
        Instant now = clock.instant();
        if (gameId == null) {
            throw InvalidInput.of("game", "invalid.game");
        }
        requirePublisher(gameId, by);
        AnnouncementDraft checked = checked(draft, publish, now);
        UUID id = Ids.next();
        store.insert(id, gameId, checked, publish, publishTime(checked, publish, now), by.id(), by.displayName(), now);
        return get(id);
    }

    /**
     * Writes the announcement anew, as it was read at {@code version}; {@code publish} false takes a
     * published one back to a draft. A withdrawn announcement is kept as it was.
     */
    public AnnouncementView edit(UUID id, AnnouncementDraft draft, boolean publish, long version, StaffMember by) {
        Instant now = clock.instant();
        AnnouncementStore.Row row = load(id);
        requirePublisher(row.gameId(), by);
        if (!row.state(now).editable()) {
            throw new RuleViolation("announcement.withdrawn", "a withdrawn announcement is not changed");
        }
        AnnouncementDraft checked = checked(draft, publish, now);
        if (!store.update(row, checked, publish, publishTime(checked, publish, now), by.displayName(), now, version)) {
            throw new RuleViolation("announcement.changed-meanwhile", "the announcement changed meanwhile");
        }
        return get(id);
    }

    /** Takes the announcement down everywhere at once, for good. */
    public AnnouncementView withdraw(UUID id, StaffMember by) {
        Instant now = clock.instant();
        AnnouncementStore.Row row = load(id);
        requirePublisher(row.gameId(), by);
        if (!store.withdraw(row, by.displayName(), now)) {
            throw new RuleViolation("announcement.withdrawn", "the announcement is withdrawn already");
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public AnnouncementView get(UUID id) {
        return load(id).view(clock.instant());
    }

    /** One page of announcements. */
    public record Listing(List<AnnouncementView> items, int page, boolean hasNext) {
    }

    /** The announcements of these games, in the state and of the kind given (null: any), the last changed first. */
    @Transactional(readOnly = true)
    public Listing list(Collection<UUID> games, AnnouncementState state, AnnouncementKind kind, int page) {
        Instant now = clock.instant();
        int from = Math.max(page, 0);
        List<AnnouncementStore.Row> rows = store.list(games, state, kind, now, from, PAGE_SIZE);
        return new Listing(rows.stream().limit(PAGE_SIZE).map(r -> r.view(now)).toList(), from,
                rows.size() > PAGE_SIZE);
    }

    /** What the game's players see now, pinned first, then the newest, in the reader's language or the other one. */
    @Transactional(readOnly = true)
    public List<PublishedAnnouncement> shown(UUID gameId, Locale reader) {
        return store.shown(gameId, clock.instant()).stream().map(r -> published(r, reader)).toList();
    }

    /**
     * The banners a member of staff who works tickets sees on console pages now: announcements of the
     * games they serve marked for agents, published, and not closed by them.
     */
    @Transactional(readOnly = true)
    public List<PublishedAnnouncement> banners(StaffMember viewer, Locale reader) {
        if (!viewer.can(Permission.WORK_TICKETS)) {
            return List.of();
        }
        Collection<UUID> games = viewer.role().seesAllGames() ? null : viewer.gameIds();
        return store.banners(games, viewer.id(), clock.instant(), settings.bannerLimit()).stream()
                .map(r -> published(r, reader)).toList();
    }

    /** The member of staff closes the announcement's banner: it stays closed for them. */
    public void dismiss(UUID id, StaffMember viewer) {
        AnnouncementStore.Row row = load(id);
        if (!viewer.serves(row.gameId())) {
            throw new NotFoundException("announcement", id);
        }
        store.dismiss(id, viewer.id(), clock.instant());
    }

    /**
     * A short text that changes whenever what {@link #shown} answers for the game may have changed:
     * an announcement written, edited or withdrawn, or one showing or expiring as time passes.
     * Reads no announcement.
     */
    @Transactional(readOnly = true)
    public String stamp(UUID gameId) {
        return store.stamp(gameId, clock.instant());
    }

    private PublishedAnnouncement published(AnnouncementStore.Row row, Locale reader) {
        boolean english = reader != null && "en".equals(reader.getLanguage());
        boolean inEnglish = english ? row.titleEn() != null : row.titleZh() == null;
        String title = inEnglish ? row.titleEn() : row.titleZh();
        String text = inEnglish ? row.bodyEn() : row.bodyZh();
        return new PublishedAnnouncement(row.id(), row.gameId(), row.kind(), title, text, markdown.html(text),
                inEnglish ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, row.publishAt(), row.expiresAt(),
                row.pinned(), row.windowStart(), row.windowEnd());
    }

    private static void requirePublisher(UUID gameId, StaffMember by) {
        if (by == null || !by.can(Permission.PUBLISH_ANNOUNCEMENTS) || !by.serves(gameId)) {
            throw new AccessDeniedException("publishing announcements of this game is not allowed");
        }
    }

    private static Instant publishTime(AnnouncementDraft draft, boolean publish, Instant now) {
        return draft.publishAt() != null ? draft.publishAt() : publish ? now : null;
    }

    /**
     * The draft tidied when it is whole: a kind; a title with its text in Chinese, in English or
     * both; a maintenance window (maintenance only, its end after its start); an expiry after the
     * publish time. Every bad field at once otherwise.
     */
    private AnnouncementDraft checked(AnnouncementDraft draft, boolean publish, Instant now) {
        AnnouncementDraft d = draft == null
                ? new AnnouncementDraft(null, null, null, null, null, null, null, null, null, false, false)
                : draft.tidied();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        AnnouncementKind kind = AnnouncementKind.ofCode(d.kind());
        if (kind == null) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.choose", List.of()));
        }
        errors.addAll(validation.errors(d));
        boolean zh = d.titleZh() != null || d.bodyZh() != null;
        boolean en = d.titleEn() != null || d.bodyEn() != null;
        if (!zh && !en) {
            errors.add(new InvalidInput.FieldError("titleZh", "invalid.announcement.language", List.of()));
        }
        pair(zh, d.titleZh(), "titleZh", d.bodyZh(), "bodyZh", errors);
        pair(en, d.titleEn(), "titleEn", d.bodyEn(), "bodyEn", errors);
        Instant windowStart = null;
        Instant windowEnd = null;
        if (kind == AnnouncementKind.MAINTENANCE) {
            windowStart = d.windowStart();
            windowEnd = d.windowEnd();
            if (windowStart == null) {
                errors.add(new InvalidInput.FieldError("windowStart", "invalid.required", List.of()));
            }
            if (windowEnd == null) {
                errors.add(new InvalidInput.FieldError("windowEnd", "invalid.required", List.of()));
            } else if (windowStart != null && !windowEnd.isAfter(windowStart)) {
                errors.add(new InvalidInput.FieldError("windowEnd", "invalid.announcement.windowOrder", List.of()));
            }
        }
        Instant shows = d.publishAt() != null ? d.publishAt() : publish ? now : null;
        if (d.expiresAt() != null && shows != null && !d.expiresAt().isAfter(shows)) {
            errors.add(new InvalidInput.FieldError("expiresAt", "invalid.announcement.expiryOrder", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AnnouncementDraft(kind.code(), d.titleZh(), d.bodyZh(), d.titleEn(), d.bodyEn(), windowStart,
                windowEnd, d.publishAt(), d.expiresAt(), d.pinned(), d.toAgents());
    }

    private static void pair(boolean begun, String title, String titleField, String body, String bodyField,
            List<InvalidInput.FieldError> errors) {
        if (begun && title == null) {
            errors.add(new InvalidInput.FieldError(titleField, "invalid.blank", List.of()));
        }
        if (begun && body == null) {
            errors.add(new InvalidInput.FieldError(bodyField, "invalid.blank", List.of()));
        }
    }

    private AnnouncementStore.Row load(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("announcement", id));
    }
}
