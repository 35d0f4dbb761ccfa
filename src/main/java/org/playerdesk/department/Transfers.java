package org.playerdesk.department;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.department.DepartmentEvents.AnswerOverdue;
import org.playerdesk.department.DepartmentEvents.QuestionAnswered;
import org.playerdesk.department.DepartmentEvents.QuestionAsked;
import org.playerdesk.department.internal.AnswerDeadline;
import org.playerdesk.department.internal.DeliveryDue;
import org.playerdesk.department.internal.Department;
import org.playerdesk.department.internal.DepartmentRepository;
import org.playerdesk.department.internal.DepartmentRequest;
import org.playerdesk.department.internal.DepartmentRequestRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.notification.Notice;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Transfer with a question (转交部门): asking a department about a ticket, its answer coming back
 * as an internal note to the owning agent, and the deadline sweep.
 */
@Service
@Transactional
public class Transfers {

    public static final int QUESTION_MAX = 4000;
    public static final int ANSWER_MAX = 4000;
    static final int SWEEP_BATCH = 200;

    private final DepartmentRepository departments;
    private final InputValidation validation;
    private final DepartmentRequestRepository requests;
    private final TicketDesk desk;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final Notifications notifications;
    private final MessageSource messages;
    private final DepartmentSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Transfers(DepartmentRepository departments, DepartmentRequestRepository requests, TicketDesk desk,
            TicketQueries tickets, GameCatalog games, Notifications notifications, MessageSource messages,
            DepartmentSettings settings, ApplicationEventPublisher events, Clock clock, InputValidation validation) {
        this.validation = validation;
        this.departments = departments;
        this.requests = requests;
        this.desk = desk;
        this.tickets = tickets;
        this.games = games;
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An agent sends the ticket to a department with a question: the ticket waits on it
     * (pending_internal), the question is stored with its deadline and written into the ticket's
     * history, and goes out to the department. One open question per ticket and department.
     */
    public RequestView ask(UUID ticketId, UUID departmentId, String question, StaffMember asker) {
        TicketView ticket = tickets.head(ticketId);
        if (!asker.can(Permission.WORK_TICKETS) || !asker.serves(ticket.gameId())) {
            throw new AccessDeniedException("not a ticket this member of staff works on");
        }
        Department department = departmentId == null ? null : departments.findById(departmentId)
                .filter(d -> d.enabled() && (d.gameId() == null || d.gameId().equals(ticket.gameId())))
                .orElse(null);
        String text = tidy(question);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (department == null) {
            errors.add(new InvalidInput.FieldError("department", "invalid.department"));
        }
        errors.addAll(validation.errors(new AskedQuestion(text)));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (!ticket.status().isActive()) {
            throw new RuleViolation("department.transfer.inactive", "a resolved or closed ticket is not transferred",
                    ticket.status().code());
        }
        if (requests.existsByTicketIdAndDepartmentIdAndState(ticketId, departmentId, RequestState.OPEN)) {
            throw new RuleViolation("department.transfer.open", "this department has an open question on the ticket",
                    department.name());
        }
        Instant now = clock.instant();
        Instant due = AnswerDeadline.due(now, department.answerHours(), department.businessHours(),
                settings.businessHours());
        String token = newToken();
        DepartmentRequest request = requests.save(new DepartmentRequest(department.getId(), ticketId,
                ticket.gameId(), asker.id(), asker.displayName(), text, Hashes.sha256(token), now, due));
        Actor actor = Actor.agent(asker.id(), asker.displayName());
        if (ticket.status() != TicketStatus.PENDING_INTERNAL) {
            desk.changeStatus(ticketId, TicketStatus.PENDING_INTERNAL, actor);
        }
        desk.recordInHistory(ticketId, actor, say(ticket.gameId(), "department.history.asked", department.name(), text));
        if (department.delivery() == Delivery.MEMBERS) {
            notifications.send(department.members(), new Notice("department.question", "department.notify.asked",
                    List.of(department.name(), String.valueOf(ticket.number()), ticket.subject()),
                    "/console/departments/inbox", ticketId));
        } else {
            events.publishEvent(new DeliveryDue(request.getId(), token));
        }
        events.publishEvent(new QuestionAsked(request.getId(), ticketId, ticket.gameId(), department.getId(), asker.id(),
                due, now));
        return request.view(department.name());
    }

    /** A member of the department answers in the console. */
    public RequestView answerAsMember(UUID requestId, String answer, StaffMember member) {
        DepartmentRequest request = load(requestId);
        Department department = departments.findById(request.departmentId()).orElseThrow();
        if (!department.members().contains(member.id())) {
            throw new AccessDeniedException("only the department's members answer its questions");
        }
        String who = department.name() + " · " + member.displayName();
        return answer(request, department, answer, Actor.agent(member.id(), Texts.abbreviate(who, 100)), who);
    }

    /**
     * The department's answer by its reply token (an email reply or the webhook's answer URL).
     * {@code by} names who answered (an email address, a name the department's system gives).
     */
    public RequestView answerByToken(String token, String answer, String by) {
        DepartmentRequest request = byToken(token);
        Department department = departments.findById(request.departmentId()).orElseThrow();
        String who = by == null || by.isBlank() ? department.name()
                : department.name() + " · " + Texts.abbreviate(by.strip(), 150);
        return answer(request, department, answer, new Actor(Actor.Kind.SYSTEM, null, Texts.abbreviate(who, 100)), who);
    }

    /** The question a reply token belongs to, open or answered. */
    @Transactional(readOnly = true)
    public RequestView byReplyToken(String token) {
        DepartmentRequest request = byToken(token);
        return request.view(departments.findById(request.departmentId()).map(Department::name).orElse(""));
    }

    private DepartmentRequest byToken(String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            throw new NotFoundException("question", "(token)");
        }
        return requests.findByReplyTokenHash(Hashes.sha256(token))
                .orElseThrow(() -> new NotFoundException("question", "(token)"));
    }

