package org.playerdesk.workforce.internal.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff list (VIEW_STAFF: names, roles, game names, teams, enabled or not, last sign-in) and,
 * for administrators (MANAGE_STAFF), enrolling a member, each member's page with the one form of
 * their account, teams and routing skills, disabling and enabling, and new passwords.
 */
@Controller
@RequestMapping("/console/admin/staff")
class StaffPages {

    /** What the enrol form sends; games are the ids of the games the new member serves. */
    record Enrolment(String username, String displayName, String password, String role, String locale,
            List<String> games) {

        static Enrolment blank() {
            return new Enrolment("", "", "", StaffRole.AGENT_L1.code(), "zh-CN", List.of());
        }

        public boolean serves(UUID gameId) {
            return games != null && games.contains(gameId.toString());
        }
    }

    /** One line of the list: the member, their game names and team names, when they last signed in. */
    record Row(StaffMember member, List<String> games, List<String> teams, Instant lastSignIn) {
    }

    private final StaffDirectory staff;
    private final StaffEditing editing;
    private final Teams teams;
    private final GameCatalog games;
    private final AuditLog audit;
    private final org.springframework.context.MessageSource words;
    private final ErrorTexts texts;

    StaffPages(StaffDirectory staff, StaffEditing editing, Teams teams, GameCatalog games, AuditLog audit,
            ErrorTexts texts, org.springframework.context.MessageSource words) {
        this.words = words;
        this.staff = staff;
        this.editing = editing;
        this.teams = teams;
        this.games = games;
        this.audit = audit;
        this.texts = texts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Enrolment.blank());
        }
        List<GameInfo> all = games.all();
        Map<UUID, String> gameNames = new LinkedHashMap<>();
        all.forEach(g -> gameNames.put(g.id(), g.name()));
        List<TeamView> allTeams = teams.all();
        Map<UUID, Instant> signIns = staff.lastSignIns();
        List<Row> rows = new ArrayList<>();
        for (StaffMember member : staff.all()) {
            // names only, in the catalogue's order; a game no longer known has no name to show
            List<String> served = all.stream().filter(g -> member.gameIds().contains(g.id())).map(GameInfo::name)
                    .toList();
            List<String> in = allTeams.stream().filter(t -> t.people().contains(member.id())).map(TeamView::name)
                    .toList();
            rows.add(new Row(member, served, in, signIns.get(member.id())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("games", all);
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("canEnrol", me.can(Permission.MANAGE_STAFF));
        return "workforce/staff";
    }

    /** Grants ({@code granted=true}) or withdraws a member's individual access to personal data. */
    @PostMapping("/{id}/personal-data")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String personalData(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean granted,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        staff.grantPersonalData(id, granted, me.member());
        redirect.addFlashAttribute("notice", granted ? "staff.pii.notice.granted" : "staff.pii.notice.withdrawn");
        return "redirect:/console/admin/staff";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String enrol(@ModelAttribute("form") Enrolment form, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Set<UUID> known = new HashSet<>(games.all().stream().map(GameInfo::id).toList());
        try {
            // the games are checked against those that exist, the role against the roles there are
            List<InvalidInput.FieldError> own = new ArrayList<>();
            Set<UUID> served = new HashSet<>();
            for (String id : form.games() == null ? List.<String>of() : form.games()) {
                known.stream().filter(g -> g.toString().equals(id)).findFirst()
                        .ifPresentOrElse(served::add,
                                () -> own.add(new InvalidInput.FieldError("games", "invalid.game")));
            }
            StaffRole role = Codes.read("role", form.role(), StaffRole.class, null, own);
            if (!own.isEmpty()) {
                throw new InvalidInput(own);
            }
            StaffMember enrolled = staff.enrol(form.username() == null ? null : form.username().strip(),
                    form.displayName(), form.password(), role, form.locale(), served);
            audit.record(me.member(), null, "staff.enrol", "staff", enrolled.id().toString(),
                    enrolled.username() + ": " + role.code());
            redirect.addFlashAttribute("notice", "staff.notice.enrolled");
            return "redirect:/console/admin/staff";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "admin.error.staff.", locale));
            // the password is never sent back into the page
            model.addAttribute("form", new Enrolment(form.username(), form.displayName(), "", form.role(),
                    form.locale(), form.games()));
            return list(me, model);
        }
    }

    @GetMapping("/{id}")
    String member(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", editing.current(id));
        }
        StaffMember member = staff.get(id);
        model.addAttribute("member", member);
        model.addAttribute("lastSignIn", staff.lastSignIn(id).orElse(null));
        model.addAttribute("signInEmail", staff.signInEmail(id).orElse(null));
        model.addAttribute("games", games.all());
        model.addAttribute("teams", teams.all());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("tiers", AgentTier.values());
        model.addAttribute("canEdit", me.can(Permission.MANAGE_STAFF));
        model.addAttribute("self", me.id().equals(id));
        model.addAttribute("history", me.can(Permission.MANAGE_STAFF) ? history(id) : List.of());
        return "workforce/staff-member";
    }

    /** A line of a member's history: when, by whom, what (in the reader's words). */
    record HistoryLine(java.time.Instant at, String actorName, String what) {
    }

    /**
     * What the audit log holds about the member, each action in the reader's words; an action
     * another part of PlayerDesk records without words here reads as "another recorded action".
     */
    private List<HistoryLine> history(UUID id) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String other = words.getMessage("staff.audit.other", null, locale);
        return audit.about("staff", id.toString(), 20).stream()
                .map(e -> new HistoryLine(e.at(), e.actorName(),
                        words.getMessage("staff.audit." + e.action(), null, other, locale)))
                .toList();
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String save(@PathVariable UUID id, @ModelAttribute("form") StaffEditing.StaffForm form,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            editing.save(id, form, me.member());
            redirect.addFlashAttribute("notice", "staff.notice.saved");
            return "redirect:/console/admin/staff/" + id;
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "staff.error.", locale));
            return member(id, me, model);
        }
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String disable(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        return refusable(id, locale, redirect, "staff.notice.disabled", () -> staff.disable(id, me.member()));
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String enable(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        return refusable(id, locale, redirect, "staff.notice.enabled", () -> staff.enable(id, me.member()));
    }

    /** {@code how}: {@code link} (emailed to the member) or {@code temporary} (shown once here). */
    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('MANAGE_STAFF')")
    String password(@PathVariable UUID id, @RequestParam(defaultValue = "") String how,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        if ("temporary".equals(how)) {
            // shown once, on the page the redirect leads to; never stored in clear nor logged
            redirect.addFlashAttribute("temporaryPassword", editing.temporaryPassword(id, me.member()));
            redirect.addFlashAttribute("notice", "staff.notice.temporary");
            return "redirect:/console/admin/staff/" + id;
        }
        return refusable(id, locale, redirect, "staff.notice.linkSent", () -> {
            editing.sendResetLink(id, me.member());
            return null;
        });
    }

    private String refusable(UUID id, Locale locale, RedirectAttributes redirect, String notice,
            java.util.function.Supplier<?> command) {
        try {
            command.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", texts.text(refused, locale));
        }
        return "redirect:/console/admin/staff/" + id;
    }
}
