package org.playerdesk.training.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.training.TrainingSetup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link TrainingSetup} through the catalog and the gate, as the leads' pages use them. */
@Service
@Transactional
class SetupDesk implements TrainingSetup {

    private final TrainingCatalog catalog;
    private final OnboardingGate gate;

    SetupDesk(TrainingCatalog catalog, OnboardingGate gate) {
        this.catalog = catalog;
        this.gate = gate;
    }

    @Override
    public UUID course(String title, String summary, List<UUID> articleIds, Set<String> roles, Set<UUID> teams, boolean newHires,
            StaffMember by) {
        return catalog.defineCourse(new TrainingCatalog.CourseForm(title, summary,
                String.join("\n", articleIds.stream().map(UUID::toString).toList()), List.copyOf(roles), List.copyOf(teams),
                newHires, null), by).id();
    }

    @Override
    public UUID quiz(String title, UUID courseId, int drawCount, int minutes, int passPercent, boolean gateExam,
            Set<String> roles, Set<UUID> teams, boolean newHires, StaffMember by) {
        return catalog.defineExam(new TrainingCatalog.ExamForm(title, Exam.Kind.QUIZ.code(), courseId, drawCount,
                minutes, passPercent, gateExam, null, null, List.copyOf(roles), List.copyOf(teams), newHires), by).id();
    }

    @Override
    public UUID typingTest(String title, String text, Integer minCpm, int minutes, int accuracyPercent,
            boolean gateExam, Set<String> roles, Set<UUID> teams, boolean newHires, StaffMember by) {
        return catalog.defineExam(new TrainingCatalog.ExamForm(title, Exam.Kind.TYPING.code(), null, null, minutes,
                accuracyPercent, gateExam, text, minCpm, List.copyOf(roles), List.copyOf(teams), newHires), by).id();
    }

    @Override
    public void question(UUID examId, String kind, String promptEn, String promptZh, List<String> optionsEn,
            List<String> optionsZh, String answer, int points, StaffMember by) {
        catalog.addQuestion(examId, new TrainingCatalog.QuestionForm(kind, promptEn, promptZh,
                String.join("\n", optionsEn), String.join("\n", optionsZh), answer, points), by);
    }

    @Override
    public void markNewHire(UUID staffId, StaffMember by) {
        gate.markNewHire(staffId, by);
    }
}