    /** What is asked of a department: text of several lines, without the blanks around it. */
    record AskedQuestion(
            @NotBlank(message = "{invalid.blank}") @Size(max = QUESTION_MAX, message = "{invalid.tooLong}") @PlainText
            String question) {
    }

    /** A department's answer: text of several lines, without the blanks around it. */
    record Answer(
            @NotBlank(message = "{invalid.blank}") @Size(max = ANSWER_MAX, message = "{invalid.tooLong}") @PlainText
            String answer) {
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private RequestView answer(DepartmentRequest request, Department department, String answer, Actor author,
            String by) {
        String text = validation.check(new Answer(tidy(answer))).answer();
        Instant now = clock.instant();
        request.answer(text, by, now);
        requests.saveAndFlush(request);
        TicketView ticket = tickets.head(request.ticketId());
        desk.note(ticket.id(), author, say(ticket.gameId(), "department.note.answer", department.name(),
                request.question(), text), List.of());
        UUID owner = ticket.assigneeId() != null ? ticket.assigneeId() : request.askedBy();
        if (owner != null) {
            notifications.send(owner, new Notice("department.answer", "department.notify.answered",
                    List.of(department.name(), String.valueOf(ticket.number()), ticket.subject()),
                    "/console/tickets/" + ticket.id(), ticket.id()));
        }
        if (ticket.status() == TicketStatus.PENDING_INTERNAL
                && !requests.existsByTicketIdAndState(ticket.id(), RequestState.OPEN)) {
            desk.changeStatus(ticket.id(), TicketStatus.OPEN, author);
        }
        events.publishEvent(new QuestionAnswered(request.getId(), ticket.id(), ticket.gameId(), department.getId(),
                request.askedBy(), request.overdueAt() != null || now.isAfter(request.dueAt()), now));
        return request.view(department.name());
    }

    /** The questions asked about a ticket, newest first. */
    @Transactional(readOnly = true)
    public List<RequestView> onTicket(UUID ticketId) {
        List<DepartmentRequest> found = requests.findByTicketIdOrderByAskedAtDesc(ticketId);
        Map<UUID, String> names = names(found);
        return found.stream().map(r -> r.view(names.get(r.departmentId()))).toList();
    }

    /** An open question in a department's worklist, with the ticket it is about. */
    public record Question(RequestView request, TicketView ticket) {
    }

    /** The open questions of the departments this member of staff belongs to, the earliest deadline first. */
    @Transactional(readOnly = true)
    public List<Question> worklist(UUID staffId) {
        Set<UUID> mine = departments.ofMember(staffId).stream().map(Department::getId).collect(Collectors.toSet());
        if (mine.isEmpty()) {
            return List.of();
        }
        List<DepartmentRequest> open = requests.findByDepartmentIdInAndStateOrderByDueAtAsc(mine, RequestState.OPEN);
        Map<UUID, String> names = names(open);
        return open.stream().map(r -> new Question(r.view(names.get(r.departmentId())), tickets.head(r.ticketId())))
                .toList();
    }

    /** The questions this member of staff asked that are still awaiting an answer, the earliest deadline first. */
    @Transactional(readOnly = true)
    public List<RequestView> awaitingAnswer(UUID askedBy) {
        List<DepartmentRequest> open = requests.findByAskedByAndStateOrderByDueAtAsc(askedBy, RequestState.OPEN);
        Map<UUID, String> names = names(open);
        return open.stream().map(r -> r.view(names.get(r.departmentId()))).toList();
    }

    @Transactional(readOnly = true)
    public RequestView get(UUID requestId) {
        DepartmentRequest request = load(requestId);
        return request.view(departments.findById(request.departmentId()).map(Department::name).orElse(""));
    }

    /** The email or webhook delivery went out. */
    public void delivered(UUID requestId) {
        load(requestId).delivered(clock.instant());
    }

    /**
     * Marks each open question past its deadline overdue, once, and tells the department's
     * members, the agent who asked and the game's leads (unless the ticket was resolved or
     * closed meanwhile). Safe on several nodes: each mark is
     * claimed by a conditional update, and only the node that set it sends the notices.
     * Answers how many it marked.
     */
    public int markOverdue() {
        Instant now = clock.instant();
        int marked = 0;
        for (DepartmentRequest request : requests.pastDue(RequestState.OPEN, now, PageRequest.of(0, SWEEP_BATCH))) {
            if (requests.claimOverdue(request.getId(), now, RequestState.OPEN) == 0) {
                continue;
            }
            marked++;
            Department department = departments.findById(request.departmentId()).orElseThrow();
            TicketView ticket = tickets.head(request.ticketId());
            if (!ticket.status().isActive()) {
                // resolved or closed meanwhile: marked late, but nobody needs chasing about it
                continue;
            }
            Notice notice = new Notice("department.overdue", "department.notify.overdue",
                    List.of(department.name(), String.valueOf(ticket.number()), ticket.subject()),
                    "/console/tickets/" + ticket.id(), ticket.id());
            Set<UUID> told = new LinkedHashSet<>(department.members());
            if (request.askedBy() != null) {
                told.add(request.askedBy());
            }
            notifications.send(told, notice);
            List<UUID> leads = new ArrayList<>(notifications.leadsOf(ticket.gameId()));
            leads.removeAll(told);
            notifications.send(leads, notice);
            events.publishEvent(new AnswerOverdue(request.getId(), ticket.id(), ticket.gameId(), department.getId(),
                    request.dueAt(), now));
        }
        return marked;
    }

    private Map<UUID, String> names(List<DepartmentRequest> found) {
        Set<UUID> ids = found.stream().map(DepartmentRequest::departmentId).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : departments.findByIdIn(ids).stream()
                .collect(Collectors.toMap(Department::getId, Department::name, (a, b) -> a));
    }

    /** Words stored on the ticket, in the game's default language. */
    private String say(UUID gameId, String key, Object... args) {
        Locale locale = Locales.supported(games.get(gameId).defaultLocale());
        return messages.getMessage(key, args, locale);
    }

    private DepartmentRequest load(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("question", id));
    }

    private String newToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
