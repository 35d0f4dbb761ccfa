package org.playerdesk.workforce.internal.worklog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Each agent's daily work log (客服日志), kept by its author only: the problems they write down
 * on their day (new, unsolved, to watch) with an optional ticket, submitted once; after that they
 * may still add follow-ups and mark problems solved. A day is the author's local day (their time
 * zone as routing keeps it). Who may read whose log is {@link TeamLogs}'.
 */
@Service
@Transactional(readOnly = true)
class WorkLogs {

    static final int TEXT_MAX = 1000;
    static final int TICKET_MAX = 20;

    /** An entry as its author writes it, checked field by field. */
    record EntryForm(@NotBlank(message = "{invalid.choose}") String category,
            @NotBlank(message = "{invalid.blank}") @Size(max = TEXT_MAX, message = "{invalid.tooLong}") @PlainText String text,
            @Size(max = TICKET_MAX, message = "{invalid.tooLong}") String ticket) {
    }

    static final RowMapper<LogEntry> ENTRY = (row, n) -> new LogEntry(row.getObject("id", UUID.class),
            row.getObject("log_id", UUID.class), row.getObject("staff_id", UUID.class),
            row.getObject("log_day", LocalDate.class), Coded.fromCode(ProblemCategory.class, row.getString("category")),
            row.getString("body"), row.getObject("ticket_id", UUID.class), row.getObject("game_id", UUID.class),
            (Long) row.getObject("ticket_number", Long.class), row.getBoolean("follow_up"),
            instant(row.getTimestamp("solved_at")), instant(row.getTimestamp("created_at")));

    static final String ENTRY_COLUMNS = "id, log_id, staff_id, log_day, category, body, ticket_id, game_id, "
            + "ticket_number, follow_up, solved_at, created_at";

    private final JdbcTemplate jdbc;
    private final WorkingDays days;
    private final TicketQueries tickets;
    private final InputValidation validation;
    private final Clock clock;

    WorkLogs(JdbcTemplate jdbc, WorkingDays days, TicketQueries tickets, InputValidation validation, Clock clock) {
        this.jdbc = jdbc;
        this.days = days;
        this.tickets = tickets;
        this.validation = validation;
        this.clock = clock;
    }

    /** The author's log of that day of theirs (an empty draft when they have written nothing yet). */
    public WorkLog of(UUID staffId, LocalDate day) {
        return logs(List.of(staffId), day).getOrDefault(staffId, WorkLog.empty(staffId, day));
    }

    /** The logs these people have of that day, by person; people without one are absent. */
    Map<UUID, WorkLog> logs(Collection<UUID> staffIds, LocalDate day) {
        Map<UUID, WorkLog> logs = new LinkedHashMap<>();
        if (staffIds.isEmpty()) {
            return logs;
        }
        String in = String.join(",", staffIds.stream().map(id -> "?").toList());
        List<Object> arguments = new ArrayList<>(staffIds);
        arguments.add(day);
        Map<UUID, List<LogEntry>> entries = new LinkedHashMap<>();
        jdbc.query("select " + ENTRY_COLUMNS + " from worklog_entry where staff_id in (" + in + ") and log_day = ?"
                + " order by created_at, id", row -> {
                    LogEntry entry = ENTRY.mapRow(row, 0);
                    entries.computeIfAbsent(entry.logId(), k -> new ArrayList<>()).add(entry);
                }, arguments.toArray());
        jdbc.query("select id, staff_id, submitted_at from worklog_day where staff_id in (" + in + ") and log_day = ?",
                row -> {
                    UUID id = row.getObject(1, UUID.class);
                    UUID staffId = row.getObject(2, UUID.class);
                    logs.put(staffId, new WorkLog(id, staffId, day, instant(row.getTimestamp(3)),
                            List.copyOf(entries.getOrDefault(id, List.of()))));
                }, arguments.toArray());
        return logs;
    }

    /** The days the author has a log of, newest first, before {@code before}. */
    public List<LocalDate> pastDays(UUID staffId, LocalDate before, int limit) {
        return jdbc.query("select log_day from worklog_day where staff_id = ? and log_day < ? order by log_day desc",
                (row, n) -> row.getObject(1, LocalDate.class), staffId, before).stream().limit(limit).toList();
    }

