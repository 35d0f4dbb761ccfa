package org.playerdesk.automation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.automation.internal.AutomationRule;
import org.playerdesk.automation.internal.AutomationRuleRepository;
import org.playerdesk.automation.internal.Executions;
import org.playerdesk.automation.internal.RuleCheck;
import org.playerdesk.automation.internal.RuleJson;
import org.playerdesk.automation.internal.TimeRule;
import org.playerdesk.automation.internal.TimeRuleDefaults;
import org.playerdesk.automation.internal.TimeRuleRepository;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.hibernate.validator.constraints.Range;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A game's automation rules as its leads edit them: the event rules in their order, switched on
 * or off, and the two time rules. Only administrators and the game's supervisors change them.
 */
@Service
@Transactional
public class AutomationRules {

    private final AutomationRuleRepository rules;
    private final TimeRuleRepository timeRules;
    private final TimeRuleDefaults defaults;
    private final Executions executions;
    private final RuleJson json;
    private final StaffDirectory staff;
    private final CannedReplies cannedReplies;
    private final PlayerProfiles profiles;
    private final AuditLog audit;
    private final Clock clock;
    private final InputValidation validation;

    AutomationRules(AutomationRuleRepository rules, TimeRuleRepository timeRules, TimeRuleDefaults defaults,
            Executions executions, RuleJson json, StaffDirectory staff, CannedReplies cannedReplies,
            PlayerProfiles profiles, AuditLog audit, Clock clock, InputValidation validation) {
        this.validation = validation;
        this.rules = rules;
        this.timeRules = timeRules;
        this.defaults = defaults;
        this.executions = executions;
        this.json = json;
        this.staff = staff;
        this.cannedReplies = cannedReplies;
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this member of staff may change the game's rules: an administrator, or a supervisor serving it. */
    public static boolean canEdit(StaffMember member, UUID gameId) {
        return member != null && member.enabled() && member.serves(gameId)
                && (member.role() == StaffRole.ADMIN || member.role() == StaffRole.SUPERVISOR);
    }

    /** The game's event rules in the order they run. */
    @Transactional(readOnly = true)
    public List<RuleView> of(UUID gameId) {
        return rules.findByGameIdOrderByPositionAscCreatedAtAsc(gameId).stream().map(json::view).toList();
    }

    @Transactional(readOnly = true)
    public RuleView get(UUID ruleId) {
        return json.view(load(ruleId));
    }

    /** Adds an event rule after the game's others. */
    public RuleView create(UUID gameId, RuleDraft draft, StaffMember editor) {
        requireEditor(editor, gameId);
        RuleCheck.Checked checked = RuleCheck.check(draft, known(gameId), validation);
        Instant now = clock.instant();
        AutomationRule rule = new AutomationRule(gameId, rules.lastPosition(gameId) + 1, now);
        store(rule, checked, now);
        rules.save(rule);
        audit.record(editor, gameId, "automation.rule.create", "automation_rule", rule.getId().toString(),
                checked.name());
        return json.view(rule);
    }

    public RuleView change(UUID ruleId, RuleDraft draft, StaffMember editor) {
        AutomationRule rule = load(ruleId);
        requireEditor(editor, rule.gameId());
        RuleCheck.Checked checked = RuleCheck.check(draft, known(rule.gameId()), validation);
        store(rule, checked, clock.instant());
        audit.record(editor, rule.gameId(), "automation.rule.change", "automation_rule", ruleId.toString(),
                checked.name());
        return json.view(rule);
    }

    public RuleView enable(UUID ruleId, boolean on, StaffMember editor) {
        AutomationRule rule = load(ruleId);
        requireEditor(editor, rule.gameId());
        rule.enable(on, clock.instant());
        audit.record(editor, rule.gameId(), on ? "automation.rule.enable" : "automation.rule.disable",
                "automation_rule", ruleId.toString(), rule.name());
        return json.view(rule);
    }

    /** Moves a rule one place earlier ({@code -1}) or later ({@code 1}) in its game's order. */
    public List<RuleView> move(UUID ruleId, int by, StaffMember editor) {
        AutomationRule rule = load(ruleId);
        requireEditor(editor, rule.gameId());
        List<AutomationRule> ordered = new ArrayList<>(rules.findByGameIdOrderByPositionAscCreatedAtAsc(rule.gameId()));
        int from = ordered.indexOf(rule);
        int to = Math.clamp(from + Integer.signum(by), 0, ordered.size() - 1);
        ordered.add(to, ordered.remove(from));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo(i + 1);
        }
        return ordered.stream().map(json::view).toList();
    }

