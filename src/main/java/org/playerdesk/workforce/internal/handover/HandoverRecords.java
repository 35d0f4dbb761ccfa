package org.playerdesk.workforce.internal.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.workforce.HandoverItem;
import org.playerdesk.workforce.HandoverState;
import org.playerdesk.workforce.HandoverView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The handovers' rows ({@code workforce_handover}, its recipients and items) and their views with
 * people's names. State changes are conditional updates on the state they start from, so that of
 * two nodes or two clicks exactly one makes each change.
 */
@Component
public class HandoverRecords {

    private static final String AWAITING = "('submitted', 'overdue')";

    /** The head of a handover, as stored. */
    public record Head(UUID id, UUID outgoingId, HandoverState state, Instant shiftStart, Instant shiftEnd,
            String notes, String emergencies, Instant createdAt, Instant submittedAt, Instant dueAt,
            Instant overdueAt, Instant acknowledgedAt, UUID acknowledgedBy, Instant releasedAt, UUID releasedBy,
            String releaseReason) {
    }

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;

    HandoverRecords(JdbcTemplate jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    public UUID insertDraft(UUID outgoingId, ShiftTimes.ShiftSpan shift, Instant now) {
        UUID id = Ids.next();
        jdbc.update("insert into workforce_handover (id, outgoing_id, draft_of, state, shift_start, shift_end, "
                + "created_at) values (?, ?, ?, 'draft', ?, ?, ?)", id, outgoingId, outgoingId,
                shift == null ? null : ts(shift.start()), shift == null ? null : ts(shift.end()), ts(now));
        return id;
    }

    public void updateShift(UUID id, ShiftTimes.ShiftSpan shift) {
        jdbc.update("update workforce_handover set shift_start = ?, shift_end = ? where id = ?",
                shift == null ? null : ts(shift.start()), shift == null ? null : ts(shift.end()), id);
    }

    public Optional<Head> head(UUID id) {
        return jdbc.query("select * from workforce_handover where id = ?", HandoverRecords::head, id).stream()
                .findFirst();
    }

    public Optional<UUID> draftOf(UUID staffId) {
        return jdbc.queryForList("select id from workforce_handover where draft_of = ?", UUID.class, staffId).stream()
                .findFirst();
    }

    /** The outgoing agent's handover waiting to be acknowledged, the latest first. */
    public Optional<UUID> awaitingOf(UUID staffId) {
        return jdbc.queryForList("select id from workforce_handover where outgoing_id = ? and state in " + AWAITING
                + " order by submitted_at desc", UUID.class, staffId).stream().findFirst();
    }

    public List<UUID> awaitingAddressedTo(UUID staffId) {
        return jdbc.queryForList("select h.id from workforce_handover h join workforce_handover_recipient r "
                + "on r.handover_id = h.id where r.staff_id = ? and h.state in " + AWAITING
                + " order by h.submitted_at", UUID.class, staffId);
    }

    /** Handovers waiting to be acknowledged, of these outgoing agents (null: everyone's). */
    public List<UUID> awaitingOfAny(Collection<UUID> outgoing) {
        if (outgoing == null) {
            return jdbc.queryForList("select id from workforce_handover where state in " + AWAITING
                    + " order by due_at", UUID.class);
        }
        if (outgoing.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select id from workforce_handover where state in " + AWAITING
                + " and outgoing_id in (" + marks(outgoing.size()) + ") order by due_at", UUID.class,
                outgoing.toArray());
    }

    public boolean addressedTo(UUID id, UUID staffId) {
        return jdbc.queryForObject("select count(*) from workforce_handover_recipient where handover_id = ? "
                + "and staff_id = ?", Integer.class, id, staffId) > 0;
    }

    public void replaceRecipients(UUID id, Collection<UUID> staffIds) {
        jdbc.update("delete from workforce_handover_recipient where handover_id = ?", id);
        for (UUID staffId : new java.util.LinkedHashSet<>(staffIds)) {
            jdbc.update("insert into workforce_handover_recipient (handover_id, staff_id) values (?, ?)", id, staffId);
        }
    }

    public List<UUID> recipients(UUID id) {
        return jdbc.queryForList("select staff_id from workforce_handover_recipient where handover_id = ?",
                UUID.class, id);
    }

    public void addItem(UUID handoverId, int position, OpenWork.Listed listed) {
        jdbc.update("insert into workforce_handover_item (id, handover_id, position, kind, ref_id, game_id, label, "
                + "detail, due_at, link, disposition) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'keep')", Ids.next(),
                handoverId, position, listed.kind().code(), listed.refId(), listed.gameId(), listed.label(),
                listed.detail(), listed.dueAt() == null ? null : ts(listed.dueAt()), listed.link());
    }

    public void relistItem(UUID itemId, int position, OpenWork.Listed listed) {
        jdbc.update("update workforce_handover_item set position = ?, label = ?, detail = ?, due_at = ? where id = ?",
                position, listed.label(), listed.detail(), listed.dueAt() == null ? null : ts(listed.dueAt()), itemId);
    }

    public void removeItem(UUID itemId) {
        jdbc.update("delete from workforce_handover_item where id = ?", itemId);
    }

    public void writeItem(UUID itemId, String note, HandoverItem.Disposition disposition, UUID target) {
        jdbc.update("update workforce_handover_item set note = ?, disposition = ?, target_id = ? where id = ?", note,
                disposition.code(), target, itemId);
    }

    public void writeNotes(UUID id, String notes, String emergencies) {
        jdbc.update("update workforce_handover set notes = ?, emergencies = ? where id = ?", notes, emergencies, id);
    }

    /** Draft to submitted; false when it was no draft any more. */
    public boolean submit(UUID id, Instant now, Instant dueAt) {
        return jdbc.update("update workforce_handover set state = 'submitted', draft_of = null, submitted_at = ?, "
                + "due_at = ? where id = ? and state = 'draft'", ts(now), ts(dueAt), id) == 1;
    }

    public int acknowledgeItem(UUID id, UUID itemId, UUID by, Instant now) {
        return jdbc.update("update workforce_handover_item set acknowledged_by = ?, acknowledged_at = ? "
                + "where id = ? and handover_id = ? and acknowledged_at is null", by, ts(now), itemId, id);
    }

    public int acknowledgeItems(UUID id, UUID by, Instant now) {
        return jdbc.update("update workforce_handover_item set acknowledged_by = ?, acknowledged_at = ? "
                + "where handover_id = ? and acknowledged_at is null", by, ts(now), id);
    }

    /** Waiting to acknowledged once every item is; false while one is not, or when it was settled already. */
    public boolean settleAcknowledged(UUID id, UUID by, Instant now) {
        return jdbc.update("update workforce_handover set state = 'acknowledged', acknowledged_at = ?, "
                + "acknowledged_by = ? where id = ? and state in " + AWAITING + " and not exists (select 1 from "
                + "workforce_handover_item i where i.handover_id = ? and i.acknowledged_at is null)", ts(now), by, id,
                id) == 1;
    }

    public boolean settleReleased(UUID id, UUID by, String reason, Instant now) {
        return jdbc.update("update workforce_handover set state = 'released', released_at = ?, released_by = ?, "
                + "release_reason = ? where id = ? and state in " + AWAITING, ts(now), by, reason, id) == 1;
    }

    /** Submitted handovers past their acknowledgement deadline, oldest first. */
    public List<UUID> pastDue(Instant now, int limit) {
        return jdbc.queryForList("select id from workforce_handover where state = 'submitted' and due_at <= ? "
                + "order by due_at fetch first " + limit + " rows only", UUID.class, ts(now));
    }

    /** Claims the alert of an overdue handover: true on the one node and the one sweep that made the change. */
    public boolean claimOverdue(UUID id, Instant now) {
        return jdbc.update("update workforce_handover set state = 'overdue', overdue_at = ? where id = ? "
                + "and state = 'submitted' and due_at <= ?", ts(now), id, ts(now)) == 1;
    }

    /** Whether this addressee's shift log email is still to be sent; marks it sent. */
    public boolean claimMail(UUID id, UUID staffId, Instant now) {
        if (jdbc.queryForObject("select count(*) from workforce_handover_mail where handover_id = ? and staff_id = ?",
                Integer.class, id, staffId) > 0) {
            return false;
        }
        jdbc.update("insert into workforce_handover_mail (handover_id, staff_id, sent_at) values (?, ?, ?)", id,
                staffId, ts(now));
        return true;
    }

    /**
     * Handovers past their draft, newest first, at most {@code limit}: those of {@code outgoing}
     * (null: anyone's) or addressed to {@code reader}, whose notes or items hold {@code words}
     * (blank: all), or whose outgoing agent is one of {@code namedOutgoing}.
     */
    public List<UUID> search(Collection<UUID> outgoing, UUID reader, String words, Collection<UUID> namedOutgoing,
            int limit) {
        StringBuilder sql = new StringBuilder("select h.id from workforce_handover h where h.state <> 'draft'");
        List<Object> args = new ArrayList<>();
        if (outgoing != null) {
            sql.append(" and (exists (select 1 from workforce_handover_recipient r where r.handover_id = h.id "
                    + "and r.staff_id = ?)");
            args.add(reader);
            if (!outgoing.isEmpty()) {
                sql.append(" or h.outgoing_id in (").append(marks(outgoing.size())).append(')');
                args.addAll(outgoing);
            }
            sql.append(')');
        }
        if (words != null && !words.isBlank()) {
            String like = "%" + words.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (lower(coalesce(h.notes, '')) like ? escape '\\' or lower(coalesce(h.emergencies, ''))"
                    + " like ? escape '\\' or exists (select 1 from workforce_handover_item i where i.handover_id = "
                    + "h.id and (lower(i.label) like ? escape '\\' or lower(coalesce(i.note, '')) like ? escape '\\'))");
            args.addAll(List.of(like, like, like, like));
            if (!namedOutgoing.isEmpty()) {
                sql.append(" or h.outgoing_id in (").append(marks(namedOutgoing.size())).append(')');
                args.addAll(namedOutgoing);
            }
            sql.append(')');
        }
        sql.append(" order by h.submitted_at desc, h.id desc fetch first ").append(limit).append(" rows only");
        return jdbc.queryForList(sql.toString(), UUID.class, args.toArray());
    }

    /** The handover as pages and mails show it, with everyone's names. */
    public Optional<HandoverView> view(UUID id) {
        return head(id).map(head -> {
            List<UUID> recipients = recipients(id);
            List<Object[]> items = jdbc.query("select id, kind, ref_id, game_id, label, detail, due_at, link, note, "
                    + "disposition, target_id, acknowledged_by, acknowledged_at from workforce_handover_item "
                    + "where handover_id = ? order by position, id", (row, n) -> new Object[] {
                        row.getObject(1, UUID.class), row.getString(2), row.getObject(3, UUID.class),
                        row.getObject(4, UUID.class), row.getString(5), row.getString(6), instant(row, 7),
                        row.getString(8), row.getString(9), row.getString(10), row.getObject(11, UUID.class),
                        row.getObject(12, UUID.class), instant(row, 13) }, id);
            Set<UUID> people = new HashSet<>(recipients);
            people.add(head.outgoingId());
            for (Object[] item : items) {
                addIfAny(people, (UUID) item[10]);
                addIfAny(people, (UUID) item[11]);
            }
            addIfAny(people, head.acknowledgedBy());
            addIfAny(people, head.releasedBy());
            Map<UUID, StaffMember> names = staff.byIds(people);
            List<HandoverItem> listed = items.stream().map(i -> new HandoverItem((UUID) i[0],
                    org.playerdesk.system.entity.Coded.fromCode(HandoverItem.Kind.class, (String) i[1]), (UUID) i[2],
                    (UUID) i[3], (String) i[4], (String) i[5], (Instant) i[6], (String) i[7], (String) i[8],
                    org.playerdesk.system.entity.Coded.fromCode(HandoverItem.Disposition.class, (String) i[9]),
                    (UUID) i[10], name(names, (UUID) i[10]), (UUID) i[11], name(names, (UUID) i[11]),
                    (Instant) i[12])).toList();
            Map<UUID, HandoverView.Person> incoming = new LinkedHashMap<>();
            recipients.stream().sorted(java.util.Comparator.comparing(r -> String.valueOf(name(names, r))))
                    .forEach(r -> incoming.put(r, new HandoverView.Person(r, name(names, r))));
            return new HandoverView(id, head.outgoingId(), name(names, head.outgoingId()), head.state(),
                    head.shiftStart(), head.shiftEnd(), head.notes(), head.emergencies(),
                    List.copyOf(incoming.values()), listed, head.createdAt(), head.submittedAt(), head.dueAt(),
                    head.overdueAt(), head.acknowledgedAt(), name(names, head.acknowledgedBy()), head.releasedAt(),
                    name(names, head.releasedBy()), head.releaseReason());
        });
    }

    public List<HandoverView> views(List<UUID> ids) {
        return ids.stream().map(this::view).flatMap(Optional::stream).toList();
    }

    private static void addIfAny(Set<UUID> into, UUID id) {
        if (id != null) {
            into.add(id);
        }
    }

    private static String name(Map<UUID, StaffMember> names, UUID id) {
        if (id == null) {
            return null;
        }
        StaffMember member = names.get(id);
        return member == null ? "-" : member.displayName();
    }

    private static Head head(ResultSet row, int n) throws SQLException {
        return new Head(row.getObject("id", UUID.class), row.getObject("outgoing_id", UUID.class),
                HandoverState.of(row.getString("state")), instant(row, "shift_start"), instant(row, "shift_end"),
                row.getString("notes"), row.getString("emergencies"), instant(row, "created_at"),
                instant(row, "submitted_at"), instant(row, "due_at"), instant(row, "overdue_at"),
                instant(row, "acknowledged_at"), row.getObject("acknowledged_by", UUID.class),
                instant(row, "released_at"), row.getObject("released_by", UUID.class), row.getString("release_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
