package org.playerdesk.access.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.system.validation.Codes;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
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

/** The staff list (VIEW_STAFF) and, for administrators (MANAGE_STAFF), enrolling a new member. */
@Controller
@RequestMapping("/console/admin/staff")
class StaffController {

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

    private final StaffDirectory staff;
    private final GameCatalog games;
    private final AdminErrors errors;

    StaffController(StaffDirectory staff, GameCatalog games, AdminErrors errors) {
        this.staff = staff;
        this.games = games;
        this.errors = errors;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Enrolment.blank());
        }
        List<GameInfo> all = games.all();
        model.addAttribute("members", staff.all());
        model.addAttribute("games", all);
        model.addAttribute("gameNames", all.stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name)));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("canEnrol", me.can(Permission.MANAGE_STAFF));
        return "access/staff";
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
        Map<UUID, GameInfo> known = new LinkedHashMap<>();
        games.all().forEach(g -> known.put(g.id(), g));
        try {
            // the games are checked against those that exist, the role against the roles there are
            List<InvalidInput.FieldError> own = new ArrayList<>();
            Set<UUID> served = new HashSet<>();
            for (String id : form.games() == null ? List.<String>of() : form.games()) {
                known.keySet().stream().filter(g -> g.toString().equals(id)).findFirst()
                        .ifPresentOrElse(served::add,
                                () -> own.add(new InvalidInput.FieldError("games", "invalid.game")));
            }
            StaffRole role = role(form.role(), own);
            if (!own.isEmpty()) {
                throw new InvalidInput(own);
            }
            staff.enrol(form.username() == null ? null : form.username().strip(), form.displayName(), form.password(),
                    role, form.locale(), served);
            redirect.addFlashAttribute("notice", "staff.notice.enrolled");
            return "redirect:/console/admin/staff";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors.texts("staff", invalid, locale));
            // the password is never sent back into the page
            model.addAttribute("form", new Enrolment(form.username(), form.displayName(), "", form.role(),
                    form.locale(), form.games()));
            return list(me, model);
        }
    }

    /** The role of the code the form sent, or why there is none. */
    private static StaffRole role(String code, List<InvalidInput.FieldError> errors) {
        return Codes.read("role", code, StaffRole.class, null, errors);
    }
}
