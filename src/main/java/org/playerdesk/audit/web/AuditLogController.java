package org.playerdesk.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit log (VIEW_AUDIT_LOG): administrators read every entry, supervisors the entries of the
 * games they serve. Filters by staff member, player (game account), action and days, 50 entries a
 * page, newest first; the same filters export every matching entry as CSV. Each reading and each
 * export is written to the audit log itself ({@code audit.view}, {@code audit.export}).
 */
@Controller
@RequestMapping("/console/admin/audit")
class AuditLogController {

    static final int PAGE = 50;
    private static final int EXPORT_BATCH = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("time", "staff", "action", "game", "subject", "detail", "address");

    /** One entry as a person reads it: names, not ids. */
    record Row(String time, String staff, String action, String game, String subject, String detail, String address) {
    }

    private final AuditLog audit;
    private final StaffDirectory staff;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final MessageSource messages;
    private final ErrorTexts errors;

    AuditLogController(AuditLog audit, StaffDirectory staff, PlayerDirectory players, GameCatalog games,
            MessageSource messages, ErrorTexts errors) {
        this.audit = audit;
        this.staff = staff;
        this.players = players;
        this.games = games;
        this.messages = messages;
        this.errors = errors;
    }

    private static void requireReader(StaffUser me) {
        if (!me.can(Permission.VIEW_AUDIT_LOG)) {
            throw new AccessDeniedException("may not read the audit log");
        }
    }

    @GetMapping
    String page(AuditQuery query, @AuthenticationPrincipal StaffUser me, Locale locale, Model model,
            HttpServletResponse response) {
        requireReader(me);
        List<StaffMember> everyone = staff.all();
        form(query, everyone, me, locale, model);
        AuditQuery.Checked checked;
        try {
            checked = query.check(ids(everyone));
        } catch (InvalidInput invalid) {
            return refused(invalid, locale, model, response);
        }
        audit.record(me.member(), null, "audit.view", "audit_log", "entries", query.describe());
        List<AuditLog.Entry> found = audit.search(filter(checked, me), checked.after(), PAGE + 1);
        List<AuditLog.Entry> shown = found.size() > PAGE ? found.subList(0, PAGE) : found;
        model.addAttribute("rows", rows(shown, locale));
        model.addAttribute("nextLink", found.size() > PAGE
                ? query.link("/console/admin/audit", AuditQuery.cursor(shown.getLast().position())) : null);
        model.addAttribute("firstLink", checked.after() == null ? null : query.link("/console/admin/audit", null));
        return "audit/log";
    }

