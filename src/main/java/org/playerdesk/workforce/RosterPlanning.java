package org.playerdesk.workforce;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.workforce.internal.roster.Assignment;
import org.playerdesk.workforce.internal.roster.DayChange;
import org.playerdesk.workforce.internal.roster.Pattern;
import org.playerdesk.workforce.internal.roster.RosterPlans;
import org.playerdesk.workforce.internal.roster.RosterStore;
import org.playerdesk.workforce.internal.roster.Shift;
import org.playerdesk.workforce.internal.roster.Swap;
import org.playerdesk.workforce.internal.roster.SwapState;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Planning the roster: the shifts and patterns (leads), who is on which pattern from when (an
 * agent's leads, a team's lead), the changes of single days (leave, sick, extra shift), swap
 * requests (an agent asks, a lead who leads both agents approves or refuses, the agent may
 * withdraw while it waits), the minimum staffing per shift and tier, and the on-duty lead (值班长).
 * Every change is checked field by field (nothing is written when anything is wrong) and audited.
 */
@Service
@Transactional
public class RosterPlanning {

    public static final int SHIFT_NAME_MAX = 40;
    public static final int PATTERN_NAME_MAX = 80;
    public static final int NOTE_MAX = 200;
    public static final int HEADCOUNT_MAX = 500;

    record ShiftForm(@NotBlank(message = "{invalid.blank}") @Size(max = SHIFT_NAME_MAX, message = "{invalid.tooLong}")
            @SingleLine String name) {
    }

    record PatternForm(@NotBlank(message = "{invalid.blank}") @Size(max = PATTERN_NAME_MAX,
            message = "{invalid.tooLong}") @SingleLine String name) {
    }

    record NoteForm(@Size(max = NOTE_MAX, message = "{invalid.tooLong}") @SingleLine String note) {
    }

    private final RosterStore store;
    private final RosterPlans plans;
    private final Teams teams;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Clock clock;

    RosterPlanning(RosterStore store, RosterPlans plans, Teams teams, StaffDirectory staff,
            AuditLog audit, InputValidation validation, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.teams = teams;
        this.staff = staff;
        this.audit = audit;
        this.validation = validation;
        this.clock = clock;
    }

    // reads the planning pages need

    @Transactional(readOnly = true)
    public List<ShiftView> shifts() {
        return store.shifts().stream().map(RosterPlanning::view).toList();
    }

    @Transactional(readOnly = true)
    public List<PatternView> patterns() {
        return store.patterns().stream().map(p -> new PatternView(p.id(), p.name(), p.weekly(), p.days())).toList();
    }

    // shifts and patterns

