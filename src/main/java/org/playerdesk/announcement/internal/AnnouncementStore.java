package org.playerdesk.announcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.announcement.AnnouncementDraft;
import org.playerdesk.announcement.AnnouncementKind;
import org.playerdesk.announcement.AnnouncementState;
import org.playerdesk.announcement.AnnouncementView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The announcements' rows. Every change of a game's announcements also raises the game's stamp in
 * {@code announcement_feed}, in the same transaction, which is all the feed's ETag reads besides
 * the last publish or expiry time passed.
 */
@Component
public class AnnouncementStore {

    private static final String COLUMNS = "id, game_id, kind, title_zh, body_zh, title_en, body_en, window_start, "
            + "window_end, released, publish_at, expires_at, pinned, to_agents, withdrawn_at, created_by_name, "
            + "created_at, updated_by_name, updated_at, version";
    /** Shown now: released, not withdrawn, its publish time passed and its expiry not yet. */
    private static final String SHOWN = "released and withdrawn_at is null and publish_at <= :now "
            + "and (expires_at is null or expires_at > :now)";
    private static final String ORDER = " order by pinned desc, publish_at desc, id";

    private final JdbcClient jdbc;

    AnnouncementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored. */
    public record Row(UUID id, UUID gameId, AnnouncementKind kind, String titleZh, String bodyZh, String titleEn,
            String bodyEn, Instant windowStart, Instant windowEnd, boolean released, Instant publishAt,
            Instant expiresAt, boolean pinned, boolean toAgents, Instant withdrawnAt, String createdByName,
            Instant createdAt, String updatedByName, Instant updatedAt, long version) {

        public AnnouncementState state(Instant now) {
            return AnnouncementState.of(released, publishAt, expiresAt, withdrawnAt, now);
        }

        public AnnouncementView view(Instant now) {
            return new AnnouncementView(id, gameId, kind, titleZh, bodyZh, titleEn, bodyEn, windowStart, windowEnd,
                    publishAt, expiresAt, pinned, toAgents, state(now), createdByName, createdAt, updatedByName,
                    updatedAt, version);
        }
    }

    public void insert(UUID id, UUID gameId, AnnouncementDraft draft, boolean released, Instant publishAt,
            UUID by, String byName, Instant now) {
        jdbc.sql("insert into announcement (id, game_id, kind, title_zh, body_zh, title_en, body_en, window_start, "
                + "window_end, released, publish_at, expires_at, pinned, to_agents, created_by, created_by_name, "
                + "created_at, updated_by_name, updated_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(id, gameId, draft.kind(), draft.titleZh(), draft.bodyZh(), draft.titleEn(), draft.bodyEn(),
                        at(draft.windowStart()), at(draft.windowEnd()), released, at(publishAt),
                        at(draft.expiresAt()), draft.pinned(), draft.toAgents(), by, byName, at(now), byName, at(now))
                .update();
        touch(gameId);
    }

    /** Writes the announcement when it is still at {@code version}; answers whether it was. */
    public boolean update(Row row, AnnouncementDraft draft, boolean released, Instant publishAt, String byName,
            Instant now, long version) {
        int updated = jdbc.sql("update announcement set kind = ?, title_zh = ?, body_zh = ?, title_en = ?, "
                + "body_en = ?, window_start = ?, window_end = ?, released = ?, publish_at = ?, expires_at = ?, "
                + "pinned = ?, to_agents = ?, updated_by_name = ?, updated_at = ?, version = version + 1 "
                + "where id = ? and version = ? and withdrawn_at is null")
                .params(draft.kind(), draft.titleZh(), draft.bodyZh(), draft.titleEn(), draft.bodyEn(),
                        at(draft.windowStart()), at(draft.windowEnd()), released, at(publishAt),
                        at(draft.expiresAt()), draft.pinned(), draft.toAgents(), byName, at(now), row.id(), version)
                .update();
        if (updated == 1) {
            touch(row.gameId());
        }
        return updated == 1;
    }

    public boolean withdraw(Row row, String byName, Instant now) {
        int updated = jdbc.sql("update announcement set withdrawn_at = ?, updated_by_name = ?, updated_at = ?, "
                + "version = version + 1 where id = ? and withdrawn_at is null")
                .params(at(now), byName, at(now), row.id()).update();
        if (updated == 1) {
            touch(row.gameId());
        }
        return updated == 1;
    }