    /**
     * Every entry the filters select, newest first, as CSV (UTF-8 with a byte order mark, so that
     * spreadsheet programs read the Chinese): headers in both languages, names and action words in
     * the reader's language. Bad filters are refused as on the page.
     */
    @GetMapping("/export.csv")
    String export(AuditQuery query, @AuthenticationPrincipal StaffUser me, Locale locale, Model model,
            HttpServletResponse response) throws IOException {
        requireReader(me);
        List<StaffMember> everyone = staff.all();
        AuditQuery.Checked checked;
        try {
            checked = new AuditQuery(query.staff(), query.player(), query.action(), query.from(), query.to(), null)
                    .check(ids(everyone));
        } catch (InvalidInput invalid) {
            form(query, everyone, me, locale, model);
            return refused(invalid, locale, model, response);
        }
        audit.record(me.member(), null, "audit.export", "audit_log", "entries", query.describe());
        AuditLog.Filter filter = filter(checked, me);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        out.write(line(COLUMNS.stream().map(c -> messages.getMessage("audit.column." + c, null, Locale.SIMPLIFIED_CHINESE)
                + " / " + messages.getMessage("audit.column." + c, null, Locale.ENGLISH)).toList()));
        AuditLog.Position after = null;
        while (true) {
            List<AuditLog.Entry> batch = audit.search(filter, after, EXPORT_BATCH);
            for (Row row : rows(batch, locale)) {
                out.write(line(List.of(row.time(), row.staff(), row.action(), row.game(), row.subject(), row.detail(),
                        row.address())));
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            after = batch.getLast().position();
        }
        out.flush();
        return null;
    }

    /** What the filter form shows: the filters as given, the choices, the export link. */
    private void form(AuditQuery query, List<StaffMember> everyone, StaffUser me, Locale locale, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("staffMembers", everyone);
        model.addAttribute("actions", actionChoices(query.action(), locale));
        model.addAttribute("allGames", me.gameScope() == null);
        model.addAttribute("exportLink", query.link("/console/admin/audit/export.csv", null));
    }

    /** Bad filters: 400, the page with each field's error in the reader's language and no entries. */
    private String refused(InvalidInput invalid, Locale locale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("fieldErrors", errors.firstByField(invalid, locale));
        model.addAttribute("rows", List.of());
        return "audit/log";
    }

    private AuditLog.Filter filter(AuditQuery.Checked checked, StaffUser me) {
        List<AuditLog.Subject> subjects = null;
        if (checked.player() != null) {
            subjects = new ArrayList<>();
            subjects.add(new AuditLog.Subject("account", checked.player()));
            for (UUID id : players.idsByAccount(me.gameScope(), checked.player())) {
                subjects.add(new AuditLog.Subject("player", id.toString()));
            }
        }
        return new AuditLog.Filter(checked.actor(), checked.action(), subjects, checked.from(), checked.until(),
                me.gameScope());
    }

    private static Set<UUID> ids(Collection<StaffMember> members) {
        Set<UUID> ids = new HashSet<>();
        members.forEach(m -> ids.add(m.id()));
        return ids;
    }

    /** The offered actions in the reader's words, sorted by them, with a chosen code not among them kept. */
    private Map<String, String> actionChoices(String chosen, Locale locale) {
        Map<String, String> choices = new LinkedHashMap<>();
        AuditQuery.ACTIONS.stream().map(code -> Map.entry(code, action(code, locale)))
                .sorted(Map.Entry.comparingByValue()).forEach(e -> choices.put(e.getKey(), e.getValue()));
        if (chosen != null && !choices.containsKey(chosen)) {
            choices.put(chosen, chosen);
        }
        return choices;
    }

    private String action(String code, Locale locale) {
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {"audit.action." + code}, code),
                locale);
    }

    private List<Row> rows(List<AuditLog.Entry> entries, Locale locale) {
        Set<UUID> people = new HashSet<>();
        Set<UUID> playerIds = new HashSet<>();
        for (AuditLog.Entry e : entries) {
            if (e.actorId() != null) {
                people.add(e.actorId());
            }
            UUID subject = uuid(e.subjectId());
            if (subject != null && "staff".equals(e.subjectKind())) {
                people.add(subject);
            } else if (subject != null && "player".equals(e.subjectKind())) {
                playerIds.add(subject);
            }
        }
        Map<UUID, StaffMember> named = people.isEmpty() ? Map.of() : staff.byIds(people);
        Map<UUID, PlayerSummary> known = playerIds.isEmpty() ? Map.of() : players.byIds(playerIds);
        Map<UUID, String> gameNames = games.all().stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name));
        Function<UUID, String> personName = id -> named.containsKey(id) ? named.get(id).displayName() : null;
        List<Row> rows = new ArrayList<>(entries.size());
        for (AuditLog.Entry e : entries) {
            String actor = e.actorId() == null ? messages.getMessage("audit.system", null, locale)
                    : personName.apply(e.actorId()) != null ? personName.apply(e.actorId()) : e.actorName();
            rows.add(new Row(TIME.format(e.at()), actor, action(e.action(), locale),
                    e.gameId() == null ? "" : gameNames.getOrDefault(e.gameId(), ""),
                    subject(e, named, known, gameNames, locale), e.detail() == null ? "" : e.detail(),
                    e.clientAddress() == null ? "" : e.clientAddress()));
        }
        return rows;
    }

    private String subject(AuditLog.Entry e, Map<UUID, StaffMember> named, Map<UUID, PlayerSummary> known,
            Map<UUID, String> gameNames, Locale locale) {
        UUID id = uuid(e.subjectId());
        return switch (e.subjectKind()) {
            case "player" -> messages.getMessage("audit.subject.player", new Object[] {
                    id != null && known.containsKey(id) ? known.get(id).accountId() : e.subjectId()}, locale);
            case "account" -> messages.getMessage("audit.subject.account", new Object[] {e.subjectId()}, locale);
            case "staff" -> messages.getMessage("audit.subject.staff", new Object[] {
                    id != null && named.containsKey(id) ? named.get(id).displayName() : e.subjectId()}, locale);
            case "game" -> messages.getMessage("audit.subject.game", new Object[] {
                    id != null && gameNames.containsKey(id) ? gameNames.get(id) : e.subjectId()}, locale);
            default -> e.subjectKind() + " " + e.subjectId();
        };
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.length() != 36 ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * One CSV line: every cell quoted, quotes doubled, and a cell that a spreadsheet would take for a
     * formula (=, +, -, @, tab, carriage return first) led by an apostrophe.
     */
    static String line(List<String> cells) {
        return cells.stream().map(cell -> {
            String text = cell == null ? "" : cell;
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }).collect(Collectors.joining(",")) + "\r\n";
    }
}
