package org.playerdesk.training.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.files.FileDownload;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The training pages every member of staff has ({@code /console/training}): their courses and
 * exams, the gate that keeps them from live work while they are a new hire with exams to pass,
 * a course's articles in order with the reader's progress and their evaluation of the course, and
 * sitting an exam. What leads do is {@link TrainingLeadController}'s.
 */
@Controller
@RequestMapping("/console/training")
class TrainingController {

    private final TrainingCatalog catalog;
    private final ExamSittings sittings;
    private final OnboardingGate gate;
    private final TrainingPages pages;
    private final CourseFiles files;
    private final ErrorTexts texts;

    TrainingController(TrainingCatalog catalog, ExamSittings sittings, OnboardingGate gate, TrainingPages pages,
            CourseFiles files, ErrorTexts texts) {
        this.files = files;
        this.catalog = catalog;
        this.sittings = sittings;
        this.gate = gate;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("courses", pages.courses(catalog.coursesFor(me.member()), me.member()));
        model.addAttribute("exams", pages.exams(catalog.examsFor(me.member()), me.member()));
        model.addAttribute("missing", gate.missing(me.member()).stream().map(m -> m.exam().title()).toList());
        model.addAttribute("lead", me.role().leads());
        if (me.role().leads()) {
            model.addAttribute("waiting", sittings.waitingForScores(me.member()).size());
            model.addAttribute("blocked", gate.newHires(me.member()).stream().filter(OnboardingGate.NewHire::blocked)
                    .count());
        }
        return "training/index";
    }

    @GetMapping("/courses/{id}")
    String course(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        Course course = catalog.course(id, me.member());
        model.addAttribute("course", pages.courses(List.of(course), me.member()).getFirst());
        model.addAttribute("articles", pages.articles(course, me.member()));
        model.addAttribute("evaluated", catalog.evaluated(id, me.member()));
        model.addAttribute("files", files.of(id, me.member()));
        model.addAttribute("lead", me.role().leads());
        if (me.role().leads()) {
            model.addAttribute("evaluations", catalog.evaluations(id, me.member()));
        }
        return "training/course";
    }

    /** A file of the course, for whoever the course is for; served as every stored file is. */
    @GetMapping("/courses/{id}/files/{fileId}")
    ResponseEntity<Resource> file(@PathVariable UUID id, @PathVariable UUID fileId,
            @AuthenticationPrincipal StaffUser me) {
        CourseFiles.Served served = files.serve(id, fileId, me.member());
        return FileDownload.of(served.content(), served.file().contentType(), served.file().name(),
                served.file().size());
    }

    @PostMapping("/courses/{id}/articles/{articleId}/read")
    String read(@PathVariable UUID id, @PathVariable UUID articleId, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        catalog.markRead(id, articleId, me.member());
        redirect.addFlashAttribute("notice", "training.notice.read");
        return "redirect:/console/training/courses/" + id;
    }

    @PostMapping("/courses/{id}/evaluation")
    String evaluate(@PathVariable UUID id, @RequestParam(required = false) String content,
            @RequestParam(required = false) String arrangement, @RequestParam(required = false) String trainer,
            @RequestParam(required = false) String remark, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            TrainingCatalog.EvaluationForm form = new TrainingCatalog.EvaluationForm(
                    WebNumbers.parse(content, "content", errors), WebNumbers.parse(arrangement, "arrangement", errors),
                    WebNumbers.parse(trainer, "trainer", errors), remark);
            WebNumbers.refuse(errors);
            catalog.evaluate(id, form, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "training.error.", locale));
            model.addAttribute("remark", remark);
            return course(id, me, model);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", texts.text(refused, locale));
            return "redirect:/console/training/courses/" + id;
        }
        redirect.addFlashAttribute("notice", "training.notice.evaluated");
        return "redirect:/console/training/courses/" + id;
    }

    @PostMapping("/exams/{id}/start")
    String start(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        try {
            return "redirect:/console/training/attempts/" + sittings.start(id, me.member()).id();
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", texts.text(refused, locale));
            return "redirect:/console/training";
        }
    }

    @GetMapping("/attempts/{id}")
    String attempt(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        Attempt attempt = sittings.attempt(id, me.member());
        Exam exam = catalog.exam(attempt.examId(), me.member());
        model.addAttribute("attempt", pages.attempt(attempt, exam, locale));
        model.addAttribute("own", attempt.staffId().equals(me.id()));
        return "training/attempt";
    }

    /** The answers: {@code q-<question id>} (several values for several options) or {@code typed}. */
    @PostMapping("/attempts/{id}")
    String submit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<UUID, String> answers = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("q-")) {
                try {
                    answers.put(UUID.fromString(name.substring(2)), String.join(",", values));
                } catch (IllegalArgumentException notAQuestion) {
                    // not one of the attempt's questions: ignored like any unknown field
                }
            }
        });
        try {
            Attempt done = sittings.submit(id, answers, form.getFirst("typed"), me.member());
            redirect.addFlashAttribute(done.late() ? "problem" : "notice", done.late()
                    ? texts.message("training.attempt.late", locale) : "training.notice.submitted");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", texts.text(refused, locale));
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", texts.firstByField(invalid, "training.error.", locale));
            return attempt(id, me, locale, model);
        }
        return "redirect:/console/training/attempts/" + id;
    }


    static List<String> roleCodes() {
        return java.util.Arrays.stream(StaffRole.values()).map(StaffRole::code).toList();
    }
}
