package org.playerdesk.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log's filters as the page sends them, each checked on its own: a member of staff (an id
 * from the list), a player's game account, an action code, a first and a last day (UTC, both
 * included), and where the page starts ({@code after}: the last entry of the page before).
 */
record AuditQuery(String staff, String player, String action, String from, String to, String after) {

    /** The actions the filter offers, each worded by {@code audit.action.<code>}. */
    static final List<String> ACTIONS = List.of("automation.rule.change", "automation.rule.create", "automation.rule.disable", "automation.rule.enable", "automation.rule.remove", "automation.time-rule", "department.create", "department.update", "game.ban", "game.unban", "game.compensate", "game.freeze", "game.reset_password", "game.approve", "game.archive", "game.change", "game.connector", "game.group.approve", "game.group.reject", "game.group.request", "game.group.sanction", "game.ledger", "game.linked", "game.linked.group", "game.logins", "game.notify", "game.register", "game.reject", "game.request", "game.restore", "game.violation", "handover.release", "insight.rebuild", "outreach.resend", "pay.excellent", "pay.excellent.undo", "pay.ranking", "pay.rules", "pay.view", "pii.export", "pii.export.download", "pii.view", "presence.set", "privacy.deadline", "privacy.erase", "privacy.export.download", "privacy.retention", "privacy.retention.run", "review.acknowledge", "review.assess", "review.board", "review.draft", "review.share", "review.view", "roster.assign", "roster.day.remove", "roster.dutyLead", "roster.minimum", "roster.pattern.create", "roster.pattern.remove", "roster.pattern.update", "roster.shift.create", "roster.shift.remove", "roster.shift.update", "roster.swap.request", "roster.unassign", "staff.disable", "staff.email", "staff.enable", "staff.enrol", "staff.first-admin", "staff.password.change", "staff.password.link", "staff.password.reset", "staff.password.temporary", "staff.pii.grant", "staff.pii.withdraw", "staff.sso.enrol", "staff.sso.link", "staff.sso.update", "staff.update", "team.create", "team.place", "team.remove", "team.update", "training.answer.scored", "training.course.create", "training.course.file.add", "training.course.file.remove", "training.exam.create", "training.exam.failed", "training.exam.late", "training.exam.passed", "training.newHire.mark", "training.newHire.release", "training.question.add", "two-factor.enrolled", "two-factor.recovery-code-used", "two-factor.recovery-codes", "two-factor.reset", "vip.entry-link", "vip.manager", "wellbeing.board", "wellbeing.talk", "wellbeing.view", "audit.view", "audit.export");

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9._-]{0,39}");
    static final int ACCOUNT_MAX = 64;

    AuditQuery {
        staff = blank(staff);
        player = blank(player);
        action = blank(action);
        from = blank(from);
        to = blank(to);
        after = blank(after);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The filters read, or every bad field at once. */
    Checked check(Set<UUID> staffIds) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        UUID actor = null;
        if (staff != null) {
            try {
                actor = UUID.fromString(staff);
            } catch (IllegalArgumentException e) {
                // below
            }
            if (actor == null || !staffIds.contains(actor)) {
                errors.add(new InvalidInput.FieldError("staff", "audit.error.staff"));
            }
        }
        if (player != null && player.length() > ACCOUNT_MAX) {
            errors.add(new InvalidInput.FieldError("player", "invalid.tooLong", ACCOUNT_MAX));
        }
        if (action != null && !ACTION.matcher(action).matches()) {
            errors.add(new InvalidInput.FieldError("action", "audit.error.action"));
        }
        LocalDate first = day("from", from, errors);
        LocalDate last = day("to", to, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new InvalidInput.FieldError("to", "audit.error.range"));
        }
        AuditLog.Position position = null;
        if (after != null) {
            position = position(after);
            if (position == null) {
                errors.add(new InvalidInput.FieldError("after", "audit.error.after"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(actor, player, action, first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), position);
    }

    private static LocalDate day(String field, String value, List<InvalidInput.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                errors.add(new InvalidInput.FieldError(field, "invalid.date", value));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "invalid.date", value.length() > 20 ? value.substring(0, 20) : value));
            return null;
        }
    }

    /** {@code <epoch milliseconds>_<entry id>}. */
    static String cursor(AuditLog.Position position) {
        return position.at().toEpochMilli() + "_" + position.id();
    }

    private static AuditLog.Position position(String cursor) {
        int cut = cursor.indexOf('_');
        if (cut < 1 || cursor.length() > 80) {
            return null;
        }
        try {
            return new AuditLog.Position(Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, cut))),
                    UUID.fromString(cursor.substring(cut + 1)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The filters given, by name, in the order of the form. */
    private Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("staff", staff);
        given.put("player", player);
        given.put("action", action);
        given.put("from", from);
        given.put("to", to);
        given.put("after", after);
        given.values().removeIf(Objects::isNull);
        return given;
    }

    /** The page's address with these filters and another start. */
    String link(String path, String startAfter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        given().forEach((name, value) -> {
            if (!name.equals("after")) {
                uri.queryParam(name, value);
            }
        });
        if (startAfter != null) {
            uri.queryParam("after", startAfter);
        }
        return uri.encode().build().toUriString();
    }

    /** The filters for the audit entry of a reading, in a line. */
    String describe() {
        Map<String, String> given = given();
        return given.isEmpty() ? "all entries" : given.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The filters read. */
    record Checked(UUID actor, String player, String action, Instant from, Instant until, AuditLog.Position after) {
    }
}
