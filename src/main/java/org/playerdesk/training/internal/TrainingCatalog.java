package org.playerdesk.training.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.knowledge.ArticleTitles;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The courses, exams and question banks leads define, and what each member may read and sit: a
 * course or exam meant for their role, one of their teams, or new hires when they are one. Leads
 * (supervisors and administrators) see everything.
 */
@Service
@Transactional
@EnableConfigurationProperties(TrainingSettings.class)
class TrainingCatalog {

    static final int TITLE_MAX = 120;
    static final int TEXT_MAX = 2000;
    static final int PROMPT_MAX = 1000;
    static final int ARTICLES_MAX = 30;

    /** A course as a lead defines it: articles one per line (an id or the article's console address). */
    record CourseForm(@NotBlank(message = "{invalid.blank}") @Size(max = TITLE_MAX, message = "{invalid.tooLong}")
            @SingleLine String title, @Size(max = TEXT_MAX, message = "{invalid.tooLong}") String summary,
            @NotBlank(message = "{invalid.blank}") String articles, List<String> roles, List<UUID> teams,
            boolean newHires, UUID trainer) {
    }

    /** An exam as a lead defines it. */
    record ExamForm(@NotBlank(message = "{invalid.blank}") @Size(max = TITLE_MAX, message = "{invalid.tooLong}")
            @SingleLine String title, @NotBlank(message = "{invalid.choose}") String kind, UUID courseId,
            @Range(min = 1, max = 50, message = "{invalid.range.between}") Integer drawCount,
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 180, message = "{invalid.range.between}")
            Integer timeLimitMinutes,
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 100, message = "{invalid.range.between}")
            Integer passPercent,
            boolean gate, @Size(max = TEXT_MAX, message = "{invalid.tooLong}") String typingText,
            @Range(min = 1, max = 300, message = "{invalid.range.between}") Integer typingMinCpm, List<String> roles,
            List<UUID> teams, boolean newHires) {
    }

    /** A question as a lead writes it, in both languages; options one per line. */
    record QuestionForm(@NotBlank(message = "{invalid.choose}") String kind,
            @NotBlank(message = "{invalid.blank}") @Size(max = PROMPT_MAX, message = "{invalid.tooLong}") String promptEn,
            @NotBlank(message = "{invalid.blank}") @Size(max = PROMPT_MAX, message = "{invalid.tooLong}") String promptZh,
            @Size(max = TEXT_MAX, message = "{invalid.tooLong}") String optionsEn,
            @Size(max = TEXT_MAX, message = "{invalid.tooLong}") String optionsZh, String answer,
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 100, message = "{invalid.range.between}")
            Integer points) {
    }

    private final TrainingStore store;
    private final Trainees trainees;
    private final ArticleTitles articles;
    private final Teams teams;
    private final StaffDirectory staff;
    private final TrainingSettings settings;
    private final InputValidation validation;
    private final AuditLog audit;
    private final Clock clock;

    TrainingCatalog(TrainingStore store, Trainees trainees, ArticleTitles articles, Teams teams, StaffDirectory staff,
            TrainingSettings settings, InputValidation validation, AuditLog audit, Clock clock) {
        this.staff = staff;
        this.store = store;
        this.trainees = trainees;
        this.articles = articles;
        this.teams = teams;
        this.settings = settings;
        this.validation = validation;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- courses

    Course defineCourse(CourseForm form, StaffMember by) {
        Trainees.requireLead(by);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        List<UUID> ids = new ArrayList<>();
        if (form.articles() != null && !form.articles().isBlank()) {
            for (String line : Question.lines(form.articles())) {
                UUID id = articleId(line);
                if (id == null) {
                    errors.add(new InvalidInput.FieldError("articles", "invalid.training.article", line));
                    break;
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            if (ids.size() > ARTICLES_MAX) {
                errors.add(new InvalidInput.FieldError("articles", "invalid.tooMany", ARTICLES_MAX));
            } else if (errors.stream().noneMatch(e -> e.field().equals("articles"))) {
                Map<UUID, ArticleTitles.ArticleTitle> known = articles.of(ids);
                ids.stream().filter(id -> !known.containsKey(id)).findFirst().ifPresent(missing -> errors
                        .add(new InvalidInput.FieldError("articles", "invalid.training.article", missing.toString())));
            }
        }
        Audience audience = audience(form.roles(), form.teams(), form.newHires(), errors);
        if (form.trainer() != null && !staff.byIds(List.of(form.trainer())).containsKey(form.trainer())) {
            errors.add(new InvalidInput.FieldError("trainer", "invalid.training.trainer"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = Ids.next();
        store.insertCourse(id, form.title().strip(), blankToNull(form.summary()), ids, audience, form.trainer(),
                by.id(), clock.instant());
        audit.record(by, null, "training.course.create", "training_course", id.toString(),
                form.title().strip() + ": " + ids.size() + " articles");
        return store.course(id).orElseThrow();
    }

    /** An article's id from a line: the id itself, or an address ending in it. */
    static UUID articleId(String line) {
        String text = line.strip().replaceAll("[?#].*$", "");
        try {
            return UUID.fromString(text.substring(text.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    @Transactional(readOnly = true)
    List<Course> courses() {
        return store.courses();
    }

    /** Each named trainer's courses and the trainees' trainer marks of them. */
    @Transactional(readOnly = true)
    List<TrainingStore.TrainerMarks> trainerMarks() {
        return store.trainerMarks();
    }

    /** The courses meant for the member (every course for a lead). */
    @Transactional(readOnly = true)
    List<Course> coursesFor(StaffMember member) {
        Trainees.Trainee trainee = trainees.of(member);
        return store.courses().stream().filter(c -> member.role().leads() || trainee.meant(c.audience())).toList();
    }

    /** A course the member may read; absent (404) otherwise. */
    @Transactional(readOnly = true)
    Course course(UUID id, StaffMember reader) {
        Course course = store.course(id).orElseThrow(() -> new NotFoundException("course", id));
        if (!reader.role().leads() && !trainees.of(reader).meant(course.audience())) {
            throw new NotFoundException("course", id);
        }
        return course;
    }

    @Transactional(readOnly = true)
    Map<UUID, ArticleTitles.ArticleTitle> titles(List<UUID> articleIds) {
        return articles.of(articleIds);
    }

    @Transactional(readOnly = true)
    Map<UUID, Set<UUID>> read(StaffMember member) {
        return store.read(member.id());
    }

    void markRead(UUID courseId, UUID articleId, StaffMember reader) {
        Course course = course(courseId, reader);
        if (!course.articleIds().contains(articleId)) {
            throw new NotFoundException("article", articleId);
        }
        store.markRead(courseId, articleId, reader.id(), clock.instant());
    }

    /** A trainee's evaluation of a course: the training itself, not only the trainer. */
    record EvaluationForm(
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 5, message = "{invalid.range.between}")
            Integer content,
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 5, message = "{invalid.range.between}")
            Integer arrangement,
            @NotNull(message = "{invalid.required}") @Range(min = 1, max = 5, message = "{invalid.range.between}")
            Integer trainer,
            @Size(max = TEXT_MAX, message = "{invalid.tooLong}") String remark) {
    }

    /** Records the reader's evaluation of a course; once per course and reader. */
    void evaluate(UUID courseId, EvaluationForm form, StaffMember reader) {
        course(courseId, reader);
        validation.check(form);
        if (store.evaluated(courseId, reader.id())) {
            throw new org.playerdesk.system.errors.RuleViolation("training.evaluation.twice",
                    "you evaluated this course already");
        }
        store.insertEvaluation(courseId, reader.id(), form.content(), form.arrangement(), form.trainer(),
                blankToNull(form.remark()), clock.instant());
    }

    @Transactional(readOnly = true)
    boolean evaluated(UUID courseId, StaffMember reader) {
        return store.evaluated(courseId, reader.id());
    }

    /** What the trainees thought of a course; leads only. */
    @Transactional(readOnly = true)
    TrainingStore.Evaluations evaluations(UUID courseId, StaffMember lead) {
        Trainees.requireLead(lead);
        return store.evaluations(courseId);
    }

    // ---------------------------------------------------------------- exams

    Exam defineExam(ExamForm form, StaffMember by) {
        Trainees.requireLead(by);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Exam.Kind kind = null;
        if (form.kind() != null && !form.kind().isBlank()) {
            try {
                kind = Exam.Kind.of(form.kind());
            } catch (IllegalArgumentException unknown) {
                errors.add(new InvalidInput.FieldError("kind", "invalid.choose"));
            }
        }
        if (kind == Exam.Kind.QUIZ && form.drawCount() == null) {
            errors.add(new InvalidInput.FieldError("drawCount", "invalid.required"));
        }
        if (kind == Exam.Kind.TYPING && (form.typingText() == null || form.typingText().isBlank())) {
            errors.add(new InvalidInput.FieldError("typingText", "invalid.blank"));
        }
        if (form.courseId() != null && store.course(form.courseId()).isEmpty()) {
            errors.add(new InvalidInput.FieldError("courseId", "invalid.choose"));
        }
        Audience audience = audience(form.roles(), form.teams(), form.newHires(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(ExamForm.class, errors));
        }
        boolean typing = kind == Exam.Kind.TYPING;
        Exam exam = new Exam(Ids.next(), form.title().strip(), kind, form.courseId(), typing ? 0 : form.drawCount(),
                form.timeLimitMinutes(), form.passPercent(), form.gate(), typing ? form.typingText().strip() : null,
                typing ? (form.typingMinCpm() == null ? settings.typingMinCpm() : form.typingMinCpm()) : null);
        store.insertExam(exam, audience, by.id(), clock.instant());
        audit.record(by, null, "training.exam.create", "training_exam", exam.id().toString(),
                exam.title() + (exam.gate() ? " (gate)" : ""));
        return exam;
    }

    Question addQuestion(UUID examId, QuestionForm form, StaffMember by) {
        Trainees.requireLead(by);
        Exam exam = store.exam(examId).orElseThrow(() -> new NotFoundException("exam", examId));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        QuestionKind kind = null;
        if (exam.typing()) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.training.typingBank"));
        } else if (form.kind() != null && !form.kind().isBlank()) {
            try {
                kind = QuestionKind.of(form.kind());
            } catch (IllegalArgumentException unknown) {
                errors.add(new InvalidInput.FieldError("kind", "invalid.choose"));
            }
        }
        List<String> optionsEn = Question.lines(form.optionsEn());
        List<String> optionsZh = Question.lines(form.optionsZh());
        String answer = null;
        if (kind != null && kind.choices()) {
            if (optionsEn.size() < 2 || optionsEn.size() > 8) {
                errors.add(new InvalidInput.FieldError("optionsEn", "invalid.training.options", 2, 8));
            }
            if (optionsZh.size() != optionsEn.size()) {
                errors.add(new InvalidInput.FieldError("optionsZh", "invalid.training.optionsMatch"));
            }
            answer = Question.normalized(kind, form.answer());
            List<String> numbers = answer.isEmpty() ? List.of() : List.of(answer.split(","));
            boolean inRange = numbers.stream().allMatch(n -> Integer.parseInt(n) >= 1
                    && Integer.parseInt(n) <= optionsEn.size());
            if (numbers.isEmpty() || !inRange || kind == QuestionKind.SINGLE && numbers.size() != 1) {
                errors.add(new InvalidInput.FieldError("answer", kind == QuestionKind.SINGLE
                        ? "invalid.training.answerOne" : "invalid.training.answerSome", optionsEn.size()));
            }
        } else if (kind == QuestionKind.TRUE_FALSE) {
            if (form.answer() == null || !Set.of("true", "false").contains(form.answer().strip())) {
                errors.add(new InvalidInput.FieldError("answer", "invalid.training.answerTrueFalse"));
            } else {
                answer = form.answer().strip();
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(QuestionForm.class, errors));
        }
        boolean choices = kind.choices();
        Question question = new Question(Ids.next(), examId, kind, form.promptEn().strip(), form.promptZh().strip(),
                choices ? optionsEn : List.of(), choices ? optionsZh : List.of(), answer, form.points());
        store.insertQuestion(question, clock.instant());
        audit.record(by, null, "training.question.add", "training_exam", examId.toString(), kind.code());
        return question;
    }

    @Transactional(readOnly = true)
    List<Exam> exams() {
        return store.exams();
    }

    /** The exams meant for the member (every exam for a lead). */
    @Transactional(readOnly = true)
    List<Exam> examsFor(StaffMember member) {
        Trainees.Trainee trainee = trainees.of(member);
        Map<UUID, Audience> audiences = store.examAudiences();
        return store.exams().stream().filter(e -> member.role().leads()
                || trainee.meant(audiences.getOrDefault(e.id(), Audience.NOBODY))).toList();
    }

    /** An exam the member may sit (or a lead see); absent (404) otherwise. */
    @Transactional(readOnly = true)
    Exam exam(UUID id, StaffMember member) {
        Exam exam = store.exam(id).orElseThrow(() -> new NotFoundException("exam", id));
        if (!member.role().leads() && !trainees.of(member).meant(
                store.examAudiences().getOrDefault(id, Audience.NOBODY))) {
            throw new NotFoundException("exam", id);
        }
        return exam;
    }

    @Transactional(readOnly = true)
    List<Question> bank(UUID examId, StaffMember lead) {
        Trainees.requireLead(lead);
        return store.questions(examId);
    }

    // ---------------------------------------------------------------- audiences

    private Audience audience(List<String> roles, List<UUID> teamIds, boolean newHires,
            List<InvalidInput.FieldError> errors) {
        Set<String> roleCodes = new HashSet<>(roles == null ? List.of() : roles);
        Set<String> known = new HashSet<>();
        for (StaffRole role : StaffRole.values()) {
            known.add(role.code());
        }
        if (!known.containsAll(roleCodes)) {
            errors.add(new InvalidInput.FieldError("roles", "invalid.choose"));
        }
        Set<UUID> chosenTeams = new HashSet<>(teamIds == null ? List.of() : teamIds);
        if (!teams.all().stream().map(TeamView::id).toList().containsAll(chosenTeams)) {
            errors.add(new InvalidInput.FieldError("teams", "invalid.team"));
        }
        Audience audience = new Audience(roleCodes, chosenTeams, newHires);
        if (audience.empty()) {
            errors.add(new InvalidInput.FieldError("audience", "invalid.training.audience"));
        }
        return audience;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