    public Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from announcement where id = ?").param(id).query(AnnouncementStore::row)
                .optional();
    }

    /**
     * One page (and one more row, to tell whether a next page exists) of the announcements of the
     * given games, in the given state and kind (null: any), pinned first, then the newest.
     */
    public List<Row> list(Collection<UUID> games, AnnouncementState state, AnnouncementKind kind, Instant now,
            int page, int size) {
        if (games.isEmpty()) {
            return List.of();
        }
        List<String> where = new ArrayList<>(List.of("game_id in (:games)"));
        if (kind != null) {
            where.add("kind = :kind");
        }
        if (state != null) {
            where.add(switch (state) {
                case DRAFT -> "not released and withdrawn_at is null";
                case SCHEDULED -> "released and withdrawn_at is null and publish_at > :now";
                case PUBLISHED -> SHOWN;
                case EXPIRED -> "released and withdrawn_at is null and expires_at <= :now";
                case WITHDRAWN -> "withdrawn_at is not null";
            });
        }
        var spec = jdbc.sql("select " + COLUMNS + " from announcement where " + String.join(" and ", where)
                + " order by updated_at desc, id limit :limit offset :offset")
                .param("games", games).param("limit", size + 1).param("offset", (long) page * size);
        if (kind != null) {
            spec = spec.param("kind", kind.code());
        }
        if (state != null && state != AnnouncementState.DRAFT && state != AnnouncementState.WITHDRAWN) {
            spec = spec.param("now", at(now));
        }
        return spec.query(AnnouncementStore::row).list();
    }

    /** What a game's players see now, pinned first, then the newest. */
    public List<Row> shown(UUID gameId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from announcement where game_id = :game and " + SHOWN + ORDER)
                .param("game", gameId).param("now", at(now)).query(AnnouncementStore::row).list();
    }

    /** What agents of these games see as banners now and this member of staff has not closed. */
    public List<Row> banners(Collection<UUID> games, UUID staffId, Instant now, int limit) {
        String scope = games == null ? "" : "game_id in (:games) and ";
        if (games != null && games.isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select " + COLUMNS + " from announcement a where " + scope + "to_agents and " + SHOWN
                + " and not exists (select 1 from announcement_dismissal d where d.announcement_id = a.id "
                + "and d.staff_id = :staff)" + ORDER + " limit :limit")
                .param("staff", staffId).param("now", at(now)).param("limit", limit);
        if (games != null) {
            spec = spec.param("games", games);
        }
        return spec.query(AnnouncementStore::row).list();
    }

    public void dismiss(UUID announcementId, UUID staffId, Instant now) {
        jdbc.sql("insert into announcement_dismissal (announcement_id, staff_id, dismissed_at) values (?, ?, ?) "
                + "on conflict do nothing").params(announcementId, staffId, at(now)).update();
    }

    /**
     * What the feed's ETag is made of: the game's change stamp, and the latest publish or expiry
     * time already passed (a scheduled announcement showing, or one expiring, changes the feed
     * without any write: it moves this on).
     */
    public String stamp(UUID gameId, Instant now) {
        Long version = jdbc.sql("select version from announcement_feed where game_id = ?").param(gameId)
                .query(Long.class).optional().orElse(0L);
        OffsetDateTime published = jdbc.sql("select max(publish_at) from announcement where game_id = :game "
                + "and released and withdrawn_at is null and publish_at <= :now")
                .param("game", gameId).param("now", at(now)).query(OffsetDateTime.class).optional().orElse(null);
        OffsetDateTime expired = jdbc.sql("select max(expires_at) from announcement where game_id = :game "
                + "and released and withdrawn_at is null and expires_at <= :now")
                .param("game", gameId).param("now", at(now)).query(OffsetDateTime.class).optional().orElse(null);
        return version + "/" + millis(published) + "/" + millis(expired);
    }

    private void touch(UUID gameId) {
        jdbc.sql("insert into announcement_feed (game_id, version) values (?, 0) on conflict do nothing")
                .param(gameId).update();
        jdbc.sql("update announcement_feed set version = version + 1 where game_id = ?").param(gameId).update();
    }

    private static long millis(OffsetDateTime time) {
        return time == null ? 0 : time.toInstant().toEpochMilli();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class),
                AnnouncementKind.ofCode(rs.getString("kind")), rs.getString("title_zh"), rs.getString("body_zh"),
                rs.getString("title_en"), rs.getString("body_en"), instant(rs, "window_start"),
                instant(rs, "window_end"), rs.getBoolean("released"), instant(rs, "publish_at"),
                instant(rs, "expires_at"), rs.getBoolean("pinned"), rs.getBoolean("to_agents"),
                instant(rs, "withdrawn_at"), rs.getString("created_by_name"), instant(rs, "created_at"),
                rs.getString("updated_by_name"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