    public void remove(UUID ruleId, StaffMember editor) {
        AutomationRule rule = load(ruleId);
        requireEditor(editor, rule.gameId());
        rules.delete(rule);
        audit.record(editor, rule.gameId(), "automation.rule.remove", "automation_rule", ruleId.toString(),
                rule.name());
    }

    /** The game's time rules (given their defaults the first time). */
    public List<TimeRuleView> timeRules(UUID gameId) {
        defaults.give(gameId);
        return timeRules.findByGameIdOrderByKindAsc(gameId).stream().map(TimeRule::view).toList();
    }

    /**
     * Changes a time rule: after how many hours (1 to 2160), on or off, and the reminder's text.
     * A new number of hours, or switching the rule on, makes the next sweep look at all the
     * game's waiting tickets again.
     */
    public TimeRuleView changeTimeRule(UUID gameId, TimeRuleKind kind, Integer hours, boolean enabled, String message,
            StaffMember editor) {
        requireEditor(editor, gameId);
        // only the reminder sends a message, and it must
        boolean reminds = kind == TimeRuleKind.REMIND_PENDING;
        String text = !reminds || message == null || message.isBlank() ? null : message.strip();
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new TimeRuleChange(kind, hours, text)));
        // none given is out of the range too, in the words and arguments (longs) of @Range
        if (hours == null) {
            errors.add(new InvalidInput.FieldError("hours", "invalid.range.between", (long) TimeRule.HOURS_MAX, 1L));
        }
        if (reminds && text == null) {
            errors.add(new InvalidInput.FieldError("message", "invalid.blank"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(TimeRuleChange.class, errors));
        }
        defaults.give(gameId);
        TimeRule rule = timeRules.findByGameIdAndKind(gameId, kind)
                .orElseThrow(() -> new NotFoundException("time rule", kind.code()));
        boolean resweep = rule.hours() != hours || (enabled && !rule.enabled());
        rule.change(hours, enabled, text, clock.instant());
        timeRules.flush();
        if (resweep) {
            timeRules.resweep(rule.getId());
        }
        audit.record(editor, gameId, "automation.time-rule", "automation_time_rule", kind.code(),
                (enabled ? "on, " : "off, ") + hours + "h");
        return rule.view();
    }

    /** A time rule as an editor changes it: which one, after how many hours, the reminder's text. */
    record TimeRuleChange(
            @NotNull(message = "{invalid.chooseTimeRule}") TimeRuleKind kind,
            @Range(min = 1, max = TimeRule.HOURS_MAX, message = "{invalid.range.between}") Integer hours,
            @Size(max = TimeRule.MESSAGE_MAX, message = "{invalid.tooLong}") @PlainText String message) {
    }

    /** The latest runs of the game's rules, newest first. */
    @Transactional(readOnly = true)
    public List<ExecutionView> recentExecutions(UUID gameId, int limit) {
        return executions.recent(gameId, limit);
    }

    private void store(AutomationRule rule, RuleCheck.Checked checked, Instant now) {
        String conditions = json.write(checked.conditions());
        String actions = json.write(checked.actions());
        // how long the rule is as stored is known only once it is written out
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (conditions.length() > AutomationRule.CONDITIONS_MAX) {
            errors.add(new InvalidInput.FieldError("conditions", "invalid.tooLongAltogether"));
        }
        if (actions.length() > AutomationRule.ACTIONS_MAX) {
            errors.add(new InvalidInput.FieldError("actions", "invalid.tooLongAltogether"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        rule.change(checked.name(), checked.trigger(), checked.enabled(), conditions, actions, now);
    }

    private RuleCheck.Known known(UUID gameId) {
        return new RuleCheck.Known(
                staff.servingGame(gameId).stream().filter(StaffMember::enabled).map(StaffMember::id)
                        .collect(Collectors.toSet()),
                cannedReplies.of(gameId).stream().map(CannedReplies.Reply::id).collect(Collectors.toSet()),
                profiles.tierCodes());
    }

    private AutomationRule load(UUID ruleId) {
        return rules.findById(ruleId).orElseThrow(() -> new NotFoundException("automation rule", ruleId));
    }

    private static void requireEditor(StaffMember editor, UUID gameId) {
        if (!canEdit(editor, gameId)) {
            throw new AccessDeniedException("only an administrator or a supervisor of the game changes its rules");
        }
    }
}
