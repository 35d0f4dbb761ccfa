package org.playerdesk.department;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.department.internal.Department;
import org.playerdesk.department.internal.DepartmentRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments tickets can be sent to, per game or shared by all games, set by administrators
 * (MANAGE_STAFF). The webhook secret goes in and never comes out.
 */
@Service
@Transactional
public class Departments {

    public static final int ANSWER_HOURS_MAX = 720;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}");

    private final DepartmentRepository departments;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final AuditLog audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Departments(DepartmentRepository departments, StaffDirectory staff, GameCatalog games, AuditLog audit,
            ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.departments = departments;
        this.staff = staff;
        this.games = games;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    public DepartmentView create(DepartmentForm form, StaffMember by) {
        requireAdmin(by);
        Checked checked = check(form, null);
        Department department = new Department(form.gameId(), checked.code(), clock.instant());
        apply(department, checked, form);
        departments.save(department);
        audit.record(by, form.gameId(), "department.create", "department", department.getId().toString(),
                describe(department, checked.secret() != null));
        return department.view();
    }

    public DepartmentView update(UUID id, DepartmentForm form, StaffMember by) {
        requireAdmin(by);
        Department department = load(id);
        Checked checked = check(new DepartmentForm(department.gameId(), department.code(), form.name(),
                form.delivery(), form.email(), form.webhookUrl(), form.webhookSecret(), form.answerHours(),
                form.businessHours(), form.enabled(), form.memberIds()), department);
        apply(department, checked, form);
        audit.record(by, department.gameId(), "department.update", "department", id.toString(),
                describe(department, checked.secret() != null));
        return department.view();
    }

    @Transactional(readOnly = true)
    public DepartmentView get(UUID id) {
        return load(id).view();
    }

    @Transactional(readOnly = true)
    public List<DepartmentView> all() {
        return departments.findAllByOrderByCodeAscGameIdAsc().stream().map(Department::view).toList();
    }

    /** The enabled departments a ticket of this game can be sent to: its own and the shared ones. */
    @Transactional(readOnly = true)
    public List<DepartmentView> availableTo(UUID gameId) {
        return departments.availableTo(gameId).stream().filter(Department::enabled).map(Department::view)
                .sorted(Comparator.comparing(DepartmentView::code)).toList();
    }

    /** The departments this member of staff belongs to. */
    @Transactional(readOnly = true)
    public List<DepartmentView> ofMember(UUID staffId) {
        return departments.ofMember(staffId).stream().map(Department::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DepartmentView> find(UUID gameId, String code) {
        List<Department> found = gameId == null ? departments.findByGameIdIsNullAndCode(code)
                : departments.findByGameIdAndCode(gameId, code);
        return found.stream().findFirst().map(Department::view);
    }

    private record Checked(String code, String name, Delivery delivery, String email, String webhookUrl,
            String secret, int hours, Set<UUID> members) {
    }

    private Checked check(DepartmentForm form, Department existing) {
        FieldErrors errors = new FieldErrors();
        String code = form.code() == null ? "" : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            errors.add("code", "invalid.code.department");
        } else if (existing == null && find(form.gameId(), code).isPresent()) {
            errors.add("code", "invalid.taken");
        }
        if (existing == null && form.gameId() != null && games.all().stream().noneMatch(g -> g.id().equals(form.gameId()))) {
            errors.add("game", "invalid.game");
        }
        String name = errors.line("name", form.name(), 100, true);
        Delivery delivery = errors.code("delivery", form.delivery(), Delivery.class, null);
        String email = errors.line("email", form.email(), 254, delivery == Delivery.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("email", "invalid.email");
        }
        if (delivery == Delivery.EMAIL && mail.getIfAvailable() == null) {
            errors.add("delivery", "invalid.smtp");
        }
        String url = errors.line("webhookUrl", form.webhookUrl(), 500, delivery == Delivery.WEBHOOK);
        if (url != null && !isHttpUrl(url)) {
            errors.add("webhookUrl", "invalid.url");
        }
        String secret = form.webhookSecret() == null || form.webhookSecret().isBlank() ? null : form.webhookSecret().strip();
        boolean secretStored = existing != null && existing.webhookSecret() != null;
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            errors.add("webhookSecret", "invalid.length", 16, 200);
        } else if (delivery == Delivery.WEBHOOK && secret == null && !secretStored) {
            errors.add("webhookSecret", "invalid.blank");
        }
        int hours = 0;
        try {
            hours = Integer.parseInt(form.answerHours() == null ? "" : form.answerHours().strip());
            if (hours < 1 || hours > ANSWER_HOURS_MAX) {
                errors.add("answerHours", "invalid.range", 1, ANSWER_HOURS_MAX);
            }
        } catch (NumberFormatException e) {
            errors.add("answerHours", "invalid.wholeNumber");
        }
        Map<UUID, StaffMember> members = staff.byIds(form.memberIds());
        if (members.size() != form.memberIds().size()) {
            errors.add("members", "invalid.staff.any");
        } else if (delivery == Delivery.MEMBERS && members.isEmpty()) {
            errors.add("members", "invalid.answerers");
        }
        errors.throwIfAny();
        return new Checked(code, name, delivery, email, url, secret, hours, members.keySet());
    }

    private void apply(Department department, Checked checked, DepartmentForm form) {
        department.configure(checked.name(), checked.delivery(), checked.email(), checked.webhookUrl(),
                checked.secret(), checked.hours(), form.businessHours(), form.enabled(), checked.members(),
                clock.instant());
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** For the audit log: what was set, never the secret itself. */
    private static String describe(Department department, boolean secretReplaced) {
        return department.name() + " (" + department.code() + "), " + department.delivery().code()
                + (department.email() != null ? " to " + department.email() : "")
                + (department.webhookUrl() != null ? " to " + department.webhookUrl() : "")
                + ", answer within " + department.answerHours() + " h" + (department.businessHours() ? " of business hours" : "")
                + ", " + department.members().size() + " members" + (secretReplaced ? ", secret replaced" : "")
                + (department.enabled() ? "" : ", disabled");
    }

    private static void requireAdmin(StaffMember by) {
        if (by == null || !by.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("only administrators manage departments");
        }
    }

    Department load(UUID id) {
        return departments.findById(id).orElseThrow(() -> new NotFoundException("department", id));
    }

}
