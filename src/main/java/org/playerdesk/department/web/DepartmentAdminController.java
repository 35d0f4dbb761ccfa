package org.playerdesk.department.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.department.DepartmentForm;
import org.playerdesk.department.DepartmentView;
import org.playerdesk.department.Departments;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of departments (MANAGE_STAFF): each department's game (or all games),
 * name, delivery (members, email address or webhook with its secret, write-only), answer deadline
 * and members. Bad input is answered 400 with the form and each bad field's message.
 */
@Controller
@RequestMapping("/console/admin/departments")
@PreAuthorize("hasAuthority('MANAGE_STAFF')")
class DepartmentAdminController {

    private final Departments departments;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final DepartmentErrors errors;

    DepartmentAdminController(Departments departments, GameCatalog games, StaffDirectory staff,
            DepartmentErrors errors) {
        this.departments = departments;
        this.games = games;
        this.staff = staff;
        this.errors = errors;
    }

    @GetMapping
    String list(Model model) {
        return page(model, null, empty());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        DepartmentView department = departments.get(id);
        return page(model, department, formOf(department));
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String game, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String delivery,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String webhookUrl,
            @RequestParam(defaultValue = "") String webhookSecret, @RequestParam(defaultValue = "") String answerHours,
            @RequestParam(defaultValue = "false") boolean businessHours,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(name = "members", required = false) List<String> members,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentForm form = new DepartmentForm(Forms.uuid(game), code, name, delivery, email, webhookUrl,
                webhookSecret, answerHours, businessHours, enabled, ids(members));
        try {
            DepartmentView saved = departments.create(form, me.member());
            redirect.addFlashAttribute("notice", "department.notice.saved");
            return "redirect:/console/admin/departments/" + saved.id();
        } catch (InvalidInput invalid) {
            return refused(model, null, form, invalid, locale, response);
        }
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String delivery, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String webhookUrl, @RequestParam(defaultValue = "") String webhookSecret,
            @RequestParam(defaultValue = "") String answerHours,
            @RequestParam(defaultValue = "false") boolean businessHours,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(name = "members", required = false) List<String> members,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentView department = departments.get(id);
        DepartmentForm form = new DepartmentForm(department.gameId(), department.code(), name, delivery, email,
                webhookUrl, webhookSecret, answerHours, businessHours, enabled, ids(members));
        try {
            departments.update(id, form, me.member());
            redirect.addFlashAttribute("notice", "department.notice.saved");
            return "redirect:/console/admin/departments/" + id;
        } catch (InvalidInput invalid) {
            return refused(model, department, form, invalid, locale, response);
        }
    }

    private String refused(Model model, DepartmentView department, DepartmentForm form, InvalidInput invalid,
            Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors.texts(invalid, locale));
        // the secret typed is never sent back
        return page(model, department, new DepartmentForm(form.gameId(), form.code(), form.name(), form.delivery(),
                form.email(), form.webhookUrl(), null, form.answerHours(), form.businessHours(), form.enabled(),
                form.memberIds()));
    }

    private String page(Model model, DepartmentView department, DepartmentForm form) {
        List<GameInfo> all = games.all();
        List<StaffMember> everyone = staff.all().stream().filter(StaffMember::enabled).toList();
        List<DepartmentView> listed = departments.all();
        Map<UUID, String> names = everyone.stream().collect(Collectors.toMap(StaffMember::id, StaffMember::displayName));
        model.addAttribute("departments", listed);
        model.addAttribute("memberNames", listed.stream().collect(Collectors.toMap(DepartmentView::id,
                d -> d.memberIds().stream().map(id -> names.getOrDefault(id, "?")).sorted()
                        .collect(Collectors.joining(", ")))));
        model.addAttribute("games", all);
        model.addAttribute("gameNames", all.stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name)));
        model.addAttribute("staff", everyone);
        model.addAttribute("department", department);
        model.addAttribute("form", form);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "department/admin";
    }

    private static DepartmentForm empty() {
        return new DepartmentForm(null, "", "", "members", "", "", null, "24", false, true, Set.of());
    }

    private static DepartmentForm formOf(DepartmentView d) {
        return new DepartmentForm(d.gameId(), d.code(), d.name(), d.delivery().code(), d.email(), d.webhookUrl(), null,
                String.valueOf(d.answerHours()), d.businessHours(), d.enabled(), d.memberIds());
    }

    /** Member ids from the form; one that is not an id is passed on as a random id, so the service names the field. */
    private static Set<UUID> ids(List<String> values) {
        Set<UUID> ids = new HashSet<>();
        if (values != null) {
            for (String value : values) {
                if (value == null || value.isBlank()) {
                    continue;
                }
                UUID id = Forms.uuid(value);
                ids.add(id == null ? UUID.randomUUID() : id);
            }
        }
        return ids;
    }
}