    /** Adds a shift ({@code shiftId} null) or changes one: a name and hours as HH:mm (24:00 for midnight). */
    public ShiftView defineShift(UUID shiftId, String name, String start, String end, StaffMember by) {
        requireLeadOfAnyone(by);
        ShiftForm form = new ShiftForm(strip(name));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        LocalTime from = Shift.time(start);
        LocalTime to = Shift.time(end);
        if (from == null) {
            errors.add(new InvalidInput.FieldError("start", "invalid.time"));
        }
        if (to == null) {
            errors.add(new InvalidInput.FieldError("end", "invalid.time"));
        }
        if (from != null && to != null && from.equals(to) && !from.equals(LocalTime.MIDNIGHT)) {
            errors.add(new InvalidInput.FieldError("end", "invalid.rota.shiftLength"));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("name"))
                && store.shiftNameTaken(form.name(), shiftId == null ? Ids.next() : shiftId)) {
            errors.addFirst(new InvalidInput.FieldError("name", "invalid.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = shiftId == null ? Ids.next() : shiftId;
        if (shiftId == null) {
            store.insertShift(id, form.name(), Shift.hhmm(from), Shift.end(to), clock.instant());
        } else if (store.updateShift(id, form.name(), Shift.hhmm(from), Shift.end(to)) == 0) {
            throw new NotFoundException("shift", id);
        }
        audit.record(by, null, shiftId == null ? "roster.shift.create" : "roster.shift.update", "shift",
                id.toString(), form.name() + " " + Shift.hhmm(from) + "-" + Shift.end(to));
        return view(new Shift(id, form.name(), from, to));
    }

    /** Removes a shift no pattern uses (refused, by name, while one does). */
    public void removeShift(UUID shiftId, StaffMember by) {
        requireLeadOfAnyone(by);
        Shift shift = shift(shiftId);
        if (store.shiftInUse(shiftId)) {
            throw new RuleViolation("roster.shift.inUse", "a pattern uses this shift", shift.name());
        }
        store.deleteShift(shiftId);
        audit.record(by, null, "roster.shift.remove", "shift", shiftId.toString(), shift.name());
    }

    /**
     * Adds a pattern ({@code patternId} null) or changes one: its days in order, each a shift's id or
     * blank for a day off (1 to {@value Pattern#DAYS_MAX} days; a weekly pattern has seven, from Monday).
     */
    public PatternView definePattern(UUID patternId, String name, boolean weekly, List<String> days, StaffMember by) {
        requireLeadOfAnyone(by);
        PatternForm form = new PatternForm(strip(name));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Set<UUID> known = store.shifts().stream().map(Shift::id).collect(Collectors.toSet());
        List<UUID> cycle = new ArrayList<>();
        boolean unknown = false;
        for (String day : days == null ? List.<String>of() : days) {
            UUID shift = day == null || day.isBlank() ? null : uuid(day);
            unknown |= day != null && !day.isBlank() && (shift == null || !known.contains(shift));
            cycle.add(shift);
        }
        if (unknown) {
            errors.add(new InvalidInput.FieldError("days", "invalid.choose"));
        } else if (weekly ? cycle.size() != 7 : cycle.isEmpty() || cycle.size() > Pattern.DAYS_MAX) {
            errors.add(new InvalidInput.FieldError("days", "invalid.rota.days", Pattern.DAYS_MAX));
        } else if (cycle.stream().allMatch(Objects::isNull)) {
            errors.add(new InvalidInput.FieldError("days", "invalid.rota.noShift"));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("name"))
                && store.patternNameTaken(form.name(), patternId == null ? Ids.next() : patternId)) {
            errors.addFirst(new InvalidInput.FieldError("name", "invalid.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = patternId == null ? Ids.next() : patternId;
        boolean exists = patternId != null;
        if (exists && store.patterns().stream().noneMatch(p -> p.id().equals(patternId))) {
            throw new NotFoundException("pattern", patternId);
        }
        store.savePattern(id, exists, form.name(), weekly, cycle, clock.instant());
        audit.record(by, null, exists ? "roster.pattern.update" : "roster.pattern.create", "pattern", id.toString(),
                form.name() + ": " + cycle.size() + " days");
        return new PatternView(id, form.name(), weekly, java.util.Collections.unmodifiableList(cycle));
    }

    /** Removes a pattern nobody is or was on (refused, by name, while an assignment uses it). */
    public void removePattern(UUID patternId, StaffMember by) {
        requireLeadOfAnyone(by);
        Pattern pattern = store.patterns().stream().filter(p -> p.id().equals(patternId)).findFirst()
                .orElseThrow(() -> new NotFoundException("pattern", patternId));
        if (store.patternInUse(patternId)) {
            throw new RuleViolation("roster.pattern.inUse", "an assignment uses this pattern", pattern.name());
        }
        store.deletePattern(patternId);
        audit.record(by, null, "roster.pattern.remove", "pattern", patternId.toString(), pattern.name());
    }

    /**
     * The seed's shifts and patterns, in the reader's language, for a department that has none yet:
     * 早班 08:00–16:00, 中班 16:00–24:00, 夜班 00:00–08:00; 三班倒 (two days of each shift, two days
     * off: four groups two days apart cover every hour), 做三休一 (three 早班, one day off) and a weekly
     * 早班 Monday to Friday. What exists by the same name is kept as it is.
     */
    public List<PatternView> addReadyMade(boolean chinese, StaffMember by) {
        requireLeadOfAnyone(by);
        String early = chinese ? "早班" : "Early";
        String middle = chinese ? "中班" : "Middle";
        String night = chinese ? "夜班" : "Night";
        String e = readyShift(early, "08:00", "16:00", by);
        String m = readyShift(middle, "16:00", "24:00", by);
        String n = readyShift(night, "00:00", "08:00", by);
        List<PatternView> made = new ArrayList<>();
        readyPattern(chinese ? "三班倒" : "Three shifts (三班倒)", false, List.of(e, e, m, m, n, n, "", ""), by)
                .ifPresent(made::add);
        readyPattern(chinese ? "做三休一" : "Three on, one off (做三休一)", false, List.of(e, e, e, ""), by)
                .ifPresent(made::add);
        readyPattern(chinese ? "周一至周五早班" : "Early, Monday to Friday", true, List.of(e, e, e, e, e, "", ""), by)
                .ifPresent(made::add);
        return made;
    }

    private String readyShift(String name, String start, String end, StaffMember by) {
        return store.shifts().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .map(s -> s.id().toString()).orElseGet(() -> defineShift(null, name, start, end, by).id().toString());
    }

    private Optional<PatternView> readyPattern(String name, boolean weekly, List<String> days, StaffMember by) {
        if (store.patterns().stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
            return Optional.empty();
        }
        return Optional.of(definePattern(null, name, weekly, days, by));
    }

    // who is on which pattern

    /**
     * Puts an agent ({@code staffId}) or a team ({@code teamId}) on a pattern from a date (until a
     * date, or open-ended) in a time zone; what they were on before ends the day before. No pattern
     * ({@code patternId} null) takes them off their pattern from that date.
     */
    public void assign(UUID staffId, UUID teamId, UUID patternId, String from, String until, String zone,
            StaffMember by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if ((staffId == null) == (teamId == null)) {
            errors.add(new InvalidInput.FieldError("subject", "invalid.rota.subject"));
        }
        LocalDate start = date("from", from, true, errors);
        LocalDate end = date("until", until, false, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new InvalidInput.FieldError("until", "invalid.rota.until"));
        }
        ZoneId zoneId = null;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? plans.settings().defaultTimeZone() : zone.strip());
        } catch (DateTimeException e) {
            errors.add(new InvalidInput.FieldError("zone", "invalid.timeZone"));
        }
        Pattern pattern = patternId == null ? null
                : store.patterns().stream().filter(p -> p.id().equals(patternId)).findFirst().orElse(null);
        if (patternId != null && pattern == null) {
            errors.add(new InvalidInput.FieldError("pattern", "invalid.choose"));
        }
        TeamView team = teamId == null ? null : teams.get(teamId).orElse(null);
        if (teamId != null && team == null) {
            errors.add(new InvalidInput.FieldError("subject", "invalid.choose"));
        }
        if (staffId != null && staff.byIds(List.of(staffId)).isEmpty()) {
            errors.add(new InvalidInput.FieldError("subject", "invalid.staff.any"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (team != null ? !by.role().leads() && !team.ledBy(by.id()) : !teams.leads(by, staffId)) {
            throw new AccessDeniedException("not a lead of this agent or team");
        }
        String who = team != null ? "team " + team.name() : staff.get(staffId).username();
        if (pattern == null) {
            store.unassign(staffId, teamId, start);
            audit.record(by, null, "roster.unassign", team != null ? "team" : "staff",
                    (team != null ? teamId : staffId).toString(), who + " from " + start);
            return;
        }
        store.assign(new Assignment(Ids.next(), staffId, teamId, patternId, start, end, zoneId), by.id(),
                clock.instant());
        audit.record(by, null, "roster.assign", team != null ? "team" : "staff",
                (team != null ? teamId : staffId).toString(), who + ": " + pattern.name() + " from " + start
                        + (end == null ? "" : " to " + end) + " " + zoneId.getId());
    }

    // single days

    /** Leave or a sick day (no shift that day) or an extra shift ({@code shiftId}) for an agent one leads. */
    public UUID changeDay(UUID staffId, String date, String kind, UUID shiftId, String note, StaffMember by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new NoteForm(strip(note))));
        LocalDate day = date("date", date, true, errors);
        DayChange.Kind chosen = null;
        try {
            chosen = DayChange.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.choose"));
        }
        if (chosen == DayChange.Kind.EXTRA && (shiftId == null
                || store.shifts().stream().noneMatch(s -> s.id().equals(shiftId)))) {
            errors.add(new InvalidInput.FieldError("shift", "invalid.choose"));
        }
        if (staffId == null || staff.byIds(List.of(staffId)).isEmpty()) {
            errors.add(new InvalidInput.FieldError("staff", "invalid.staff.any"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        requireLeads(by, staffId);
        UUID id = Ids.next();
        store.insertChange(new DayChange(id, staffId, day, chosen, chosen == DayChange.Kind.EXTRA ? shiftId : null,
                blankToNull(note)), by.id(), clock.instant());
        audit.record(by, null, "roster.day." + chosen.code(), "staff", staffId.toString(), day.toString());
        return id;
    }

    /** Takes a lead's change of a day back. */
    public void removeChange(UUID changeId, StaffMember by) {
        DayChange change = store.change(changeId).orElseThrow(() -> new NotFoundException("roster change", changeId));
        requireLeads(by, change.staffId());
        store.deleteChange(changeId);
        audit.record(by, null, "roster.day.remove", "staff", change.staffId().toString(),
                change.date() + " " + change.kind().code());
    }

    // swaps

    /** The agent asks to exchange their shifts of a date (today or later) with a colleague. */
    public UUID requestSwap(StaffMember requester, UUID colleagueId, String date, String reason) {
        if (!requester.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("only agents swap shifts");
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new NoteForm(strip(reason))));
        LocalDate day = date("date", date, true, errors);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(plans.settings().defaultTimeZone())));
        if (day != null && day.isBefore(today)) {
            errors.add(new InvalidInput.FieldError("date", "invalid.rota.past"));
        }
        StaffMember colleague = colleagueId == null ? null : staff.byIds(List.of(colleagueId)).get(colleagueId);
        if (colleague == null || colleague.id().equals(requester.id()) || !colleague.enabled()
                || !colleague.can(Permission.WORK_TICKETS)) {
            errors.add(new InvalidInput.FieldError("colleague", "invalid.rota.colleague"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (store.swapOpen(requester.id(), day) || store.swapOpen(colleague.id(), day)) {
            throw new RuleViolation("roster.swap.open", "a swap of that day is already asked for or approved", day);
        }
        UUID id = Ids.next();
        store.insertSwap(new Swap(id, requester.id(), colleague.id(), day, blankToNull(reason), SwapState.REQUESTED,
                clock.instant(), null, null));
        audit.record(requester, null, "roster.swap.request", "swap", id.toString(),
                requester.username() + " with " + colleague.username() + " on " + day);
        return id;
    }

    /** A lead of both agents approves or refuses a waiting request. */
    public void decideSwap(UUID swapId, boolean approve, StaffMember lead) {
        Swap swap = store.swap(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
        if (!teams.leads(lead, swap.requesterId()) || !teams.leads(lead, swap.colleagueId())) {
            throw new AccessDeniedException("not a lead of both agents");
        }
        SwapState to = approve ? SwapState.APPROVED : SwapState.REFUSED;
        move(swap, to, lead);
    }

    /** The agent who asked withdraws a request still waiting. */
    public void withdrawSwap(UUID swapId, StaffMember requester) {
        Swap swap = store.swap(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
        if (!swap.requesterId().equals(requester.id())) {
            throw new AccessDeniedException("only who asked withdraws a swap");
        }
        move(swap, SwapState.WITHDRAWN, requester);
    }

    private void move(Swap swap, SwapState to, StaffMember by) {
        if (!swap.state().canBecome(to) || !store.decideSwap(swap.id(), to, by.id(), clock.instant())) {
            throw new RuleViolation("roster.swap.decided", "the swap is no longer waiting");
        }
        audit.record(by, null, "roster.swap." + to.code(), "swap", swap.id().toString(), swap.date().toString());
    }

    // staffing

    /**
     * How many agents (of a tier, or any) a shift needs, for a team or (team null) the whole
     * department; 0 removes the minimum. Supervisors and administrators set the department's, a
     * team's lead their team's.
     */
    public void setMinimum(UUID teamId, UUID shiftId, String tier, Integer headcount, StaffMember by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (shiftId == null || store.shifts().stream().noneMatch(s -> s.id().equals(shiftId))) {
            errors.add(new InvalidInput.FieldError("shift", "invalid.choose"));
        }
        String tierCode = tier == null || tier.isBlank() ? null : tier.strip();
        if (tierCode != null && java.util.Arrays.stream(AgentTier.values()).noneMatch(t -> t.code().equals(tierCode))) {
            errors.add(new InvalidInput.FieldError("tier", "invalid.choose"));
        }
        if (headcount == null || headcount < 0 || headcount > HEADCOUNT_MAX) {
            errors.add(new InvalidInput.FieldError("headcount", "invalid.range", 0, HEADCOUNT_MAX));
        }
        TeamView team = teamId == null ? null : teams.get(teamId).orElse(null);
        if (teamId != null && team == null) {
            errors.add(new InvalidInput.FieldError("team", "invalid.choose"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!by.role().leads() && (team == null || !team.ledBy(by.id()))) {
            throw new AccessDeniedException("not a lead of this team");
        }
        store.setMinimum(teamId, shiftId, tierCode, headcount, Ids.next());
        audit.record(by, null, "roster.minimum", team == null ? "department" : "team",
                team == null ? "-" : teamId.toString(),
                shift(shiftId).name() + (tierCode == null ? "" : " " + tierCode) + ": " + headcount);
    }

    /** Names the on-duty lead (值班长) of a shift on a date (null: nobody). */
    public void setDutyLead(UUID shiftId, String date, UUID staffId, StaffMember by) {
        requireLeadOfAnyone(by);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        LocalDate day = date("date", date, true, errors);
        if (shiftId == null || store.shifts().stream().noneMatch(s -> s.id().equals(shiftId))) {
            errors.add(new InvalidInput.FieldError("shift", "invalid.choose"));
        }
        if (staffId != null && staff.byIds(List.of(staffId)).isEmpty()) {
            errors.add(new InvalidInput.FieldError("lead", "invalid.staff.any"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.setDutyLead(shiftId, day, staffId, by.id(), clock.instant());
        audit.record(by, null, "roster.dutyLead", "shift", shiftId.toString(),
                day + ": " + (staffId == null ? "-" : staff.get(staffId).username()));
    }

    // checks

    private void requireLeadOfAnyone(StaffMember by) {
        if (by == null || !teams.leadsAnyone(by)) {
            throw new AccessDeniedException("only leads plan the roster");
        }
    }

    private void requireLeads(StaffMember by, UUID staffId) {
        if (!teams.leads(by, staffId)) {
            throw new AccessDeniedException("not a lead of this agent");
        }
    }

    private Shift shift(UUID shiftId) {
        return store.shifts().stream().filter(s -> s.id().equals(shiftId)).findFirst()
                .orElseThrow(() -> new NotFoundException("shift", shiftId));
    }

    private static LocalDate date(String field, String text, boolean required, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(new InvalidInput.FieldError(field, "invalid.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "invalid.date", org.playerdesk.system.validation.Texts
                    .abbreviate(text.strip(), 20)));
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ShiftView view(Shift shift) {
        return new ShiftView(shift.id(), shift.name(), Shift.hhmm(shift.start()), Shift.end(shift.end()), shift.hours(),
                shift.crossesMidnight());
    }
}
