package org.playerdesk.automation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.automation.AutomationRules;
import org.playerdesk.automation.ExecutionView;
import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RuleActionKind;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleDraft;
import org.playerdesk.automation.RuleTrigger;
import org.playerdesk.automation.RuleView;
import org.playerdesk.automation.RunStep;
import org.playerdesk.automation.TimeRuleKind;
import org.playerdesk.automation.TimeRuleView;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The automation page of a game (/console/admin/automation): its event rules in order, switched
 * on or off, edited in a form; the two time rules; the latest runs. For administrators and the
 * game's supervisors.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class AutomationController {

    static final int FORM_ACTIONS = 5;
    private static final String PAGE = "/console/admin/automation";

    private final AutomationRules rules;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final CannedReplies cannedReplies;
    private final PlayerProfiles profiles;
    private final ConsoleProblems problems;
    private final ErrorTexts errorTexts;
    private final MessageSource messages;

    AutomationController(AutomationRules rules, GameCatalog games, StaffDirectory staff, CannedReplies cannedReplies,
            PlayerProfiles profiles, ConsoleProblems problems, ErrorTexts errorTexts, MessageSource messages) {
        this.errorTexts = errorTexts;
        this.messages = messages;
        this.rules = rules;
        this.games = games;
        this.staff = staff;
        this.cannedReplies = cannedReplies;
        this.profiles = profiles;
        this.problems = problems;
    }

    @GetMapping(PAGE)
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale) {
        List<GameInfo> editable = editable(me);
        GameInfo chosen = editable.stream().filter(g -> g.code().equals(game)).findFirst()
                .orElse(editable.isEmpty() ? null : editable.getFirst());
        model.addAttribute("games", editable);
        model.addAttribute("game", chosen);
        if (chosen != null) {
            List<RuleView> list = rules.of(chosen.id());
            List<TimeRuleView> timeRules = rules.timeRules(chosen.id());
            Map<UUID, String> ruleNames = new LinkedHashMap<>();
            list.forEach(r -> ruleNames.put(r.id(), r.name()));
            model.addAttribute("rules", list);
            model.addAttribute("timeRules", timeRules);
            model.addAttribute("timeRuleIds", timeRules.stream()
                    .collect(java.util.stream.Collectors.toMap(TimeRuleView::id, t -> t.kind().code())));
            model.addAttribute("ruleNames", ruleNames);
            runs(model, rules.recentExecutions(chosen.id(), 50), locale);
            model.addAttribute("staffNames", staffNames());
            Map<String, String> cannedTitles = new LinkedHashMap<>();
            cannedReplies.of(chosen.id()).forEach(c -> cannedTitles.put(c.id().toString(), c.title()));
            model.addAttribute("cannedTitles", cannedTitles);
        }
        return "automation/rules";
    }

    @GetMapping(PAGE + "/rules/new")
    String newRule(@RequestParam String game, @AuthenticationPrincipal StaffUser me, Model model, Locale locale) {
        GameInfo chosen = editableGame(game, me);
        return form(model, chosen, null, new RuleDraft("", RuleTrigger.TICKET_CREATED.code(), true, null, null), null,
                locale);
    }

    @GetMapping(PAGE + "/rules/{id}")
    String editRule(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model, Locale locale) {
        RuleView rule = rules.get(id);
        GameInfo chosen = editableGame(games.get(rule.gameId()).code(), me);
        runs(model, rules.recentExecutions(rule.gameId(), 500).stream()
                .filter(e -> e.ruleId().equals(id)).limit(20).toList(), locale);
        return form(model, chosen, rule.id(),
                new RuleDraft(rule.name(), rule.trigger().code(), rule.enabled(), rule.conditions(), rule.actions()), null,
                locale);
    }

    @PostMapping(PAGE + "/rules")
    String create(@RequestParam String game, RuleForm form, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo chosen = editableGame(game, me);
        RuleDraft draft = form.draft();
        try {
            rules.create(chosen.id(), draft, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, chosen, null, draft, invalid, locale);
        }
        redirect.addFlashAttribute("notice", "automation.notice.saved");
        return "redirect:" + PAGE + "?game=" + chosen.code();
    }

    @PostMapping(PAGE + "/rules/{id}")
    String change(@PathVariable UUID id, RuleForm form, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo chosen = editableGame(games.get(rules.get(id).gameId()).code(), me);
        RuleDraft draft = form.draft();
        try {
            rules.change(id, draft, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, chosen, id, draft, invalid, locale);
        }
        redirect.addFlashAttribute("notice", "automation.notice.saved");
        return "redirect:" + PAGE + "?game=" + chosen.code();
    }

    @PostMapping(PAGE + "/rules/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean on, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        RuleView rule = rules.enable(id, on, me.member());
        redirect.addFlashAttribute("notice", on ? "automation.notice.enabled" : "automation.notice.disabled");
        return "redirect:" + PAGE + "?game=" + games.get(rule.gameId()).code();
    }

    @PostMapping(PAGE + "/rules/{id}/move")
    String move(@PathVariable UUID id, @RequestParam int by, @AuthenticationPrincipal StaffUser me) {
        UUID gameId = rules.get(id).gameId();
        rules.move(id, by, me.member());
        return "redirect:" + PAGE + "?game=" + games.get(gameId).code();
    }

    @PostMapping(PAGE + "/rules/{id}/delete")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        UUID gameId = rules.get(id).gameId();
        rules.remove(id, me.member());
        redirect.addFlashAttribute("notice", "automation.notice.removed");
        return "redirect:" + PAGE + "?game=" + games.get(gameId).code();
    }

    @PostMapping(PAGE + "/time-rules/{kind}")
    String timeRule(@PathVariable String kind, @RequestParam String game, @RequestParam(required = false) String hours,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String message,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo chosen = editableGame(game, me);
        problems.attempt(() -> rules.changeTimeRule(chosen.id(), timeRuleKind(kind), number(hours), enabled, message,
                me.member()), "automation.notice.saved", locale, redirect);
        return "redirect:" + PAGE + "?game=" + chosen.code();
    }

    private String form(Model model, GameInfo game, UUID ruleId, RuleDraft draft, InvalidInput invalid,
            Locale locale) {
        model.addAttribute("game", game);
        model.addAttribute("ruleId", ruleId);
        model.addAttribute("draft", draft);
        List<RuleAction> rows = new ArrayList<>(draft.actions());
        while (rows.size() < Math.max(FORM_ACTIONS, draft.actions().size())) {
            rows.add(new RuleAction("", ""));
        }
        model.addAttribute("actionRows", rows);
        model.addAttribute("errors",
                invalid == null ? List.of() : errorTexts.fieldTexts(invalid, "automation.field.", locale));
        model.addAttribute("triggers", RuleTrigger.values());
        model.addAttribute("actionKinds", RuleActionKind.values());
        model.addAttribute("channels", codes(TicketChannel.values()));
        model.addAttribute("types", codes(TicketType.values()));
        model.addAttribute("priorities", codes(TicketPriority.values()));
        model.addAttribute("statuses", codes(TicketStatus.values()));
        model.addAttribute("tiers", profiles.tierCodes());
        List<Choice> members = staff.servingGame(game.id()).stream().filter(StaffMember::enabled)
                .map(m -> new Choice(m.id().toString(), m.displayName())).toList();
        model.addAttribute("valueChoices", List.of(
                new ValueChoices("set_status", "choose", named(TicketStatus.values(), "ticket.status.", locale)),
                new ValueChoices("set_priority", "choose", named(TicketPriority.values(), "ticket.priority.", locale)),
                new ValueChoices("set_type", "choose", named(TicketType.values(), "ticket.type.", locale)),
                new ValueChoices("assign", "nobody", members),
                new ValueChoices("notify_staff", "choose", members),
                new ValueChoices("canned_reply", "choose", cannedReplies.of(game.id()).stream()
                        .map(c -> new Choice(c.id().toString(), c.title())).toList())));
        return "automation/rule-form";
    }

    /** The runs, and what each did in the reader's words (the same position in {@code runWords}). */
    private void runs(Model model, List<ExecutionView> runs, Locale locale) {
        model.addAttribute("executions", runs);
        model.addAttribute("runWords", runs.stream().map(run -> words(run, locale)).toList());
    }

    private String words(ExecutionView run, Locale locale) {
        if (run.steps().isEmpty()) {
            return run.summary() == null ? "" : run.summary();
        }
        return run.steps().stream()
                .map(step -> messages.getMessage(step.key(),
                        step.args().stream().map(RunStep.Arg::resolvable).toArray(), step.key(), locale))
                .collect(java.util.stream.Collectors.joining(messages.getMessage("automation.run.joiner", null, locale)));
    }

    private List<GameInfo> editable(StaffUser me) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        return served.stream().filter(g -> AutomationRules.canEdit(me.member(), g.id())).toList();
    }

    private GameInfo editableGame(String code, StaffUser me) {
        GameInfo game = games.byCode(code == null ? "" : code).orElseThrow(() -> new NotFoundException("game", code));
        if (!AutomationRules.canEdit(me.member(), game.id())) {
            throw new AccessDeniedException("not a lead of this game");
        }
        return game;
    }

    private Map<String, String> staffNames() {
        Map<String, String> names = new LinkedHashMap<>();
        staff.all().forEach(m -> names.put(m.id().toString(), m.displayName()));
        return names;
    }

    private static TimeRuleKind timeRuleKind(String code) {
        for (TimeRuleKind kind : TimeRuleKind.values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new NotFoundException("time rule", code);
    }

    private List<Choice> named(Coded[] values, String prefix, Locale locale) {
        return Arrays.stream(values)
                .map(v -> new Choice(v.code(), messages.getMessage(prefix + v.code(), null, v.code(), locale))).toList();
    }

    /** A value an action may take, by what the reader sees. */
    record Choice(String value, String label) {
    }

    /**
     * The values the actions of {@code kinds} (space-separated) choose from; {@code blank} names the
     * empty choice: {@code nobody} (assign: take the ticket from its assignee) or {@code choose}.
     */
    record ValueChoices(String kinds, String blank, List<Choice> choices) {

        public List<String> kindList() {
            return List.of(kinds.split(" "));
        }
    }

    private static List<String> codes(Coded[] values) {
        return Arrays.stream(values).map(Coded::code).toList();
    }

    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The rule form's fields: lists (and the VIP tiers) as checkboxes, tags and words separated by
     * commas or spaces; each action row sends its kind and one value (the control for its kind).
     */
    record RuleForm(String name, String trigger, Boolean enabled, List<String> channels, List<String> types,
            List<String> priorities, List<String> statuses, String tagsPresent, String tagsAbsent, String words,
            List<String> vipTiers, String hourFrom, String hourTo, List<String> actionKind, List<String> actionValue) {

        RuleDraft draft() {
            List<RuleAction> actions = new ArrayList<>();
            for (int i = 0; actionKind != null && i < actionKind.size(); i++) {
                String value = actionValue != null && i < actionValue.size() ? actionValue.get(i) : "";
                actions.add(new RuleAction(actionKind.get(i), value));
            }
            return new RuleDraft(name, trigger, Boolean.TRUE.equals(enabled),
                    new RuleConditions(channels, types, priorities, statuses, split(tagsPresent), split(tagsAbsent),
                            words(words), vipTiers, number(hourFrom), number(hourTo)),
                    actions);
        }

        private static List<String> split(String text) {
            return text == null ? List.of() : Arrays.stream(text.strip().split("[\\s,，]+")).filter(s -> !s.isEmpty())
                    .toList();
        }

        /** Words and phrases: one per comma (a phrase may hold spaces). */
        private static List<String> words(String text) {
            return text == null ? List.of() : Arrays.stream(text.split("[,，\\n]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }
}
