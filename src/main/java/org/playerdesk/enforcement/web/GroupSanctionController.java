package org.playerdesk.enforcement.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.AccountActions;
import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.GroupSanctionRequest;
import org.playerdesk.enforcement.GroupSanctionView;
import org.playerdesk.enforcement.GroupSanctions;
import org.playerdesk.enforcement.LinkedGroup;
import org.playerdesk.enforcement.Severity;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The linked group of an account, from the GM desk: the review (members and their figures, what
 * they share, the trades between them, the organiser marked), the sanction of the chosen members in
 * one go, the sanction's outcome, and a supervisor's one decision on a held group sanction.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class GroupSanctionController {

    private final GroupSanctions groups;
    private final Enforcement enforcement;
    private final AccountActions actions;
    private final GameCatalog games;
    private final PersonalData personalData;
    private final ConsoleProblems problems;

    GroupSanctionController(GroupSanctions groups, Enforcement enforcement, AccountActions actions, GameCatalog games,
            PersonalData personalData, ConsoleProblems problems) {
        this.groups = groups;
        this.enforcement = enforcement;
        this.actions = actions;
        this.games = games;
        this.personalData = personalData;
        this.problems = problems;
    }

    /** One member as the page shows it: IP addresses masked, the organiser and the account looked up marked. */
    record MemberRow(String accountId, String nickname, AccountStatus status, int level, Instant registeredAt,
            long totalRecharge, long balance, String partnerChannel, List<String> ips, List<String> devices,
            boolean throughTrades, long received, long sent, boolean organiser, boolean lookedUp) {
    }

    /** One shared IP address (masked) or device and the members sharing it. */
    record SharedRow(String kind, String shown, List<String> accountIds) {
    }

    /** What the GM chose before a refusal, shown again. */
    record Choice(List<String> accounts, String type, String severity, String note) implements Serializable {
    }

    @GetMapping("/console/gm/groups")
    String review(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String account,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        if (game == null || !me.serves(game)) {
            return "redirect:/console/gm";
        }
        model.addAttribute("game", games.get(game));
        model.addAttribute("account", account.strip());
        model.addAttribute("types", enforcement.types(game));
        model.addAttribute("severities", List.of(Severity.values()));
        model.addAttribute("requestKey", Ids.next().toString());
        model.addAttribute("permanentNeedsApproval", !actions.withinLimit(me.member(), ActionKind.BAN, null, null));
        try {
            LinkedGroup group = groups.review(game, account, me.member());
            model.addAttribute("group", group);
            model.addAttribute("members", group.members().stream().map(m -> new MemberRow(m.accountId(),
                    m.nickname(), m.status(), m.level(), m.registeredAt(), m.totalRecharge(), m.balance(),
                    m.partnerChannel(), m.ips().stream().map(personalData::ip).toList(), m.devices(),
                    m.throughTrades(), m.received(), m.sent(), m.accountId().equals(group.organiserId()),
                    m.accountId().equals(group.accountId()))).toList());
            model.addAttribute("shared", group.shared().stream().map(s -> new SharedRow(s.kind(),
                    "ip".equals(s.kind()) ? personalData.ip(s.value()) : s.value(), s.accountIds())).toList());
        } catch (InvalidInput | RuleViolation refused) {
            model.addAttribute("problem", problems.describe(refused, "gm.field.", locale));
        }
        return "enforcement/group";
    }

    @PostMapping("/console/gm/groups")
    String sanction(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String account,
            @RequestParam(required = false) List<String> accounts, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String severity, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String requestKey, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        if (game == null) {
            redirect.addFlashAttribute("problem", problems.describe(InvalidInput.of("game", "invalid.required"), locale));
            return "redirect:/console/gm";
        }
        List<String> chosen = accounts == null ? List.of() : accounts;
        GroupSanctionView done = problems.attempt(() -> groups.sanction(new GroupSanctionRequest(game, account,
                chosen, type, severity, note, requestKey), me.member()), "gm.group.notice.done", "gm.field.", locale,
                redirect);
        if (done == null) {
            redirect.addFlashAttribute("choice", new Choice(chosen, type, severity, note));
            return "redirect:" + UriComponentsBuilder.fromPath("/console/gm/groups").queryParam("game", game)
                    .queryParam("account", account.strip()).encode().toUriString();
        }
        redirect.addFlashAttribute("notice", "gm.group.notice." + done.state().code());
        return "redirect:/console/gm/groups/" + done.id();
    }

    @GetMapping("/console/gm/groups/{id}")
    String outcome(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        GroupSanctionView sanction = groups.get(id, me.member());
        model.addAttribute("sanction", sanction);
        model.addAttribute("game", games.get(sanction.gameId()));
        return "enforcement/group-sanction";
    }

    @PostMapping("/console/approvals/groups/{id}/approve")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> groups.approve(id, me.member(), comment), "gm.group.notice.approved", locale, redirect);
        return "redirect:/console/approvals";
    }

    @PostMapping("/console/approvals/groups/{id}/reject")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String comment,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> groups.reject(id, me.member(), comment), "gm.group.notice.rejected", locale, redirect);
        return "redirect:/console/approvals";
    }
}