    /**
     * Writes a problem into the author's log of {@code day}: on that day itself, or later as a
     * follow-up once the log is submitted. The ticket, when given, is one of the author's games by
     * its number ({@code gameId} chooses the game where several have that number).
     */
    @Transactional
    public LogEntry write(StaffMember author, LocalDate day, String category, String text, String ticket,
            UUID gameId) {
        requireAgent(author);
        EntryForm form = new EntryForm(tidy(category), text == null ? null : text.strip(), tidy(ticket));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        ProblemCategory chosen = null;
        if (form.category() != null) {
            try {
                chosen = Coded.fromCode(ProblemCategory.class, form.category());
            } catch (RuntimeException unknown) {
                errors.add(new InvalidInput.FieldError("category", "invalid.choose"));
            }
        }
        TicketRef ref = null;
        if (form.ticket() != null && errors.stream().noneMatch(e -> e.field().equals("ticket"))) {
            try {
                ref = ticket(author, form.ticket(), gameId);
            } catch (InvalidInput bad) {
                errors.addAll(bad.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(EntryForm.class, errors));
        }
        LocalDate today = days.today(author.id());
        WorkLog log = of(author.id(), day);
        if (day.isAfter(today)) {
            throw new RuleViolation("worklog.future", "a log of a day to come");
        }
        if (day.isBefore(today) && !log.submitted()) {
            throw new RuleViolation("worklog.dayOver", "the day is over and its log was not submitted");
        }
        UUID logId = log.id() == null ? create(author.id(), day) : log.id();
        Instant now = clock.instant();
        UUID id = Ids.next();
        jdbc.update("insert into worklog_entry (id, log_id, staff_id, log_day, category, body, body_lower, ticket_id,"
                + " game_id, ticket_number, follow_up, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                logId, author.id(), day, chosen.code(), form.text(), form.text().toLowerCase(java.util.Locale.ROOT),
                ref == null ? null : ref.id(), ref == null ? null : ref.gameId(), ref == null ? null : ref.number(),
                log.submitted(), Timestamp.from(now));
        return new LogEntry(id, logId, author.id(), day, chosen, form.text(), ref == null ? null : ref.id(),
                ref == null ? null : ref.gameId(), ref == null ? null : ref.number(), log.submitted(), null, now);
    }

    /** Takes an entry out of the author's draft, on its day only: a submitted log keeps what it said. */
    @Transactional
    public void remove(StaffMember author, UUID entryId) {
        LogEntry entry = own(author, entryId);
        WorkLog log = of(author.id(), entry.day());
        if (log.submitted() || !entry.day().equals(days.today(author.id()))) {
            throw new RuleViolation("worklog.kept", "a submitted log, or a past day's, keeps its entries");
        }
        jdbc.update("delete from worklog_entry where id = ?", entryId);
    }

    /** Marks one of the author's problems solved, or not solved after all; on any day. */
    @Transactional
    public void solve(StaffMember author, UUID entryId, boolean solved) {
        own(author, entryId);
        jdbc.update("update worklog_entry set solved_at = ? where id = ?",
                solved ? Timestamp.from(clock.instant()) : null, entryId);
    }

    /** Submits the author's log of a day (today's, or a past one not submitted yet); once. */
    @Transactional
    public WorkLog submit(StaffMember author, LocalDate day) {
        requireAgent(author);
        if (day.isAfter(days.today(author.id()))) {
            throw new RuleViolation("worklog.future", "a log of a day to come");
        }
        WorkLog log = of(author.id(), day);
        UUID id = log.id() == null ? create(author.id(), day) : log.id();
        jdbc.update("update worklog_day set submitted_at = ? where id = ? and submitted_at is null",
                Timestamp.from(clock.instant()), id);
        return of(author.id(), day);
    }

    /** The ticket of the author's games with that number; every way it can be wrong is the field's error. */
    private TicketRef ticket(StaffMember author, String written, UUID gameId) {
        String digits = written.startsWith("#") ? written.substring(1).strip() : written;
        long number;
        try {
            number = Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("ticket", "invalid.worklog.ticketNumber");
        }
        java.util.Set<UUID> scope = author.role().seesAllGames() ? null : author.gameIds();
        if (gameId != null && scope != null && !scope.contains(gameId)) {
            throw InvalidInput.of("game", "invalid.game");
        }
        List<TicketRef> found = number <= 0 ? List.of() : tickets.matching(new TicketFilter(scope, gameId, null,
                null, null, null, null, false, number, null, null, null), 2);
        if (found.isEmpty()) {
            throw InvalidInput.of("ticket", "invalid.worklog.ticket", String.valueOf(number));
        }
        if (found.size() > 1) {
            throw InvalidInput.of("game", "invalid.worklog.ticketGame", String.valueOf(number));
        }
        return found.getFirst();
    }

    private LogEntry own(StaffMember author, UUID entryId) {
        Optional<LogEntry> entry = jdbc.query("select " + ENTRY_COLUMNS + " from worklog_entry where id = ?", ENTRY,
                entryId).stream().findFirst();
        // another's entry is as absent as one that never was
        return entry.filter(e -> e.staffId().equals(author.id()))
                .orElseThrow(() -> new NotFoundException("worklog entry", entryId));
    }

    private UUID create(UUID staffId, LocalDate day) {
        // a second tab of the same author may have created it a moment ago
        jdbc.update("insert into worklog_day (id, staff_id, log_day, created_at) select ?, ?, ?, ? where not exists"
                + " (select 1 from worklog_day where staff_id = ? and log_day = ?)", Ids.next(), staffId, day,
                Timestamp.from(clock.instant()), staffId, day);
        return jdbc.queryForObject("select id from worklog_day where staff_id = ? and log_day = ?", UUID.class,
                staffId, day);
    }

    private static void requireAgent(StaffMember author) {
        if (author == null || !author.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("only those who work tickets keep a work log");
        }
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
