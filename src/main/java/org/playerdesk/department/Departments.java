package org.playerdesk.department;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.system.validation.Codes;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.department.internal.Department;
import org.playerdesk.department.internal.DepartmentRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.hibernate.validator.constraints.Range;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The departments tickets can be sent to, per game or shared by all games, set by administrators
 * (MANAGE_STAFF). The webhook secret goes in and never comes out.
 */
@Service
@Transactional
public class Departments {

    public static final int ANSWER_HOURS_MAX = 720;
    private static final String CODE_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
    private static final Pattern CODE = Pattern.compile(CODE_PATTERN);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}");

    private final DepartmentRepository departments;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final AuditLog audit;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final InputValidation validation;
    private final OutboundAddresses outbound;

    Departments(DepartmentRepository departments, StaffDirectory staff, GameCatalog games, AuditLog audit,
            ObjectProvider<JavaMailSender> mail, Clock clock, InputValidation validation, OutboundAddresses outbound) {
        this.outbound = outbound;
        this.validation = validation;
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

    /**
     * A department's form with each text tidied (no blanks around it, an empty one as none): the
     * shape of each field. Which fields are needed depends on the delivery, so that is checked in code.
     */
    record DepartmentInput(
            @NotNull(message = "{invalid.code.department}")
            @jakarta.validation.constraints.Pattern(regexp = CODE_PATTERN, message = "{invalid.code.department}")
            String code,
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String name,
            @Size(max = 254, message = "{invalid.tooLong}") @SingleLine String email,
            @Size(max = 500, message = "{invalid.tooLong}") @SingleLine String webhookUrl,
            @Size(min = 16, max = 200, message = "{invalid.size.between}") String webhookSecret,
            @Range(min = 1, max = ANSWER_HOURS_MAX, message = "{invalid.range.between}") Integer answerHours) {

        static final List<String> FIELDS = List.of("code", "game", "name", "delivery", "email", "webhookUrl",
                "webhookSecret", "answerHours", "members");
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private Checked check(DepartmentForm form, Department existing) {
        String code = form.code() == null ? "" : form.code().strip();
        String name = tidy(form.name());
        String email = tidy(form.email());
        String url = tidy(form.webhookUrl());
        String secret = tidy(form.webhookSecret());
        Integer hours = null;
        boolean wholeNumber = true;
        try {
            hours = Integer.parseInt(form.answerHours() == null ? "" : form.answerHours().strip());
        } catch (NumberFormatException e) {
            wholeNumber = false;
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new DepartmentInput(code, name, email, url, secret, hours)));
        if (!wholeNumber) {
            errors.add(new InvalidInput.FieldError("answerHours", "invalid.wholeNumber"));
        }
        if (CODE.matcher(code).matches() && existing == null && find(form.gameId(), code).isPresent()) {
            errors.add(new InvalidInput.FieldError("code", "invalid.taken"));
        }
        if (existing == null && form.gameId() != null && games.all().stream().noneMatch(g -> g.id().equals(form.gameId()))) {
            errors.add(new InvalidInput.FieldError("game", "invalid.game"));
        }
        Delivery delivery = delivery(form.delivery(), errors);
        if (email == null && delivery == Delivery.EMAIL) {
            errors.add(new InvalidInput.FieldError("email", "invalid.blank"));
        } else if (email != null && !failed(errors, "email") && !EMAIL.matcher(email).matches()) {
            errors.add(new InvalidInput.FieldError("email", "invalid.email"));
        }
        if (delivery == Delivery.EMAIL && mail.getIfAvailable() == null) {
            errors.add(new InvalidInput.FieldError("delivery", "invalid.smtp"));
        }
        if (url == null && delivery == Delivery.WEBHOOK) {
            errors.add(new InvalidInput.FieldError("webhookUrl", "invalid.blank"));
        } else if (url != null && !failed(errors, "webhookUrl") && !isHttpUrl(url)) {
            errors.add(new InvalidInput.FieldError("webhookUrl", "invalid.url"));
        } else if (url != null && !failed(errors, "webhookUrl")) {
            outbound.refusal(url).ifPresent(key -> errors.add(new InvalidInput.FieldError("webhookUrl", key)));
        }
        boolean secretStored = existing != null && existing.webhookSecret() != null;
        if (delivery == Delivery.WEBHOOK && secret == null && !secretStored) {
            errors.add(new InvalidInput.FieldError("webhookSecret", "invalid.blank"));
        }
        Map<UUID, StaffMember> members = staff.byIds(form.memberIds());
        if (members.size() != form.memberIds().size()) {
            errors.add(new InvalidInput.FieldError("members", "invalid.staff.any"));
        } else if (delivery == Delivery.MEMBERS && members.isEmpty()) {
            errors.add(new InvalidInput.FieldError("members", "invalid.answerers"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> DepartmentInput.FIELDS.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
        return new Checked(code, name, delivery, email, url, secret, hours, members.keySet());
    }

    private static boolean failed(List<InvalidInput.FieldError> errors, String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The delivery chosen by its code; none chosen or an unknown one is refused, naming the valid codes. */
    private static Delivery delivery(String value, List<InvalidInput.FieldError> errors) {
        return Codes.read("delivery", value, Delivery.class, null, errors);
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
