package org.playerdesk.workforce.internal.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The department's teams for administrators: the list, a team's name, lead and members, removal. */
@Controller
@RequestMapping("/console/admin/teams")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class TeamPages {

    /** What the team form sends: the lead's and the members' staff ids. */
    record TeamForm(String name, String lead, List<String> members) {

        static TeamForm of(TeamView team) {
            return new TeamForm(team.name(), team.leadId() == null ? "" : team.leadId().toString(),
                    team.memberIds().stream().map(UUID::toString).toList());
        }

        public boolean has(UUID staffId) {
            return members != null && members.contains(staffId.toString());
        }
    }

    /** One line of the list: the team with its lead's and members' names. */
    record Row(TeamView team, String lead, List<String> members) {
    }

    private final Teams teams;
    private final StaffDirectory staff;
    private final ErrorTexts texts;

    TeamPages(Teams teams, StaffDirectory staff, ErrorTexts texts) {
        this.teams = teams;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping
    String list(Model model) {
        Map<UUID, String> names = staff.all().stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::displayName));
        model.addAttribute("rows", teams.all().stream().map(t -> new Row(t,
                t.leadId() == null ? null : names.get(t.leadId()),
                t.memberIds().stream().map(names::get).filter(java.util.Objects::nonNull).sorted().toList())).toList());
        return "workforce/teams";
    }

    @GetMapping("/new")
    String blank(Model model) {
        return form(null, new TeamForm("", "", List.of()), model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        TeamView team = teams.get(id).orElseThrow(() -> new NotFoundException("team", id));
        return form(id, TeamForm.of(team), model);
    }

    @PostMapping({"", "/{id}"})
    String save(@PathVariable(required = false) UUID id, @ModelAttribute("form") TeamForm form,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            UUID lead = parse(form.lead(), "lead");
            List<UUID> members = (form.members() == null ? List.<String>of() : form.members()).stream()
                    .map(m -> parse(m, "members")).toList();
            teams.define(id, form.name(), lead, members, me.member());
            redirect.addFlashAttribute("notice", "teams.notice.saved");
            return "redirect:/console/admin/teams";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "teams.error.", locale));
            return form(id, form, model);
        }
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        teams.remove(id, me.member());
        redirect.addFlashAttribute("notice", "teams.notice.removed");
        return "redirect:/console/admin/teams";
    }

    private String form(UUID id, TeamForm form, Model model) {
        model.addAttribute("teamId", id);
        model.addAttribute("form", form);
        model.addAttribute("people", staff.all().stream().filter(StaffMember::enabled)
                .sorted(Comparator.comparing(StaffMember::displayName)).toList());
        return "workforce/team";
    }

    private static UUID parse(String id, String field) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "invalid.staff.any");
        }
    }
}
