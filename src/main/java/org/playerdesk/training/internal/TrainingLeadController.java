package org.playerdesk.training.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.errors.RuleViolation;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What supervisors and administrators do with training: define courses, exams and their question
 * banks ({@code /console/training/manage}), keep the onboarding gate (who is a new hire, who is
 * blocked and why: {@code /gate}) and score short answers ({@code /scoring}).
 */
@Controller
@RequestMapping("/console/training")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class TrainingLeadController {

    private final TrainingCatalog catalog;
    private final ExamSittings sittings;
    private final OnboardingGate gate;
    private final TrainingPages pages;
    private final CourseFiles files;
    private final ErrorTexts texts;

    TrainingLeadController(TrainingCatalog catalog, ExamSittings sittings, OnboardingGate gate, TrainingPages pages,
            CourseFiles files, ErrorTexts texts) {
        this.files = files;
        this.catalog = catalog;
        this.sittings = sittings;
        this.gate = gate;
        this.pages = pages;
        this.texts = texts;
    }

    // ---------------------------------------------------------------- courses and exams

    /** A file added to a course: refused with the reason shown on the course's page, nothing kept. */
    @PostMapping("/courses/{id}/files")
    String addFile(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "invalid.fileEmpty");
            }
            try (var content = file.getInputStream()) {
                files.add(id, file.getOriginalFilename(), file.getSize(), content, me.member());
            }
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", texts.summary(invalid, locale));
            return "redirect:/console/training/courses/" + id;
        } catch (PayloadTooLarge tooLarge) {
            redirect.addFlashAttribute("problem", texts.message(tooLarge.key(), locale, tooLarge.arguments().toArray()));
            return "redirect:/console/training/courses/" + id;
        }
        redirect.addFlashAttribute("notice", "training.notice.fileAdded");
        return "redirect:/console/training/courses/" + id;
    }

    @PostMapping("/courses/{id}/files/{fileId}/remove")
    String removeFile(@PathVariable UUID id, @PathVariable UUID fileId, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        files.remove(id, fileId, me.member());
        redirect.addFlashAttribute("notice", "training.notice.fileRemoved");
        return "redirect:/console/training/courses/" + id;
    }

    @GetMapping("/manage")
    String manage(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("courses", pages.courses(catalog.courses(), me.member()));
        model.addAttribute("exams", pages.exams(catalog.exams(), me.member()));
        model.addAttribute("roles", TrainingController.roleCodes());
        model.addAttribute("teams", pages.teams());
        model.addAttribute("courseChoices", catalog.courses());
        model.addAttribute("people", pages.people());
        model.addAttribute("trainers", pages.trainers());
        return "training/manage";
    }

    @PostMapping("/manage/courses")
    String defineCourse(@RequestParam(required = false) String title, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String articles, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) List<String> teams, @RequestParam(defaultValue = "false") boolean newHires,
            @RequestParam(required = false) String trainer, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            List<UUID> trainers = ids(trainer == null || trainer.isBlank() ? List.of() : List.of(trainer), "trainer",
                    errors);
            TrainingCatalog.CourseForm form = new TrainingCatalog.CourseForm(title, summary, articles, roles,
                    ids(teams, "teams", errors), newHires, trainers.isEmpty() ? null : trainers.getFirst());
            WebNumbers.refuse(errors);
            Course course = catalog.defineCourse(form, me.member());
            redirect.addFlashAttribute("notice", "training.notice.courseSaved");
            return "redirect:/console/training/courses/" + course.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("courseErrors", texts.firstByField(invalid, "training.error.", locale));
            model.addAttribute("courseForm", Map.of("title", nz(title), "summary", nz(summary), "articles",
                    nz(articles)));
            return manage(me, model);
        }
    }

    @PostMapping("/manage/exams")
    String defineExam(@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String courseId, @RequestParam(required = false) String drawCount,
            @RequestParam(required = false) String timeLimitMinutes,
            @RequestParam(required = false) String passPercent, @RequestParam(defaultValue = "false") boolean gate,
            @RequestParam(required = false) String typingText, @RequestParam(required = false) String typingMinCpm,
            @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> teams,
            @RequestParam(defaultValue = "false") boolean newHires, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            List<UUID> course = ids(courseId == null || courseId.isBlank() ? null : List.of(courseId), "courseId",
                    errors);
            TrainingCatalog.ExamForm form = new TrainingCatalog.ExamForm(title, kind,
                    course.isEmpty() ? null : course.getFirst(), WebNumbers.parse(drawCount, "drawCount", errors),
                    WebNumbers.parse(timeLimitMinutes, "timeLimitMinutes", errors),
                    WebNumbers.parse(passPercent, "passPercent", errors), gate, typingText,
                    WebNumbers.parse(typingMinCpm, "typingMinCpm", errors), roles, ids(teams, "teams", errors),
                    newHires);
            WebNumbers.refuse(errors);
            Exam exam = catalog.defineExam(form, me.member());
            redirect.addFlashAttribute("notice", "training.notice.examSaved");
            return "redirect:/console/training/manage/exams/" + exam.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("examErrors", texts.firstByField(invalid, "training.error.", locale));
            model.addAttribute("examForm", Map.of("title", nz(title), "typingText", nz(typingText)));
            return manage(me, model);
        }
    }

    @GetMapping("/manage/exams/{id}")
    String bank(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        Exam exam = catalog.exam(id, me.member());
        model.addAttribute("exam", pages.exams(List.of(exam), me.member()).getFirst());
        model.addAttribute("typingText", exam.typingText());
        model.addAttribute("questions", catalog.bank(id, me.member()));
        return "training/exam";
    }

    @PostMapping("/manage/exams/{id}/questions")
    String addQuestion(@PathVariable UUID id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String promptEn, @RequestParam(required = false) String promptZh,
            @RequestParam(required = false) String optionsEn, @RequestParam(required = false) String optionsZh,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String points,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            TrainingCatalog.QuestionForm form = new TrainingCatalog.QuestionForm(kind, promptEn, promptZh, optionsEn,
                    optionsZh, answer, WebNumbers.parse(points, "points", errors));
            WebNumbers.refuse(errors);
            catalog.addQuestion(id, form, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "training.error.", locale));
            model.addAttribute("form", Map.of("promptEn", nz(promptEn), "promptZh", nz(promptZh), "optionsEn",
                    nz(optionsEn), "optionsZh", nz(optionsZh), "answer", nz(answer)));
            return bank(id, me, locale, model);
        }
        redirect.addFlashAttribute("notice", "training.notice.questionAdded");
        return "redirect:/console/training/manage/exams/" + id;
    }

    // ---------------------------------------------------------------- the gate

    @GetMapping("/gate")
    String gate(@AuthenticationPrincipal StaffUser me, Model model) {
        List<OnboardingGate.NewHire> newHires = gate.newHires(me.member());
        Set<UUID> marked = newHires.stream().map(h -> h.member().id()).collect(Collectors.toSet());
        model.addAttribute("newHires", newHires);
        model.addAttribute("people", pages.people().stream().filter(p -> !marked.contains(p.id())).toList());
        return "training/gate";
    }

    @PostMapping("/gate/new-hires")
    String mark(@RequestParam(required = false) String staffId, @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        UUID id = staffId == null || staffId.isBlank() ? null : parseOrNull(staffId);
        if (id == null) {
            redirect.addFlashAttribute("problem", texts.text(new InvalidInput.FieldError("staffId",
                    "invalid.staff.any"), locale));
            return "redirect:/console/training/gate";
        }
        gate.markNewHire(id, me.member());
        redirect.addFlashAttribute("notice", "training.notice.marked");
        return "redirect:/console/training/gate";
    }

    @PostMapping("/gate/new-hires/{id}/release")
    String release(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        gate.release(id, me.member());
        redirect.addFlashAttribute("notice", "training.notice.released");
        return "redirect:/console/training/gate";
    }

    // ---------------------------------------------------------------- scoring

    /** A short answer waiting for a score. */
    record Waiting(UUID attemptId, String trainee, String exam, String submittedAt, UUID questionId, String prompt,
            String answer, int max) {
    }

    @GetMapping("/scoring")
    String scoring(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        List<Waiting> rows = new ArrayList<>();
        List<Attempt> attempts = sittings.waitingForScores(me.member());
        Map<UUID, StaffMember> trainees = pages.staff(attempts.stream().map(Attempt::staffId).toList());
        Map<UUID, String> exams = catalog.exams().stream().collect(Collectors.toMap(Exam::id, Exam::title));
        for (Attempt attempt : attempts) {
            Map<UUID, TrainingStore.Answer> answers = sittings.answers(attempt);
            for (Question q : sittings.questions(attempt)) {
                TrainingStore.Answer answer = answers.get(q.id());
                if (q.kind() == QuestionKind.SHORT && answer != null && answer.points() == null) {
                    StaffMember trainee = trainees.get(attempt.staffId());
                    rows.add(new Waiting(attempt.id(), trainee == null ? "" : trainee.displayName(),
                            exams.getOrDefault(attempt.examId(), ""), pages.when(attempt.submittedAt()),
                            q.id(), q.prompt(locale), answer.answer(), q.points()));
                }
            }
        }
        model.addAttribute("rows", rows);
        return "training/scoring";
    }

    @PostMapping("/attempts/{id}/answers/{questionId}/score")
    String score(@PathVariable UUID id, @PathVariable UUID questionId, @RequestParam(required = false) String points,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        try {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            Integer given = WebNumbers.parse(points, "points", errors);
            WebNumbers.refuse(errors);
            sittings.scoreAnswer(id, questionId, given, me.member());
            redirect.addFlashAttribute("notice", "training.notice.scored");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", texts.summary(invalid, locale));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", texts.text(refused, locale));
        }
        return "redirect:/console/training/scoring";
    }


    private static List<UUID> ids(List<String> texts, String field, List<InvalidInput.FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            UUID id = parseOrNull(text);
            if (id == null) {
                errors.add(new InvalidInput.FieldError(field, field.equals("teams") ? "invalid.team" : "invalid.choose"));
                return ids;
            }
            ids.add(id);
        }
        return ids;
    }

    private static UUID parseOrNull(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
